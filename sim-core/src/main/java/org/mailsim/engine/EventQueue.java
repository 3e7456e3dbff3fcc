package org.mailsim.engine;

import java.util.Arrays;

/**
 * The future-event list: a 4-ary min-heap on one primitive {@code long[]} with lazy cancellation.
 *
 * <p>Each heap entry is two longs: the time's IEEE bits (for non-negative doubles their order as signed longs is
 * their numeric order) and {@code sequence << 24 | slot}. The sequence number is assigned at insertion, so events
 * at equal times leave in insertion order and every run is deterministic. Children of an entry are four adjacent
 * 16-byte entries, so one level of a sift touches about one cache line; there are no per-event objects.
 *
 * <p>Callers address an entry by a {@code long} handle: a slot in the low 32 bits and the slot's generation in
 * the high 32 bits, so a stale handle (its event fired or was cancelled and the slot reused) is harmless.
 * Cancelling is O(1): the slot forgets the entry's sequence number and the entry is dropped when it reaches the
 * top. Rescheduling inserts a fresh entry for the same slot and handle. When dropped entries outnumber live ones
 * the heap is rebuilt in O(n), so memory and the amortised O(log n) cost per operation stay bounded.
 *
 * <p>Limits: 2^24 (16.7 million) events pending at once and 2^39 insertions per queue; both are checked.
 */
public final class EventQueue {
    private static final int ARITY = 4;
    private static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;
    private static final long NOT_QUEUED = -1;
    private static final int NONE = -1;

    private long[] heap; // entry i: heap[2i] = time bits, heap[2i + 1] = sequence << SLOT_BITS | slot
    private int entries; // live and dropped entries in the heap
    private int live;

    // Slot-indexed arrays.
    private long[] sequenceOf; // sequence of the slot's live entry, or NOT_QUEUED
    private double[] timeOf;
    private int[] generationOf;
    private int[] nextFree;
    private int freeHead = NONE;
    private int slotsInUse; // high-water mark of slots ever handed out

    private long nextSequence;

    public EventQueue() {
        this(64);
    }

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(4, Math.min(initialCapacity, MAX_SLOTS));
        heap = new long[2 * capacity];
        sequenceOf = new long[capacity];
        timeOf = new double[capacity];
        generationOf = new int[capacity];
        nextFree = new int[capacity];
    }

    /** Entries waiting to fire (cancelled ones excluded). */
    public int size() {
        return live;
    }

    public boolean isEmpty() {
        return live == 0;
    }

    /** Adds an entry at {@code time} (a non-negative number of hours) and returns its handle. */
    public long insert(double time) {
        checkTime(time);
        int slot = allocateSlot();
        push(time, slot);
        live++;
        return handle(slot);
    }

    /** The time of the earliest entry; the queue must not be empty. */
    public double peekTime() {
        dropCancelledAtTop();
        return Double.longBitsToDouble(heap[0]);
    }

    /**
     * Removes the earliest entry and returns its slot. The slot stays valid for the caller until the next
     * {@link #insert}, which may recycle it.
     */
    public int pollSlot() {
        dropCancelledAtTop();
        int slot = (int) (heap[1] & SLOT_MASK);
        removeTop();
        live--;
        releaseSlot(slot);
        return slot;
    }

    /** True while the entry named by {@code handle} is still waiting in the queue. */
    public boolean contains(long handle) {
        int slot = slotOf(handle);
        return slot >= 0 && slot < slotsInUse && generationOf[slot] == generationOf(handle)
                && sequenceOf[slot] != NOT_QUEUED;
    }

    /** Removes the entry; returns false (and does nothing) when it already left the queue. */
    public boolean cancel(long handle) {
        if (!contains(handle)) {
            return false;
        }
        live--;
        releaseSlot(slotOf(handle));
        compactIfMostlyDropped();
        return true;
    }

    /**
     * Moves a waiting entry to a new time, keeping its handle. It takes a fresh sequence number, so among
     * entries at the same time it now counts as inserted last. Returns false when the entry already left.
     */
    public boolean reschedule(long handle, double time) {
        checkTime(time);
        if (!contains(handle)) {
            return false;
        }
        push(time, slotOf(handle)); // the old entry no longer matches the slot's sequence: it is dropped later
        compactIfMostlyDropped();
        return true;
    }

    /** The time at which the entry is due; the entry must be waiting. */
    public double timeOf(long handle) {
        if (!contains(handle)) {
            throw new IllegalArgumentException("no waiting event with handle " + handle);
        }
        return timeOf[slotOf(handle)];
    }

    /** Empties the queue; outstanding handles become stale. */
    public void clear() {
        for (int slot = 0; slot < slotsInUse; slot++) {
            if (sequenceOf[slot] != NOT_QUEUED) {
                releaseSlot(slot);
            }
        }
        entries = 0;
        live = 0;
    }

    public static int slotOf(long handle) {
        return (int) handle;
    }

    private static int generationOf(long handle) {
        return (int) (handle >>> 32);
    }

    private long handle(int slot) {
        return ((long) generationOf[slot] << 32) | (slot & 0xFFFFFFFFL);
    }

    private static void checkTime(double time) {
        if (!(time >= 0)) {
            throw new IllegalArgumentException("event time must be a non-negative number, got " + time);
        }
    }

    private void push(double time, int slot) {
        if (nextSequence > MAX_SEQUENCE) {
            throw new IllegalStateException("event queue exhausted its " + MAX_SEQUENCE + " sequence numbers");
        }
        long sequence = nextSequence++;
        sequenceOf[slot] = sequence;
        timeOf[slot] = time;
        if (2 * entries == heap.length) {
            heap = Arrays.copyOf(heap, heap.length * 2);
        }
        // +0.0 so that -0.0 (bits with the sign set) sorts as zero.
        siftUp(entries++, Double.doubleToRawLongBits(time + 0.0), sequence << SLOT_BITS | slot);
    }

    private boolean isLive(int i) {
        long key = heap[2 * i + 1];
        return sequenceOf[(int) (key & SLOT_MASK)] == key >>> SLOT_BITS;
    }

    private void dropCancelledAtTop() {
        if (live == 0) {
            throw new IllegalStateException("event queue is empty");
        }
        while (!isLive(0)) {
            removeTop();
        }
    }

    private void removeTop() {
        int last = --entries;
        if (last > 0) {
            siftDown(0, heap[2 * last], heap[2 * last + 1]);
        }
    }

    private void compactIfMostlyDropped() {
        int dropped = entries - live;
        if (dropped > 64 && dropped > live) {
            int kept = 0;
            for (int i = 0; i < entries; i++) {
                if (isLive(i)) {
                    heap[2 * kept] = heap[2 * i];
                    heap[2 * kept + 1] = heap[2 * i + 1];
                    kept++;
                }
            }
            entries = kept;
            for (int i = (entries - 2) / ARITY; i >= 0; i--) {
                siftDown(i, heap[2 * i], heap[2 * i + 1]);
            }
        }
    }

    private int allocateSlot() {
        int slot;
        if (freeHead != NONE) {
            slot = freeHead;
            freeHead = nextFree[slot];
        } else {
            if (slotsInUse == MAX_SLOTS) {
                throw new IllegalStateException("more than " + MAX_SLOTS + " events pending at once");
            }
            slot = slotsInUse++;
            if (slot == sequenceOf.length) {
                growSlots();
            }
        }
        return slot;
    }

    private void releaseSlot(int slot) {
        sequenceOf[slot] = NOT_QUEUED;
        generationOf[slot]++;
        nextFree[slot] = freeHead;
        freeHead = slot;
    }

    private static boolean less(long timeA, long keyA, long timeB, long keyB) {
        return timeA < timeB || (timeA == timeB && keyA < keyB);
    }

    private void siftUp(int i, long time, long key) {
        long[] h = heap;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            long pt = h[2 * parent];
            long pk = h[2 * parent + 1];
            if (less(pt, pk, time, key)) {
                break;
            }
            h[2 * i] = pt;
            h[2 * i + 1] = pk;
            i = parent;
        }
        h[2 * i] = time;
        h[2 * i + 1] = key;
    }

    private void siftDown(int i, long time, long key) {
        long[] h = heap;
        int n = entries;
        while (true) {
            int first = i * ARITY + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + ARITY, n);
            int best = first;
            long bt = h[2 * first];
            long bk = h[2 * first + 1];
            for (int c = first + 1; c < end; c++) {
                long ct = h[2 * c];
                long ck = h[2 * c + 1];
                if (less(ct, ck, bt, bk)) {
                    best = c;
                    bt = ct;
                    bk = ck;
                }
            }
            if (less(time, key, bt, bk)) {
                break;
            }
            h[2 * i] = bt;
            h[2 * i + 1] = bk;
            i = best;
        }
        h[2 * i] = time;
        h[2 * i + 1] = key;
    }

    private void growSlots() {
        int capacity = Math.min(MAX_SLOTS, sequenceOf.length * 2);
        sequenceOf = Arrays.copyOf(sequenceOf, capacity);
        timeOf = Arrays.copyOf(timeOf, capacity);
        generationOf = Arrays.copyOf(generationOf, capacity);
        nextFree = Arrays.copyOf(nextFree, capacity);
    }
}
