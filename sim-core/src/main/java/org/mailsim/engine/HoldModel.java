package org.mailsim.engine;

import java.util.PriorityQueue;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.mailsim.random.RandomStreams;

/**
 * The classic hold model for benchmarking future-event lists (Vaucher and Duval, 1975): keep {@code pending}
 * events queued; repeatedly take the earliest and schedule it again after an exponential delay. The queue size
 * stays constant, so the cost per event is one pop plus one push at that size. Both implementations draw the
 * same delays in the same order, so their clocks agree to the bit.
 */
public final class HoldModel {
    private HoldModel() {
    }

    /** A hold loop that can be advanced by a number of events (for JMH and the bench command). */
    public interface Loop {
        /** Fires {@code events} events and returns the clock. */
        double advance(long events);
    }

    /** The hold model on mailsim's {@link Simulator}. */
    public static Loop kernel(int pending, long seed) {
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
        return events -> {
            sim.step(events);
            return sim.now();
        };
    }

    /** The same loop on {@link PriorityQueue} of event objects ordered by (time, sequence), objects reused. */
    public static Loop priorityQueue(int pending, long seed) {
        UniformRandomProvider rng = RandomStreams.forReplication(seed, 0).stream("hold");
        ContinuousSampler delay = ZigguratSampler.Exponential.of(rng, 1.0);
        PriorityQueue<BoxedEvent> queue = new PriorityQueue<>(Math.max(1, pending));
        long[] sequence = {0};
        for (int i = 0; i < pending; i++) {
            queue.add(new BoxedEvent(delay.sample(), sequence[0]++));
        }
        double[] now = {0};
        return events -> {
            for (long e = 0; e < events; e++) {
                BoxedEvent next = queue.poll();
                now[0] = next.time;
                next.time = now[0] + delay.sample();
                next.sequence = sequence[0]++;
                queue.add(next);
            }
            return now[0];
        };
    }

    public static double runKernel(int pending, long events, long seed) {
        return kernel(pending, seed).advance(events);
    }

    public static double runPriorityQueue(int pending, long events, long seed) {
        return priorityQueue(pending, seed).advance(events);
    }

    private static final class BoxedEvent implements Comparable<BoxedEvent> {
        double time;
        long sequence;

        BoxedEvent(double time, long sequence) {
            this.time = time;
            this.sequence = sequence;
        }

        @Override
        public int compareTo(BoxedEvent o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
