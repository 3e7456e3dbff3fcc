package org.mailsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    @Test
    void firesInTimeOrderThenInsertionOrder() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        sim.scheduleAt(2, () -> fired.add("b@2"));
        sim.scheduleAt(1, () -> fired.add("a@1"));
        sim.scheduleAt(2, () -> fired.add("c@2"));
        sim.scheduleAt(1, () -> {
            fired.add("d@1");
            sim.schedule(0, () -> fired.add("e@1 (scheduled at 1 with zero delay)"));
        });
        sim.run(10);
        assertThat(fired).containsExactly("a@1", "d@1", "e@1 (scheduled at 1 with zero delay)", "b@2", "c@2");
        assertThat(sim.now()).isEqualTo(10);
    }

    /** Indexed events fire with their index, interleaved with plain events in (time, insertion) order. */
    @Test
    void indexedEventsFireWithTheirIndexAndKeepItWhenRescheduled() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        IndexedEvent failure = index -> fired.add("disk " + index + "@" + sim.now());
        sim.scheduleAt(3, failure, 7);
        sim.scheduleAt(1, () -> fired.add("plain@1"));
        long h = sim.schedule(2, failure, 42);
        sim.scheduleAt(1, failure, 0);
        h = sim.reschedule(h, 5);
        assertThat(sim.isScheduled(h)).isTrue();
        sim.run(10);
        assertThat(fired).containsExactly("plain@1", "disk 0@1.0", "disk 7@3.0", "disk 42@5.0");
    }

    /** A reset simulator left mid-run (events pending at late times) replays a run exactly as a new one does. */
    @Test
    void resetSimulatorRunsLikeANewOne() {
        Simulator reused = new Simulator(4);
        List<String> first = new ArrayList<>();
        scheduleStaggered(reused, first);
        reused.run(50); // stops with late events still queued
        long staleHandle = reused.scheduleAt(1e6, () -> first.add("stale"));
        reused.stop();
        reused.reset();
        assertThat(reused.now()).isZero();
        assertThat(reused.pendingEvents()).isZero();
        assertThat(reused.eventsFired()).isZero();
        assertThat(reused.isScheduled(staleHandle)).isFalse();

        List<String> again = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        scheduleStaggered(reused, again);
        Simulator newOne = new Simulator(4);
        scheduleStaggered(newOne, fresh);
        assertThat(reused.run(1000)).isEqualTo(newOne.run(1000));
        assertThat(again).isEqualTo(fresh).hasSize(300);
        assertThat(reused.eventsFired()).isEqualTo(newOne.eventsFired());
    }

    private static void scheduleStaggered(Simulator sim, List<String> fired) {
        for (int i = 0; i < 300; i++) {
            int id = i;
            sim.scheduleAt((i * 37) % 101 + (i % 3) * 0.5, () -> fired.add(id + "@" + sim.now()));
        }
    }

    @Test
    void horizonLeavesLaterEventsQueuedAndRunCanContinue() {
        Simulator sim = new Simulator();
        List<Double> times = new ArrayList<>();
        for (int t = 1; t <= 5; t++) {
            sim.scheduleAt(t, () -> times.add(sim.now()));
        }
        assertThat(sim.run(3)).isEqualTo(Simulator.RunOutcome.HORIZON);
        assertThat(times).containsExactly(1.0, 2.0, 3.0);
        assertThat(sim.now()).isEqualTo(3);
        assertThat(sim.run(Double.POSITIVE_INFINITY)).isEqualTo(Simulator.RunOutcome.EMPTY);
        assertThat(times).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
    }

    @Test
    void aRunStoppedAtItsHorizonAcceptsEventsBeforeThePeekedOne() {
        Simulator sim = new Simulator();
        List<Double> times = new ArrayList<>();
        sim.scheduleAt(10, () -> times.add(sim.now()));
        sim.run(5); // looked at the event at 10 and stopped
        sim.scheduleAt(7, () -> times.add(sim.now()));
        sim.scheduleAt(5, () -> times.add(sim.now()));
        sim.run(20);
        assertThat(times).containsExactly(5.0, 7.0, 10.0);
    }

    @Test
    void cancelAndRescheduleByHandle() {
        Simulator sim = new Simulator();
        List<String> fired = new ArrayList<>();
        long a = sim.scheduleAt(1, () -> fired.add("a"));
        long b = sim.scheduleAt(2, () -> fired.add("b"));
        assertThat(sim.cancel(a)).isTrue();
        assertThat(sim.cancel(a)).isFalse();
        long moved = sim.reschedule(b, 0.5);
        assertThat(sim.isScheduled(b)).isFalse();
        assertThat(sim.isScheduled(moved)).isTrue();
        sim.scheduleAt(1, () -> fired.add("c"));
        sim.run(5);
        assertThat(fired).containsExactly("b", "c");
        assertThat(sim.now()).isEqualTo(5);
    }

    @Test
    void stopEndsTheRunAtTheStoppingEvent() {
        Simulator sim = new Simulator();
        sim.scheduleAt(1, sim::stop);
        sim.scheduleAt(2, () -> { });
        assertThat(sim.run(10)).isEqualTo(Simulator.RunOutcome.STOPPED);
        assertThat(sim.now()).isEqualTo(1);
        assertThat(sim.pendingEvents()).isEqualTo(1);
    }

    @Test
    void eventBudgetStopsARunawayModelWithAClearMessage() {
        Simulator sim = new Simulator();
        sim.setEventBudget(1_000);
        Event[] loop = new Event[1];
        loop[0] = () -> sim.schedule(0, loop[0]);
        sim.schedule(0, loop[0]);
        assertThatThrownBy(() -> sim.run(1))
                .isInstanceOf(EventBudgetExceededException.class)
                .hasMessageContaining("1,000 events")
                .hasMessageContaining("keeps scheduling");
        assertThat(sim.eventsFired()).isEqualTo(1_000);
    }

    /**
     * A busy model: {@code chains} event chains with pseudo-random delays; it asks to stop at event {@code stopAt}
     * (0: never) and stops rescheduling after event {@code lastAt}, so the queue drains. The hash covers every
     * event's time and order.
     */
    private static final class Churn {
        final Simulator sim;
        final long stopAt;
        final long lastAt;
        long random = 0x9E3779B97F4A7C15L;
        long fired;
        long hash = 17;
        final Event fire = this::fire;

        Churn(Simulator sim, int chains, long stopAt, long lastAt) {
            this.sim = sim;
            this.stopAt = stopAt;
            this.lastAt = lastAt;
            for (int i = 0; i < chains; i++) {
                sim.schedule(delay(), fire);
            }
        }

        double delay() {
            random = random * 6364136223846793005L + 1442695040888963407L;
            return (random >>> 11) * 0x1.0p-53 * 2; // uniform on [0, 2) hours, zero now and then
        }

        void fire() {
            fired++;
            hash = hash * 31 + Double.doubleToLongBits(sim.now());
            if (fired == stopAt) {
                sim.stop();
            }
            if (fired < lastAt) {
                sim.schedule(delay(), fire);
            }
        }
    }

    /** How a run ended: its outcome (or the budget's message), clock, events fired and the hash of what fired. */
    private static String end(Churn model, java.util.function.Supplier<Simulator.RunOutcome> run) {
        String outcome;
        try {
            outcome = run.get().toString();
        } catch (EventBudgetExceededException e) {
            outcome = e.getMessage();
        }
        return outcome + " at " + model.sim.now() + " h after " + model.sim.eventsFired() + " events, hash "
                + model.hash;
    }

    @Test
    void aCheckpointIsToldEveryChunkOfEventsAndChangesNothingInWhatFiresWhen() {
        int chunk = Simulator.CHECKPOINT_EVERY;
        record Case(String name, long stopAt, long lastAt, long budget, double horizon) {
        }
        List<Case> cases = List.of(
                new Case("horizon", 0, Long.MAX_VALUE, Simulator.DEFAULT_EVENT_BUDGET, 5000),
                new Case("stop on a chunk's last event", 2L * chunk, Long.MAX_VALUE, Simulator.DEFAULT_EVENT_BUDGET,
                        1e9),
                new Case("stop within a chunk", 2L * chunk + 5, Long.MAX_VALUE, Simulator.DEFAULT_EVENT_BUDGET, 1e9),
                new Case("queue drains", 0, 3L * chunk + 11, Simulator.DEFAULT_EVENT_BUDGET, 1e9),
                new Case("budget within a chunk", 0, Long.MAX_VALUE, 3L * chunk + 7, 1e9),
                new Case("budget on a chunk's end", 0, Long.MAX_VALUE, 3L * chunk, 1e9));
        for (Case c : cases) {
            Simulator plain = new Simulator();
            plain.setEventBudget(c.budget());
            Churn a = new Churn(plain, 50, c.stopAt(), c.lastAt());
            String expected = end(a, () -> plain.run(c.horizon()));

            Simulator followed = new Simulator();
            followed.setEventBudget(c.budget());
            List<long[]> calls = new ArrayList<>();
            double[] lastNow = {0};
            followed.setCheckpoint((now, events) -> {
                assertThat(now).isGreaterThanOrEqualTo(lastNow[0]);
                lastNow[0] = now;
                calls.add(new long[] {events});
            });
            Churn b = new Churn(followed, 50, c.stopAt(), c.lastAt());
            assertThat(end(b, () -> followed.run(c.horizon()))).as(c.name()).isEqualTo(expected);
            assertThat(a.fired).as(c.name()).isGreaterThanOrEqualTo(2L * chunk);
            // Told after every full chunk but the one the run ended on.
            assertThat(calls).as(c.name()).hasSize((int) ((followed.eventsFired() - 1) / chunk));
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i)[0]).isEqualTo((long) (i + 1) * chunk);
            }
        }
        // step(count) keeps its count across chunks.
        Simulator plain = new Simulator();
        Churn a = new Churn(plain, 50, 0, Long.MAX_VALUE);
        String expected = end(a, () -> plain.step(5L * chunk + 3));
        Simulator followed = new Simulator();
        followed.setCheckpoint((now, events) -> { });
        Churn b = new Churn(followed, 50, 0, Long.MAX_VALUE);
        assertThat(end(b, () -> followed.step(5L * chunk + 3))).isEqualTo(expected).startsWith("LIMIT");
        // reset() forgets the checkpoint, as it forgets the budget.
        List<Long> after = new ArrayList<>();
        followed.setCheckpoint((now, events) -> after.add(events));
        followed.reset();
        new Churn(followed, 50, 0, Long.MAX_VALUE);
        followed.step(2L * chunk + 1);
        assertThat(after).isEmpty();
    }

    @Test
    void refusesToScheduleInThePast() {
        Simulator sim = new Simulator();
        sim.scheduleAt(5, () -> { });
        sim.run(5);
        assertThatThrownBy(() -> sim.scheduleAt(4, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already 5.0 h");
        assertThatThrownBy(() -> sim.schedule(-1, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void holdModelGivesTheSameClockOnBothQueues() {
        // Same delays drawn in the same order: the kernel and PriorityQueue must agree to the bit.
        assertThat(HoldModel.runKernel(1_000, 50_000, 7)).isEqualTo(HoldModel.runPriorityQueue(1_000, 50_000, 7));
    }
}
