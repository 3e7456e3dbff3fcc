package org.mailsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import org.apache.commons.math3.util.CombinatoricsUtils;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.stats.MetricAccumulator;
import org.mailsim.stats.MetricSummary;

/**
 * The kernel validated against queueing theory: an M/M/c queue built on {@link Simulator} must reproduce the
 * closed-form mean wait in queue (Erlang C) and the server utilisation within the 95% confidence interval of
 * independent replications.
 */
class QueueingModelTest {

    /** An M/M/c FIFO queue: Poisson arrivals, exponential service, c servers. */
    static final class MmcQueue {
        private final Simulator sim = new Simulator();
        private final ContinuousSampler interarrival;
        private final ContinuousSampler service;
        private final int servers;
        private final int warmupCustomers;
        private final int measuredCustomers;
        private final ArrayDeque<Double> waitingSince = new ArrayDeque<>();
        private int busy;
        private int started;
        private double waitSum;
        private double busyArea;
        private double lastChange;
        private double measureStart = Double.NaN;

        MmcQueue(double arrivalRate, double serviceRate, int servers, int warmup, int measured,
                 RandomStreams streams) {
            UniformRandomProvider arrivals = streams.stream("arrivals");
            UniformRandomProvider services = streams.stream("services");
            this.interarrival = ZigguratSampler.Exponential.of(arrivals, 1 / arrivalRate);
            this.service = ZigguratSampler.Exponential.of(services, 1 / serviceRate);
            this.servers = servers;
            this.warmupCustomers = warmup;
            this.measuredCustomers = measured;
        }

        private final Event arrival = new Event() {
            @Override
            public void fire() {
                if (busy < servers) {
                    startService(0);
                } else {
                    waitingSince.addLast(sim.now());
                }
                sim.schedule(interarrival.sample(), this);
            }
        };

        private final Event departure = () -> {
            accumulateBusy();
            busy--;
            if (!waitingSince.isEmpty()) {
                startService(sim.now() - waitingSince.removeFirst());
            }
        };

        private void startService(double waited) {
            accumulateBusy();
            started++;
            if (started == warmupCustomers + 1) {
                measureStart = sim.now();
                busyArea = 0;
            } else if (started > warmupCustomers) {
                waitSum += waited;
            }
            if (started == warmupCustomers + measuredCustomers) {
                sim.stop();
            }
            busy++;
            sim.schedule(service.sample(), departure);
        }

        private void accumulateBusy() {
            busyArea += busy * (sim.now() - lastChange);
            lastChange = sim.now();
        }

        /** {mean wait in queue, utilisation} over the measured customers. */
        double[] run() {
            sim.schedule(interarrival.sample(), arrival);
            sim.run(Double.POSITIVE_INFINITY);
            accumulateBusy();
            double waitedMean = waitSum / (measuredCustomers - 1);
            double utilisation = busyArea / (servers * (sim.now() - measureStart));
            return new double[] {waitedMean, utilisation};
        }
    }

    /** Erlang C: the mean wait in queue of an M/M/c queue. */
    static double erlangCMeanWait(double lambda, double mu, int c) {
        double a = lambda / mu;
        double rho = a / c;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += Math.pow(a, k) / CombinatoricsUtils.factorialDouble(k);
        }
        double last = Math.pow(a, c) / (CombinatoricsUtils.factorialDouble(c) * (1 - rho));
        double probabilityOfWaiting = last / (sum + last);
        return probabilityOfWaiting / (c * mu - lambda);
    }

    private static MetricSummary[] replicate(double lambda, double mu, int c, int replications, int threads) {
        MetricAccumulator waits = new MetricAccumulator();
        MetricAccumulator utilisation = new MetricAccumulator();
        new ReplicationRunner(threads).run(replications,
                i -> new MmcQueue(lambda, mu, c, 2_000, 20_000, RandomStreams.forReplication(20261124L, i)).run(),
                r -> {
                    waits.add(r[0]);
                    utilisation.add(r[1]);
                }, ReplicationRunner.Progress.NONE);
        return new MetricSummary[] {waits.summary(), utilisation.summary()};
    }

    @Test
    void mm1MatchesClosedFormWaitAndUtilisation() {
        double lambda = 0.5;
        double mu = 1.0;
        MetricSummary[] s = replicate(lambda, mu, 1, 30, 2);
        double expectedWait = (lambda / mu) / (mu - lambda); // Wq = rho / (mu - lambda) = 1 h
        assertThat(erlangCMeanWait(lambda, mu, 1)).isCloseTo(expectedWait, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(expectedWait).isBetween(s[0].ci95Low(), s[0].ci95High());
        assertThat(lambda / mu).isBetween(s[1].ci95Low(), s[1].ci95High());
        // The interval must be tight enough to mean something: within 10% of the value it brackets.
        assertThat(s[0].ci95High() - s[0].ci95Low()).isLessThan(0.2 * expectedWait);
    }

    @Test
    void mmcMatchesErlangC() {
        double lambda = 2.0;
        double mu = 1.0;
        int c = 3;
        MetricSummary[] s = replicate(lambda, mu, c, 30, 2);
        double expectedWait = erlangCMeanWait(lambda, mu, c); // 4/9 h
        assertThat(expectedWait).isBetween(s[0].ci95Low(), s[0].ci95High());
        assertThat(lambda / (c * mu)).isBetween(s[1].ci95Low(), s[1].ci95High());
        assertThat(s[0].ci95High() - s[0].ci95Low()).isLessThan(0.2 * expectedWait);
    }

    @Test
    void sameSeedGivesIdenticalResultsWhateverTheThreadCount() {
        MetricSummary[] one = replicate(2.0, 1.0, 3, 8, 1);
        MetricSummary[] two = replicate(2.0, 1.0, 3, 8, 2);
        MetricSummary[] four = replicate(2.0, 1.0, 3, 8, 4);
        assertThat(two).containsExactly(one);
        assertThat(four).containsExactly(one);
    }
}
