package org.mailsim.engine;

import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.mailsim.random.RandomStreams;

/**
 * The classic hold model for benchmarking future-event lists (Vaucher and Duval, 1975): keep {@code pending}
 * events queued; repeatedly take the earliest and schedule it again after an exponential delay. The queue size
 * stays constant, so the cost per event is the cost of one pop plus one push at that size.
 */
public final class HoldModel {
    private HoldModel() {
    }

    /** The hold model on mailsim's kernel; returns the final clock (so the work cannot be optimised away). */
    public static double runKernel(int pending, long events, long seed) {
        UniformRandomProvider rng = RandomStreams.forReplication(seed, 0).stream("hold");
        ContinuousSampler delay = ZigguratSampler.Exponential.of(rng, 1.0);
        Simulator sim = new Simulator(pending);
        final class Hold implements Event {
            @Override
            public void fire() {
                sim.schedule(delay.sample(), this);
            }
        }
        for (int i = 0; i < pending; i++) {
            sim.schedule(delay.sample(), new Hold());
        }
        sim.step(events);
        return sim.now();
    }

    /** The same loop on {@link PriorityQueue} of event objects ordered by (time, sequence). */
    public static double runPriorityQueue(int pending, long events, long seed) {
        UniformRandomProvider rng = RandomStreams.forReplication(seed, 0).stream("hold");
        ContinuousSampler delay = ZigguratSampler.Exponential.of(rng, 1.0);
        PriorityQueue<BoxedEvent> queue = new PriorityQueue<>(Math.max(1, pending));
        long seq = 0;
        for (int i = 0; i < pending; i++) {
            queue.add(new BoxedEvent(delay.sample(), seq++));
        }
        double now = 0;
        for (long e = 0; e < events; e++) {
            BoxedEvent next = queue.poll();
            now = next.time;
            next.time = now + delay.sample();
            next.seq = seq++;
            queue.add(next);
        }
        return now;
    }

    private static final class BoxedEvent implements Comparable<BoxedEvent> {
        double time;
        long seq;

        BoxedEvent(double time, long seq) {
            this.time = time;
            this.seq = seq;
        }

        @Override
        public int compareTo(BoxedEvent o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
