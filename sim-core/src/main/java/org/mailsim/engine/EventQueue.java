package org.mailsim.engine;

import java.util.Arrays;

/**
 * The future-event list: a 4-ary min-heap on primitive arrays with lazy cancellation.
 *
 * <p>The heap holds, in heap order, each entry's time (its IEEE bits: for non-negative doubles their order as
 * signed longs is their numeric order) and its slot. Sifting compares times only; on the rare exact tie it
 * compares the slots' insertion sequence numbers, so events at equal times leave in insertion order and every run
 * is deterministic. Four children are 32 adjacent bytes of times, and there are no per-event objects.
 *
 * <p>Callers address an entry by a {@code long} handle: the slot in the low 32 bits and the slot's generation in
 * the high 32 bits, so a stale handle (its event fired or was cancelled and the slot reused) is harmless.
 * Cancelling is O(1): the entry is marked and dropped when it reaches the top; its slot is recycled then.
 * Rescheduling cancels and inserts, returning a new handle. When cancelled entries outnumber live ones the heap
 * is rebuilt in O(n), so memory and the amortised O(log n) cost per operation stay bounded.
 */
public final class EventQueue {
    private static final int ARITY = 4;
    private static final long QUEUED = 2;
    private static final long CANCELLED = 1;
    private static final int STATE_BITS = 2;

    private long[] heapTime; // heap order: the entry's time bits
    private int[] heapSlot; // heap order: the entry's slot
    private int entries; // live and cancelled entries in the heap
    private int live;

    // Per slot, two adjacent longs (one cache line serves a whole pop): the insertion sequence number, and the
    // state: generation << 2 | QUEUED (an entry for the slot is in the heap) | CANCELLED (that entry is dropped).
    private long[] slotInfo;
    private int[] freeSlots; // stack of recycled slots
    private int freeCount;
    private int slotsInUse; // high-water mark of slots ever handed out

    private long nextSequence;

    public EventQueue() {
        this(64);
    }

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        heapTime = new long[capacity];
        heapSlot = new int[capacity];
        slotInfo = new long[2 * capacity];
        freeSlots = new int[capacity];
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
        if (!(time >= 0)) {
            throw new IllegalArgumentException("event time must be a non-negative number, got " + time);
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        slotInfo[2 * slot] = nextSequence++;
        slotInfo[2 * slot + 1] |= QUEUED;
        if (entries == heapTime.length) {
            heapTime = Arrays.copyOf(heapTime, entries * 2);
            heapSlot = Arrays.copyOf(heapSlot, entries * 2);
        }
        // +0.0 turns -0.0 (sign bit set, so a negative long) into +0.0.
        siftUp(entries++, Double.doubleToRawLongBits(time + 0.0), slot);
        live++;
        return handle(slot);
    }

    /** The time of the earliest entry; the queue must not be empty. */
    public double peekTime() {
        dropCancelledAtTop();
        return Double.longBitsToDouble(heapTime[0]);
    }

    /**
     * Removes the earliest entry and returns its slot. The slot stays valid for the caller until the next
     * {@link #insert}, which may recycle it.
     */
    public int pollSlot() {
        dropCancelledAtTop();
        int slot = heapSlot[0];
        removeTop();
        live--;
        release(slot);
        return slot;
    }

    /** True while the entry named by {@code handle} is still waiting in the queue. */
    public boolean contains(long handle) {
        int slot = slotOf(handle);
        return slot >= 0 && slot < slotsInUse
                && slotInfo[2 * slot + 1] == ((long) generationOf(handle) << STATE_BITS | QUEUED);
    }

    /** Removes the entry; returns false (and does nothing) when it already left the queue. */
    public boolean cancel(long handle) {
        if (!contains(handle)) {
            return false;
        }
        slotInfo[2 * slotOf(handle) + 1] |= CANCELLED; // dropped when it reaches the top
        live--;
        if (entries - live > 64 && entries - live > live) {
            compact();
        }
        return true;
    }

    /**
     * Moves a waiting entry to {@code time}: the entry is cancelled and a new one inserted (so among entries at the
     * same time it counts as inserted last). Returns the new handle, or -1 when the entry already left the queue.
     */
    public long reschedule(long handle, double time) {
        if (!cancel(handle)) {
            return -1;
        }
        return insert(time);
    }

    /** Empties the queue; outstanding handles become stale. */
    public void clear() {
        for (int i = 0; i < entries; i++) {
            release(heapSlot[i]);
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
        return ((slotInfo[2 * slot + 1] >>> STATE_BITS) << 32) | (slot & 0xFFFFFFFFL);
    }

    private int newSlot() {
        int slot = slotsInUse++;
        if (slot == freeSlots.length) {
            int capacity = slot * 2;
            slotInfo = Arrays.copyOf(slotInfo, 2 * capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slot;
    }

    /** Returns a slot whose entry left the heap to the free stack, with the next generation and no state bits. */
    private void release(int slot) {
        slotInfo[2 * slot + 1] = ((slotInfo[2 * slot + 1] >>> STATE_BITS) + 1) << STATE_BITS;
        freeSlots[freeCount++] = slot;
    }

    private boolean isCancelled(int slot) {
        return (slotInfo[2 * slot + 1] & CANCELLED) != 0;
    }

    private void dropCancelledAtTop() {
        if (live == 0) {
            throw new IllegalStateException("event queue is empty");
        }
        // Only cancelled entries are ever dropped; without them the check (a random memory access) is skipped.
        while (entries != live && isCancelled(heapSlot[0])) {
            int slot = heapSlot[0];
            removeTop();
            release(slot);
        }
    }

    private void compact() {
        int kept = 0;
        for (int i = 0; i < entries; i++) {
            int slot = heapSlot[i];
            if (isCancelled(slot)) {
                release(slot);
            } else {
                heapTime[kept] = heapTime[i];
                heapSlot[kept] = slot;
                kept++;
            }
        }
        entries = kept;
        for (int i = (entries - 2) / ARITY; i >= 0; i--) {
            siftDown(i, heapTime[i], heapSlot[i]);
        }
    }

    /** Orders entries by time, then by insertion sequence. */
    private boolean before(long timeA, int slotA, long timeB, int slotB) {
        return timeA < timeB || (timeA == timeB && slotInfo[2 * slotA] < slotInfo[2 * slotB]);
    }

    private void siftUp(int i, long time, int slot) {
        long[] times = heapTime;
        int[] slots = heapSlot;
        while (i > 0) {
            int parent = (i - 1) / ARITY;
            long pt = times[parent];
            if (before(pt, slots[parent], time, slot)) {
                break;
            }
            times[i] = pt;
            slots[i] = slots[parent];
            i = parent;
        }
        times[i] = time;
        slots[i] = slot;
    }

    /**
     * Removes the root the bottom-up way (Wegener's heapsort trick): walk the hole down along the smallest
     * children to a leaf without comparing against the element that fills it, then sift that element (the old
     * last entry, which usually belongs near the bottom) up from there. Saves a hard-to-predict branch per level.
     */
    private void removeTop() {
        int n = --entries;
        if (n == 0) {
            return;
        }
        long time = heapTime[n];
        int slot = heapSlot[n];
        int hole = 0;
        while (true) {
            int best = smallestChild(hole, n);
            if (best < 0) {
                break;
            }
            heapTime[hole] = heapTime[best];
            heapSlot[hole] = heapSlot[best];
            hole = best;
        }
        siftUp(hole, time, slot);
    }

    private void siftDown(int i, long time, int slot) {
        int n = entries;
        while (true) {
            int best = smallestChild(i, n);
            if (best < 0 || before(time, slot, heapTime[best], heapSlot[best])) {
                break;
            }
            heapTime[i] = heapTime[best];
            heapSlot[i] = heapSlot[best];
            i = best;
        }
        heapTime[i] = time;
        heapSlot[i] = slot;
    }

    /** The child of {@code i} that comes first among the heap's first {@code n} entries, or -1 for a leaf. */
    private int smallestChild(int i, int n) {
        int first = i * ARITY + 1;
        if (first >= n) {
            return -1;
        }
        int end = Math.min(first + ARITY, n);
        int best = first;
        long bestTime = heapTime[first];
        for (int c = first + 1; c < end; c++) {
            long t = heapTime[c];
            if (t < bestTime || (t == bestTime && slotInfo[2 * heapSlot[c]] < slotInfo[2 * heapSlot[best]])) {
                best = c;
                bestTime = t;
            }
        }
        return best;
    }
}
