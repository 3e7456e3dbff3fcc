package org.mailsim.engine;

import java.util.Arrays;

/**
 * The future-event list: a radix heap on primitive arrays, with lazy cancellation.
 *
 * <p>A discrete-event simulation never schedules before the present, so its event list is a monotone priority
 * queue, and a radix heap (Ahuja, Mehlhorn, Orlin and Tarjan, 1990) fits it. Keys are the times' IEEE bits (for
 * non-negative doubles their order as longs is their numeric order); {@code last} is the key of the latest
 * minimum. An entry lives in the bucket named by the highest four-bit digit in which its key differs from
 * {@code last} and by its value of that digit, so bucket order is key order. Inserting appends to a bucket; when
 * bucket 0 (entries at exactly {@code last}) runs dry, the first non-empty bucket (found in a bitmap) is scanned
 * for its minimum, which becomes {@code last}, and its entries drop to lower buckets. An entry drops at most 16
 * times, in practice three or four, and every step is a sequential scan or append, so the list stays fast when
 * it holds millions of events and its working set no longer fits in cache, where a binary or d-ary heap pays a
 * cache miss per level. Entries at equal times leave in insertion order: bucket 0 is first-in first-out, and
 * entries dropped into it together are ordered by insertion sequence.
 *
 * <p>Each entry carries an item (for the {@link Simulator}, the event to fire) and an {@code int} tag (the
 * index of the disk or array an event kind fires for), both kept by slot rather than moved with the entry. Callers address an entry by a {@code long} handle: the slot in the low 32 bits and the slot's
 * generation in the high 32 bits, so a stale handle (its event fired or was cancelled and the slot reused) is
 * harmless.
 * Cancelling is O(1): the entry is marked and dropped when a scan meets it; its slot is recycled then.
 * Rescheduling cancels and inserts, returning a new handle. When cancelled entries outnumber live ones they are
 * swept out, so memory stays bounded.
 *
 * <p>Warming: when a bucket of at most {@value #WARM_LIMIT} entries is redistributed, its entries are among the
 * next few hundred to leave, so their slot words and items are loaded there and then. Those loads are independent
 * of each other, so the memory system serves them in parallel; left to the moment each entry leaves, each would
 * be a cache miss of its own that stalls the event loop. With 100,000 events pending this makes the hold model
 * about 1.5 times as fast ({@code mailsim bench engine}); with a few thousand everything is in cache anyway.
 *
 * <p>Short queues: a replication of a small model (one array of eight disks, say) has a handful of events pending,
 * and there a radix heap's moves between buckets cost more than they save. Up to {@value #SHORT_LIMIT} entries
 * the queue is one array kept sorted, the earliest entry last: inserting shifts the entries due before the new
 * one, taking the earliest is a decrement, clearing touches only the entries left. An entry that would make it
 * longer (once cancelled entries are swept out) moves every entry into the buckets, earliest first so that ties
 * keep their insertion order, and they stay there until the queue is cleared: a big model pays for the move once
 * per replication and keeps the radix heap's guarantees. On the single Elerath-Pecht array (about 20 events
 * pending at most) this made a replication about 6% cheaper.
 *
 * <p>Limits, both checked: 2^24 (16.7 million) events pending at once and 2^39 insertions per queue.
 *
 * <p>Inserting before the latest minimum (possible only when a run stopped at a horizon after peeking a later
 * event, and the model then scheduled in between) rebuilds the buckets around the new minimum: O(n), and rare.
 */
public final class EventQueue<E> {
    // Keys are split into 16 four-bit digits; bucket 1 + 16 * level + digit holds the entries whose highest digit
    // differing from last's is at `level`, with value `digit` there. Bucket order is key order.
    private static final int DIGIT_BITS = 4;
    private static final int DIGITS = 1 << DIGIT_BITS;
    private static final int BUCKETS = 1 + ((63 + DIGIT_BITS) / DIGIT_BITS) * DIGITS;
    private static final int SLOT_BITS = 24;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int MAX_SLOTS = 1 << SLOT_BITS;
    private static final long MAX_SEQUENCE = (1L << (63 - SLOT_BITS)) - 1;
    private static final long QUEUED = 2;
    private static final long CANCELLED = 1;
    private static final int STATE_BITS = 2;
    private static final int WARM_LIMIT = 128;
    private static final int SHORT_LIMIT = 32;

    // Bucket b holds entries as pairs (time bits, sequence << SLOT_BITS | slot) in buckets[b][2i], buckets[b][2i + 1];
    // bucket 0 is read from head0. The insertion sequence orders entries at equal times.
    private final long[][] buckets = new long[BUCKETS][];
    private final int[] bucketSize = new int[BUCKETS];
    private final long[] occupied = new long[(BUCKETS + 63) / 64]; // bit b: bucket b (b >= 1) is not empty
    private int head0;
    // While !inBuckets every entry is in `sorted` instead, as pairs like a bucket's, in decreasing (key, sequence)
    // order: the earliest entry is the last pair.
    private boolean inBuckets;
    private final long[] sorted = new long[2 * SHORT_LIMIT];
    private long last; // key of the latest minimum; in the buckets, every entry's key is >= last
    private int entries; // live and cancelled entries in the buckets (or in `sorted`)
    private int live;

    // Per slot: generation << 2 | QUEUED (an entry for the slot is in a bucket) | CANCELLED (it is to be dropped).
    private long[] slotState;
    private Object[] items; // per slot: the item of its queued entry, null once it left
    private int[] tags; // per slot: the tag of its queued entry
    private int lastTag; // the tag of the entry most recently removed
    private int[] freeSlots; // stack of recycled slots
    private int freeCount;
    private int slotsInUse; // high-water mark of slots ever handed out

    private long nextSequence;
    private int warmed; // never read: warm() writes it so that its loads cannot be optimised away

    public EventQueue() {
        this(64);
    }

    public EventQueue(int initialCapacity) {
        int capacity = Math.max(4, initialCapacity);
        for (int b = 0; b < BUCKETS; b++) {
            buckets[b] = new long[8];
        }
        slotState = new long[capacity];
        items = new Object[capacity];
        tags = new int[capacity];
        freeSlots = new int[capacity];
    }

    /** Entries waiting to fire (cancelled ones excluded). */
    public int size() {
        return live;
    }

    public boolean isEmpty() {
        return live == 0;
    }

    /** Adds {@code item} at {@code time} (a non-negative number of hours) and returns its handle. */
    public long insert(double time, E item) {
        return insert(time, item, 0);
    }

    /** Adds {@code item} with {@code tag} at {@code time}; the tag comes back with {@link #lastPolledTag()}. */
    public long insert(double time, E item, int tag) {
        if (item == null) {
            throw new NullPointerException("item");
        }
        if (!(time >= 0)) {
            throw new IllegalArgumentException("event time must be a non-negative number, got " + time);
        }
        if (nextSequence > MAX_SEQUENCE) {
            throw new IllegalStateException("event queue exhausted its " + MAX_SEQUENCE + " insertions");
        }
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        slotState[slot] |= QUEUED;
        items[slot] = item;
        tags[slot] = tag;
        // +0.0 turns -0.0 (sign bit set, so a negative long) into +0.0.
        long key = Double.doubleToRawLongBits(time + 0.0);
        long sequenceAndSlot = nextSequence++ << SLOT_BITS | slot;
        // The short queue's work stays in methods of its own, so this one stays small enough for the JIT to inline
        // into the callers of a big model, which use the buckets.
        if (inBuckets) {
            appendToBuckets(key, sequenceAndSlot);
        } else {
            insertShort(key, sequenceAndSlot);
        }
        entries++;
        live++;
        return handle(slot);
    }

    /** The time of the earliest entry; the queue must not be empty. */
    public double peekTime() {
        settleMinimum();
        return Double.longBitsToDouble(last);
    }

    /**
     * Removes the earliest entry if it is due by {@code horizon} and returns its item, or null (leaving the queue
     * as it was) when the earliest entry is later or the queue is empty. The entry's time is then
     * {@link #lastPolledTime()}. One call instead of peek-then-poll on the event loop's hot path.
     */
    public E pollDueBy(double horizon) {
        if (live == 0) {
            return null;
        }
        settleMinimum();
        if (Double.longBitsToDouble(last) > horizon) {
            return null;
        }
        return takeHead();
    }

    /** The tag of the entry most recently removed by {@link #poll} or {@link #pollDueBy}. */
    public int lastPolledTag() {
        return lastTag;
    }

    /** The time of the entry most recently removed (or settled as earliest). */
    public double lastPolledTime() {
        return Double.longBitsToDouble(last);
    }

    /** Removes the earliest entry and returns its item; the queue must not be empty. */
    public E poll() {
        settleMinimum();
        return takeHead();
    }

    @SuppressWarnings("unchecked")
    private E takeHead() {
        int slot;
        if (inBuckets) {
            slot = slotOf(buckets[0], head0);
            advanceHead0();
        } else {
            slot = slotOf(sorted, --entries);
        }
        live--;
        E item = (E) items[slot];
        lastTag = tags[slot];
        release(slot);
        return item;
    }

    /** True while the entry named by {@code handle} is still waiting in the queue. */
    public boolean contains(long handle) {
        int slot = slotOf(handle);
        return slot >= 0 && slot < slotsInUse
                && slotState[slot] == ((long) generationOf(handle) << STATE_BITS | QUEUED);
    }

    /** Removes the entry; returns false (and does nothing) when it already left the queue. */
    public boolean cancel(long handle) {
        if (!contains(handle)) {
            return false;
        }
        slotState[slotOf(handle)] |= CANCELLED;
        items[slotOf(handle)] = null; // the slot itself is recycled when a scan drops the entry
        live--;
        if (entries - live > 64 && entries - live > live) {
            sweepCancelled();
        }
        return true;
    }

    /**
     * Moves a waiting entry and its item to {@code time}: the entry is cancelled and a new one inserted (so among
     * entries at the same time it counts as inserted last). Returns the new handle, or -1 when the entry already
     * left the queue.
     */
    @SuppressWarnings("unchecked")
    public long reschedule(long handle, double time) {
        if (!contains(handle)) {
            return -1;
        }
        E item = (E) items[slotOf(handle)];
        int tag = tags[slotOf(handle)];
        cancel(handle);
        return insert(time, item, tag);
    }

    /**
     * Empties the queue as if new, keeping its grown arrays (so a queue reused for the next replication does not
     * grow again); outstanding handles become stale. Costs one pass over the entries left, visiting only the
     * buckets that hold some (found in the bitmap), so clearing a queue of a few entries is a few steps, not 257.
     */
    public void clear() {
        if (!inBuckets) {
            for (int i = 0; i < entries; i++) {
                release(slotOf(sorted, i));
            }
        } else {
            clearBuckets();
        }
        inBuckets = false;
        entries = 0;
        live = 0;
        last = 0; // a later minimum would make every earlier insertion rebuild the buckets
        nextSequence = 0; // no entry is left to be ordered against
    }

    private void clearBuckets() {
        for (int i = head0; i < bucketSize[0]; i++) {
            release(slotOf(buckets[0], i));
        }
        bucketSize[0] = 0;
        for (int w = 0; w < occupied.length; w++) {
            long bits = w == 0 ? occupied[0] & ~1L : occupied[w];
            while (bits != 0) {
                int b = w * 64 + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                for (int i = 0; i < bucketSize[b]; i++) {
                    release(slotOf(buckets[b], i));
                }
                bucketSize[b] = 0;
            }
            occupied[w] = 0;
        }
        head0 = 0;
    }

    private static int slotOf(long handle) {
        return (int) handle;
    }

    private static int generationOf(long handle) {
        return (int) (handle >>> 32);
    }

    private long handle(int slot) {
        return ((slotState[slot] >>> STATE_BITS) << 32) | (slot & 0xFFFFFFFFL);
    }

    /** The slot of entry {@code i} of a bucket (or of the sorted short queue). */
    private static int slotOf(long[] bucket, int i) {
        return (int) (bucket[2 * i + 1] & SLOT_MASK);
    }

    private int bucketOf(long key) {
        long differing = key ^ last;
        if (differing == 0) {
            return 0;
        }
        int level = (63 - Long.numberOfLeadingZeros(differing)) / DIGIT_BITS;
        int digit = (int) (key >>> (level * DIGIT_BITS)) & (DIGITS - 1);
        return 1 + level * DIGITS + digit;
    }

    /** The first non-empty bucket after bucket 0. */
    private int firstOccupied() {
        for (int w = 0; w < occupied.length; w++) {
            long bits = w == 0 ? occupied[0] & ~1L : occupied[w];
            if (bits != 0) {
                return w * 64 + Long.numberOfTrailingZeros(bits);
            }
        }
        throw new IllegalStateException("no occupied bucket although entries remain");
    }

    private void recomputeOccupied() {
        Arrays.fill(occupied, 0);
        for (int b = 1; b < BUCKETS; b++) {
            if (bucketSize[b] > 0) {
                occupied[b >>> 6] |= 1L << b;
            }
        }
    }

    private void append(int bucket, long key, long sequenceAndSlot) {
        long[] b = buckets[bucket];
        int n = bucketSize[bucket];
        if (2 * n == b.length) {
            b = buckets[bucket] = Arrays.copyOf(b, b.length * 2);
        }
        b[2 * n] = key;
        b[2 * n + 1] = sequenceAndSlot;
        bucketSize[bucket] = n + 1;
        if (n == 0) {
            occupied[bucket >>> 6] |= 1L << bucket; // bit 0 (bucket 0) is set too, and ignored
        }
    }

    private void advanceHead0() {
        entries--;
        if (++head0 == bucketSize[0]) {
            head0 = 0;
            bucketSize[0] = 0;
        }
    }

    private boolean isCancelled(int slot) {
        return (slotState[slot] & CANCELLED) != 0;
    }

    /**
     * Makes the earliest live entry the head (bucket 0's, or the sorted queue's last) and its key {@code last},
     * dropping cancelled entries met on the way.
     */
    private void settleMinimum() {
        if (live == 0) {
            throw new IllegalStateException("event queue is empty");
        }
        if (!inBuckets) {
            settleShort();
            return;
        }
        while (true) {
            if (head0 < bucketSize[0]) {
                int slot = slotOf(buckets[0], head0);
                if (entries == live || !isCancelled(slot)) {
                    return;
                }
                advanceHead0();
                release(slot);
                continue;
            }
            int b = firstOccupied();
            if (bucketSize[b] == 1) {
                takeSingleton(b);
            } else {
                redistribute(b);
            }
        }
    }

    private void appendToBuckets(long key, long sequenceAndSlot) {
        if (key < last) {
            rebuildAround(key);
        }
        append(bucketOf(key), key, sequenceAndSlot);
    }

    /**
     * Puts an entry into the sorted short queue after the entries due later and before those due earlier or at the
     * same time (which were inserted before it); when the queue is full, into the buckets instead, with the rest.
     */
    private void insertShort(long key, long sequenceAndSlot) {
        if (entries == SHORT_LIMIT) {
            sweepCancelled();
            if (entries == SHORT_LIMIT) {
                moveToBuckets();
                appendToBuckets(key, sequenceAndSlot);
                return;
            }
        }
        int i = entries;
        while (i > 0 && sorted[2 * i - 2] <= key) {
            sorted[2 * i] = sorted[2 * i - 2];
            sorted[2 * i + 1] = sorted[2 * i - 1];
            i--;
        }
        sorted[2 * i] = key;
        sorted[2 * i + 1] = sequenceAndSlot;
    }

    /** As settleMinimum, for the sorted short queue: its last live entry is the earliest. */
    private void settleShort() {
        while (true) {
            int slot = slotOf(sorted, entries - 1);
            if (entries == live || !isCancelled(slot)) {
                last = sorted[2 * (entries - 1)];
                return;
            }
            entries--;
            release(slot);
        }
    }

    /**
     * The sorted short queue is full: its entries go into the buckets for good (until {@link #clear}), the earliest
     * first, so that the ones at {@code last} enter bucket 0 in insertion order.
     */
    private void moveToBuckets() {
        inBuckets = true;
        // An insertion before the latest minimum (see the class comment) may have left an entry below last.
        last = Math.min(last, sorted[2 * (entries - 1)]);
        for (int i = entries - 1; i >= 0; i--) {
            append(bucketOf(sorted[2 * i]), sorted[2 * i], sorted[2 * i + 1]);
        }
    }

    /** Bucket 0 is empty and bucket {@code b} holds one entry: the common case, so it skips the general scan. */
    private void takeSingleton(int b) {
        long key = buckets[b][0];
        long sequenceAndSlot = buckets[b][1];
        bucketSize[b] = 0;
        occupied[b >>> 6] &= ~(1L << b);
        int slot = (int) (sequenceAndSlot & SLOT_MASK);
        if (entries != live && isCancelled(slot)) {
            release(slot);
            entries--;
            return;
        }
        last = key;
        buckets[0][0] = key;
        buckets[0][1] = sequenceAndSlot;
        bucketSize[0] = 1;
    }

    /**
     * Empties bucket {@code b} (all of whose entries are later than bucket 0's): its live minimum becomes
     * {@code last} and every live entry moves to the bucket its key now belongs in, a lower one.
     */
    private void redistribute(int b) {
        long[] source = buckets[b];
        int n = bucketSize[b];
        bucketSize[b] = 0;
        occupied[b >>> 6] &= ~(1L << b);
        // Appending below may grow another bucket, never this one (every entry moves to a lower bucket).
        boolean dropCancelled = entries != live;
        long min = Long.MAX_VALUE;
        if (dropCancelled) {
            for (int i = 0; i < n; i++) {
                long key = source[2 * i];
                if (key < min && !isCancelled(slotOf(source, i))) {
                    min = key;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                min = Math.min(min, source[2 * i]); // no branch to mispredict
            }
        }
        if (min == Long.MAX_VALUE) { // every entry was cancelled
            for (int i = 0; i < n; i++) {
                release(slotOf(source, i));
            }
            entries -= n;
            return;
        }
        last = min;
        if (n <= WARM_LIMIT) {
            warm(source, n);
        }
        for (int i = 0; i < n; i++) {
            long key = source[2 * i];
            long sequenceAndSlot = source[2 * i + 1];
            if (dropCancelled && isCancelled((int) (sequenceAndSlot & SLOT_MASK))) {
                release((int) (sequenceAndSlot & SLOT_MASK));
                entries--;
            } else {
                append(bucketOf(key), key, sequenceAndSlot);
            }
        }
        orderBucket0BySequence();
    }

    /** Loads the slot words and items of a bucket's entries now, together (see the class comment). */
    private void warm(long[] bucket, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            int slot = slotOf(bucket, i);
            Object item = items[slot];
            sum += (int) slotState[slot] + (item != null && item.getClass() == EventQueue.class ? 1 : 0);
        }
        warmed += sum;
    }

    /** Entries dropped together into bucket 0 share one time; they leave in insertion order. */
    private void orderBucket0BySequence() {
        long[] b = buckets[0];
        int n = bucketSize[0];
        for (int i = head0 + 1; i < n; i++) {
            long sequenceAndSlot = b[2 * i + 1];
            int j = i - 1;
            while (j >= head0 && b[2 * j + 1] > sequenceAndSlot) {
                b[2 * (j + 1) + 1] = b[2 * j + 1];
                j--;
            }
            b[2 * (j + 1) + 1] = sequenceAndSlot; // keys in bucket 0 are all equal, so only the second words move
        }
    }

    /** A key below {@code last} arrived: rebuild every bucket around it (rare; see the class comment). */
    private void rebuildAround(long key) {
        long[][] pairs = new long[entries][];
        int n = 0;
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = b == 0 ? head0 : 0; i < bucketSize[b]; i++) {
                pairs[n++] = new long[] {buckets[b][2 * i], buckets[b][2 * i + 1]};
            }
            bucketSize[b] = 0;
        }
        head0 = 0;
        Arrays.fill(occupied, 0);
        last = key;
        // Re-append in insertion order so that bucket 0 stays first-in first-out.
        Arrays.sort(pairs, 0, n, (x, y) -> Long.compare(x[1], y[1]));
        for (int i = 0; i < n; i++) {
            append(bucketOf(pairs[i][0]), pairs[i][0], pairs[i][1]);
        }
    }

    private void sweepCancelled() {
        if (!inBuckets) {
            int kept = 0;
            for (int i = 0; i < entries; i++) {
                int slot = slotOf(sorted, i);
                if (isCancelled(slot)) {
                    release(slot);
                } else {
                    sorted[2 * kept] = sorted[2 * i];
                    sorted[2 * kept + 1] = sorted[2 * i + 1];
                    kept++;
                }
            }
            entries = kept;
            return;
        }
        for (int b = 0; b < BUCKETS; b++) {
            long[] bucket = buckets[b];
            int kept = 0;
            int start = b == 0 ? head0 : 0;
            for (int i = start; i < bucketSize[b]; i++) {
                int slot = slotOf(bucket, i);
                if (isCancelled(slot)) {
                    release(slot);
                    entries--;
                } else {
                    bucket[2 * kept] = bucket[2 * i];
                    bucket[2 * kept + 1] = bucket[2 * i + 1];
                    kept++;
                }
            }
            bucketSize[b] = kept;
        }
        head0 = 0;
        recomputeOccupied();
    }

    private int newSlot() {
        if (slotsInUse == MAX_SLOTS) {
            throw new IllegalStateException("more than " + MAX_SLOTS + " events pending at once");
        }
        int slot = slotsInUse++;
        if (slot == freeSlots.length) {
            int capacity = Math.min(MAX_SLOTS, slot * 2);
            slotState = Arrays.copyOf(slotState, capacity);
            items = Arrays.copyOf(items, capacity);
            tags = Arrays.copyOf(tags, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slot;
    }

    /**
     * Returns a slot whose entry left the buckets to the free stack, with the next generation, no state bits and
     * no item (so the queue holds no reference to an item that left it).
     */
    private void release(int slot) {
        items[slot] = null;
        slotState[slot] = ((slotState[slot] >>> STATE_BITS) + 1) << STATE_BITS;
        freeSlots[freeCount++] = slot;
    }
}
