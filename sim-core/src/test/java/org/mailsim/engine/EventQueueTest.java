package org.mailsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventQueueTest {

    /** The reference: boxed entries in java.util.PriorityQueue ordered by (time, sequence). */
    private record Ref(double time, long sequence, int id) implements Comparable<Ref> {
        @Override
        public int compareTo(Ref o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void randomOperationSequencesMatchPriorityQueue(long seed) {
        runRandomOperations(seed, 0);
    }

    /** Thousands pending: big buckets are redistributed without warming, small ones with it. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void randomOperationSequencesOnALongQueueMatchPriorityQueue(long seed) {
        runRandomOperations(seed, 5_000);
    }

    /**
     * About the length where the sorted short queue moves into the buckets: the move happens with ties, cancelled
     * entries and peeked minima about, and the queue is cleared now and then, so that it starts short again.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void randomOperationSequencesAcrossTheShortQueueLimitMatchPriorityQueue(long seed) {
        runRandomOperations(seed, 28);
    }

    /**
     * Random inserts, peeks, polls, cancels and reschedules (after {@code prefill} inserts), each checked against
     * the reference, with stale handles tried along the way.
     */
    private static void runRandomOperations(long seed, int prefill) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue<Integer> queue = new EventQueue<>(4);
        PriorityQueue<Ref> reference = new PriorityQueue<>();
        Map<Integer, Long> handleOf = new HashMap<>();
        Map<Integer, Ref> refOf = new HashMap<>();
        List<Long> staleHandles = new ArrayList<>();
        long sequence = 0;
        int nextId = 0;
        double now = 0;
        // Near the short queue's limit inserts outnumber removals a little, so it grows into the buckets between
        // clears; elsewhere removals do, so a queue stays about as long as it started.
        boolean acrossShortLimit = prefill > 0 && prefill < 100;
        int inserts = acrossShortLimit ? 5 : 4;
        for (int op = 0; op < 20_000 + prefill; op++) {
            int kind = op < prefill ? 0 : random.nextInt(11);
            if (acrossShortLimit && op % 1000 == 999) {
                queue.clear(); // back to a short queue, with stale handles about
                staleHandles.addAll(handleOf.values());
                reference.clear();
                handleOf.clear();
                refOf.clear();
                for (int i = 0; i < prefill; i++) {
                    double time = now + random.nextInt(20);
                    int id = nextId++;
                    Ref ref = new Ref(time, sequence++, id);
                    handleOf.put(id, queue.insert(time, id));
                    reference.add(ref);
                    refOf.put(id, ref);
                }
            } else if (kind == 10 && !reference.isEmpty()) {
                // Peek without taking: a later insert may then come before the peeked minimum.
                assertThat(queue.peekTime()).isEqualTo(reference.peek().time());
            } else if (kind < inserts || reference.isEmpty()) {
                // Coarse times (ties) on a short queue; on a long one, fine times spread over many buckets.
                double time = prefill == 0 ? now + random.nextInt(20) : now + random.nextDouble() * 100;
                int id = nextId++;
                long handle = queue.insert(time, id);
                Ref ref = new Ref(time, sequence++, id);
                reference.add(ref);
                handleOf.put(id, handle);
                refOf.put(id, ref);
            } else if (kind < 7) {
                Ref expected = reference.poll();
                assertThat(queue.peekTime()).isEqualTo(expected.time());
                assertThat(queue.poll()).as("op %d", op).isEqualTo(expected.id());
                staleHandles.add(handleOf.remove(expected.id()));
                refOf.remove(expected.id());
                now = expected.time();
            } else if (kind < 9) {
                Integer id = anyWaiting(random, handleOf);
                Ref ref = refOf.remove(id);
                reference.remove(ref);
                long handle = handleOf.remove(id);
                assertThat(queue.cancel(handle)).isTrue();
                assertThat(queue.cancel(handle)).isFalse();
                staleHandles.add(handle);
            } else {
                Integer id = anyWaiting(random, handleOf);
                Ref ref = refOf.get(id);
                reference.remove(ref);
                double time = now + random.nextInt(20);
                long handle = queue.reschedule(handleOf.get(id), time);
                assertThat(handle).isNotNegative();
                staleHandles.add(handleOf.get(id));
                Ref moved = new Ref(time, sequence++, id);
                reference.add(moved);
                refOf.put(id, moved);
                handleOf.put(id, handle);
            }
            if (!staleHandles.isEmpty() && random.nextInt(4) == 0) {
                long stale = staleHandles.get(random.nextInt(staleHandles.size()));
                assertThat(queue.contains(stale)).isFalse();
                assertThat(queue.cancel(stale)).as("a stale handle must not cancel a stranger's event").isFalse();
                assertThat(queue.reschedule(stale, now + 1)).isEqualTo(-1);
            }
            assertThat(queue.size()).isEqualTo(reference.size());
        }
        while (!reference.isEmpty()) {
            Ref expected = reference.poll();
            assertThat(queue.poll()).isEqualTo(expected.id());
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    /**
     * A queue cleared with entries in many buckets (times over twelve orders of magnitude, some cancelled, bucket 0
     * half taken) is as good as new: its old handles are stale, every slot is free again (new entries reuse them
     * rather than growing the arrays) and it orders the next entries as a new queue does.
     */
    @Test
    void clearedQueueReleasesEverySlotAndBehavesAsNew() {
        SplittableRandom random = new SplittableRandom(42);
        EventQueue<Integer> reused = new EventQueue<>(4);
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            handles.add(reused.insert(Math.pow(10, random.nextDouble() * 12 - 3), i));
        }
        for (int i = 0; i < 10; i++) {
            handles.add(reused.insert(7.0, -1)); // ties: several in bucket 0 once 7.0 is the minimum
        }
        for (int i = 0; i < 300; i++) {
            reused.cancel(handles.get(random.nextInt(handles.size())));
        }
        while (reused.peekTime() < 7.0) {
            reused.poll();
        }
        reused.poll(); // bucket 0 now half taken
        int slots = 0;
        for (long h : handles) {
            slots = Math.max(slots, (int) h + 1);
        }
        reused.clear();
        assertThat(reused.size()).isZero();
        assertThat(reused.isEmpty()).isTrue();
        for (long h : handles) {
            assertThat(reused.contains(h)).isFalse();
        }

        EventQueue<Integer> fresh = new EventQueue<>(4);
        for (int i = 0; i < slots; i++) {
            double time = random.nextInt(50) * 0.5;
            long h = reused.insert(time, i);
            fresh.insert(time, i);
            assertThat((int) h).as("slot of a new entry after clear").isLessThan(slots);
        }
        while (!fresh.isEmpty()) {
            assertThat(reused.peekTime()).isEqualTo(fresh.peekTime());
            assertThat(reused.poll()).isEqualTo(fresh.poll());
        }
        assertThat(reused.isEmpty()).isTrue();
    }

    private static Integer anyWaiting(SplittableRandom random, Map<Integer, Long> handleOf) {
        List<Integer> ids = new ArrayList<>(handleOf.keySet());
        ids.sort(null);
        return ids.get(random.nextInt(ids.size()));
    }

    /**
     * A peek makes an entry at 100 h the latest minimum; entries inserted before it then fill the short queue, and
     * later ones make it move into the buckets, which must be built around the earliest entry, not the peeked one.
     */
    @Test
    void insertionsBeforeAPeekedMinimumSurviveTheMoveIntoTheBuckets() {
        EventQueue<Integer> queue = new EventQueue<>();
        queue.insert(100, 100);
        assertThat(queue.peekTime()).isEqualTo(100.0);
        for (int i = 1; i <= 31; i++) {
            queue.insert(i, i);
        }
        for (int i = 200; i < 210; i++) {
            queue.insert(i, i);
        }
        for (int i = 1; i <= 31; i++) {
            assertThat(queue.poll()).isEqualTo(i);
        }
        assertThat(queue.poll()).isEqualTo(100);
        for (int i = 200; i < 210; i++) {
            assertThat(queue.poll()).isEqualTo(i);
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void equalTimesLeaveInInsertionOrder() {
        EventQueue<Integer> queue = new EventQueue<>();
        for (int i = 0; i < 100; i++) {
            queue.insert(5.0, i);
        }
        for (int i = 0; i < 100; i++) {
            assertThat(queue.poll()).isEqualTo(i);
        }
    }

    @Test
    void massCancellationCompactsAndKeepsOrder() {
        EventQueue<Integer> queue = new EventQueue<>();
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            handles.add(queue.insert(10_000 - i, i));
        }
        for (int i = 0; i < 10_000; i += 2) {
            assertThat(queue.cancel(handles.get(i))).isTrue();
        }
        assertThat(queue.size()).isEqualTo(5_000);
        double previous = -1;
        while (!queue.isEmpty()) {
            double t = queue.peekTime();
            assertThat(t).isGreaterThan(previous);
            assertThat((int) t % 2).as("entries with even index (even time) were cancelled").isEqualTo(1);
            previous = t;
            assertThat(queue.poll()).isEqualTo(10_000 - (int) t);
        }
    }

    @Test
    void rejectsNegativeAndNaNTimesAndEmptyPolls() {
        EventQueue<String> queue = new EventQueue<>();
        assertThatThrownBy(() -> queue.insert(-1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.insert(Double.NaN, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.insert(1, null)).isInstanceOf(NullPointerException.class);
        assertThat(queue.pollDueBy(Double.POSITIVE_INFINITY)).isNull();
        assertThatThrownBy(queue::poll).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }
}
