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
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue(4);
        PriorityQueue<Ref> reference = new PriorityQueue<>();
        Map<Integer, Long> handleOf = new HashMap<>();
        Map<Integer, Ref> refOf = new HashMap<>();
        Map<Integer, Integer> idOfSlot = new HashMap<>();
        List<Long> staleHandles = new ArrayList<>();
        long sequence = 0;
        int nextId = 0;
        double now = 0;
        // Coarse times make exact ties frequent, so insertion order is exercised too.
        for (int op = 0; op < 20_000; op++) {
            int kind = random.nextInt(11);
            if (kind == 10 && !reference.isEmpty()) {
                // Peek without taking: a later insert may then come before the peeked minimum.
                assertThat(queue.peekTime()).isEqualTo(reference.peek().time());
            } else if (kind < 4 || reference.isEmpty()) {
                double time = now + random.nextInt(20);
                int id = nextId++;
                long handle = queue.insert(time);
                Ref ref = new Ref(time, sequence++, id);
                reference.add(ref);
                handleOf.put(id, handle);
                refOf.put(id, ref);
                idOfSlot.put(EventQueue.slotOf(handle), id);
            } else if (kind < 7) {
                Ref expected = reference.poll();
                assertThat(queue.peekTime()).isEqualTo(expected.time());
                int slot = queue.pollSlot();
                assertThat(idOfSlot.get(slot)).as("op %d", op).isEqualTo(expected.id());
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
                idOfSlot.put(EventQueue.slotOf(handle), id);
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
            assertThat(idOfSlot.get(queue.pollSlot())).isEqualTo(expected.id());
        }
        assertThat(queue.isEmpty()).isTrue();
    }

    private static Integer anyWaiting(SplittableRandom random, Map<Integer, Long> handleOf) {
        List<Integer> ids = new ArrayList<>(handleOf.keySet());
        ids.sort(null);
        return ids.get(random.nextInt(ids.size()));
    }

    @Test
    void equalTimesLeaveInInsertionOrder() {
        EventQueue queue = new EventQueue();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            slots.add(EventQueue.slotOf(queue.insert(5.0)));
        }
        for (int i = 0; i < 100; i++) {
            assertThat(queue.pollSlot()).isEqualTo(slots.get(i));
        }
    }

    @Test
    void massCancellationCompactsAndKeepsOrder() {
        EventQueue queue = new EventQueue();
        List<Long> handles = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            handles.add(queue.insert(10_000 - i));
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
            queue.pollSlot();
        }
    }

    @Test
    void rejectsNegativeAndNaNTimesAndEmptyPolls() {
        EventQueue queue = new EventQueue();
        assertThatThrownBy(() -> queue.insert(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queue.insert(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(queue::pollSlot).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }
}
