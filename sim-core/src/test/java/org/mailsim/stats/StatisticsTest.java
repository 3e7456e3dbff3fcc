package org.mailsim.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void summaryOfAKnownSample() {
        MetricAccumulator acc = new MetricAccumulator();
        for (int i = 1; i <= 10; i++) {
            acc.add(i);
        }
        MetricSummary s = acc.summary();
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.mean()).isEqualTo(5.5);
        // sd = sqrt(55/6) = 3.0277; t(0.975, 9) = 2.2622; half width = 2.2622 * 3.0277 / sqrt(10) = 2.1659.
        assertThat(s.ci95High() - s.mean()).isCloseTo(2.1659, within(1e-4));
        assertThat(s.max()).isEqualTo(10);
        assertThat(s.p50()).isCloseTo(5.5, within(0.5));
    }

    @Test
    void mergingEqualsAddingInOrder() {
        SplittableRandom random = new SplittableRandom(3);
        MetricAccumulator all = new MetricAccumulator();
        MetricAccumulator first = new MetricAccumulator();
        MetricAccumulator second = new MetricAccumulator();
        for (int i = 0; i < 5000; i++) {
            double v = random.nextDouble() * 100;
            all.add(v);
            (i < 2000 ? first : second).add(v);
        }
        first.merge(second);
        assertThat(first.count()).isEqualTo(all.count());
        assertThat(first.mean()).isCloseTo(all.mean(), within(1e-9));
        assertThat(first.variance()).isCloseTo(all.variance(), within(1e-6));
        assertThat(first.summary().p95()).isCloseTo(all.summary().p95(), within(1.0));
    }

    /**
     * Up to 150 values the exact quantiles (few distinct values) are the t-digest's, bit for bit, on a fine grid of
     * q; so are those of a continuous metric at any count (it goes to a t-digest at its 129th distinct value, filled
     * so that it ends as one fed every value).
     */
    @Test
    void quantilesAreTheDigestsWhereTheDigestIsExact() {
        SplittableRandom random = new SplittableRandom(9);
        for (int n : new int[] {1, 2, 3, 4, 7, 40, 100, 129, 150, 5000}) {
            for (int kind = 0; kind < 4; kind++) {
                if (n == 5000 && kind != 0) {
                    continue;
                }
                MetricAccumulator acc = new MetricAccumulator();
                com.tdunning.math.stats.MergingDigest plain = new com.tdunning.math.stats.MergingDigest(200);
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double v = switch (kind) {
                        case 0 -> random.nextDouble() * 1e6;
                        case 1 -> random.nextInt(10) == 0 ? random.nextInt(4) : 0;
                        case 2 -> i < n / 2 ? 0 : random.nextDouble();
                        default -> -0.0;
                    };
                    acc.add(v);
                    plain.add(v);
                    max = Math.max(max, v);
                }
                for (int i = 0; i <= 200; i++) {
                    double q = i / 200.0;
                    double expected = Math.min(max, Math.max(plain.getMin(), plain.quantile(q)));
                    assertThat(Double.doubleToRawLongBits(acc.quantile(q))).as("n %d kind %d q %s", n, kind, q)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
    }

    /** With few distinct values the quantiles are exact at any count: rank floor(q n) of the sorted values. */
    @Test
    void fewDistinctValuesGiveExactQuantiles() {
        SplittableRandom random = new SplittableRandom(4);
        int n = 100_000;
        double[] values = new double[n];
        MetricAccumulator acc = new MetricAccumulator();
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(8) == 0 ? 4096.0 * random.nextInt(1, MetricAccumulator.EXACT_LIMIT) : 0;
            acc.add(values[i]);
        }
        java.util.Arrays.sort(values);
        for (int i = 0; i <= 1000; i++) {
            double q = i / 1000.0;
            assertThat(acc.quantile(q)).as("q %s", q).isEqualTo(values[(int) Math.min(n - 1, Math.floor(q * n))]);
        }
    }

    /**
     * Runs of one value (each repeat recognised from the previous value, not looked up) count in full: when the
     * metric passes to a t-digest, when it is merged either way, and when a quantile is read.
     */
    @Test
    void runsOfOneValueCountInFullEverywhere() {
        MetricAccumulator acc = new MetricAccumulator();
        com.tdunning.math.stats.MergingDigest plain = new com.tdunning.math.stats.MergingDigest(200);
        for (int i = 0; i < 1000; i++) {
            acc.add(0);
            plain.add(0);
        }
        assertThat(acc.quantile(0.999)).isZero();
        assertThat(acc.quantile(1)).isZero();
        for (int v = 1; v <= MetricAccumulator.EXACT_LIMIT; v++) { // the last is the 129th distinct value
            acc.add(v);
            plain.add(v);
        }
        for (int i = 0; i <= 100; i++) {
            double q = i / 100.0;
            double expected = Math.min(MetricAccumulator.EXACT_LIMIT, Math.max(0, plain.quantile(q)));
            assertThat(Double.doubleToRawLongBits(acc.quantile(q))).as("q %s", q)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }

        MetricAccumulator all = new MetricAccumulator();
        MetricAccumulator first = new MetricAccumulator();
        MetricAccumulator second = new MetricAccumulator();
        for (int i = 0; i < 900; i++) {
            double v = i < 500 ? 0 : i < 880 ? 7 : i;
            all.add(v);
            (i < 450 ? first : second).add(v);
        }
        first.merge(second);
        assertThat(first.count()).isEqualTo(900);
        for (double q : new double[] {0, 0.5, 0.55, 0.6, 0.97, 0.99, 1}) {
            assertThat(first.quantile(q)).as("q %s", q).isEqualTo(all.quantile(q));
        }
        assertThat(first.quantile(0.55)).isEqualTo(0);
        assertThat(first.quantile(0.6)).isEqualTo(7);
    }

    /** Merging exact counts (either side, or both, past the limit) gives what adding every value in order gives. */
    @Test
    void mergingExactCountsEqualsAddingInOrder() {
        for (int split : new int[] {0, 1, 60, 120}) {
            MetricAccumulator all = new MetricAccumulator();
            MetricAccumulator first = new MetricAccumulator();
            MetricAccumulator second = new MetricAccumulator();
            for (int i = 0; i < 140; i++) {
                double v = i % 100; // 100 distinct values: exact in all three
                all.add(v);
                (i < split ? first : second).add(v);
            }
            first.merge(second);
            for (double q : new double[] {0, 0.3, 0.5, 0.95, 1}) {
                assertThat(first.quantile(q)).isEqualTo(all.quantile(q));
            }
            first.add(1000.5); // still counted, not lost
            assertThat(first.count()).isEqualTo(141);
            assertThat(first.quantile(1)).isEqualTo(1000.5);
        }
        MetricAccumulator wide = new MetricAccumulator();
        MetricAccumulator narrow = new MetricAccumulator();
        for (int i = 0; i < 300; i++) {
            wide.add(i); // past the limit: a t-digest
            narrow.add(i % 3);
        }
        narrow.merge(wide);
        assertThat(narrow.count()).isEqualTo(600);
        assertThat(narrow.quantile(0)).isEqualTo(0);
        assertThat(narrow.quantile(1)).isEqualTo(299);
        assertThat(narrow.quantile(0.25)).isCloseTo(1, within(1.0));
    }

    @Test
    void probabilityWithNoEventsIsAnUpperBoundNotZero() {
        Estimate none = Proportions.probability(0, 1000);
        assertThat(none.boundOnly()).isTrue();
        assertThat(none.estimate()).isCloseTo(3.0 / 1000, within(0.0001)); // the rule of three
        Estimate some = Proportions.probability(10, 100);
        assertThat(some.estimate()).isEqualTo(0.1);
        // Clopper-Pearson for 10/100: [0.0490, 0.1762].
        assertThat(some.ci95Low()).isCloseTo(0.0490, within(1e-4));
        assertThat(some.ci95High()).isCloseTo(0.1762, within(1e-4));
    }

    @Test
    void meanTimeFromExposureUsesTheChiSquareInterval() {
        Estimate e = Proportions.meanTimeFromExposure(1000, 10);
        assertThat(e.estimate()).isEqualTo(100);
        // 2T / chi2(0.975; 22) = 2000 / 36.781 = 54.38; 2T / chi2(0.025; 20) = 2000 / 9.591 = 208.5.
        assertThat(e.ci95Low()).isCloseTo(54.38, within(0.01));
        assertThat(e.ci95High()).isCloseTo(208.53, within(0.05));
        Estimate bound = Proportions.meanTimeFromExposure(1000, 0);
        assertThat(bound.boundOnly()).isTrue();
        assertThat(bound.estimate()).isCloseTo(1000 / 2.9957, within(0.01)); // 2T / chi2(0.95; 2) = T / 3
    }
}
