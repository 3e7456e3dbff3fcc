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
     * The accumulator holds back a leading run of equal values from its t-digest; its quantiles must be those of a
     * digest fed every value, bit for bit: for a metric constant throughout (0, -0.0, 7), one constant for a long
     * while then varying, and one varying from the start.
     */
    @Test
    void quantilesEqualThoseOfADigestFedEveryValue() {
        SplittableRandom random = new SplittableRandom(9);
        double[][] sequences = new double[5][];
        sequences[0] = new double[3000];
        sequences[1] = new double[3000];
        java.util.Arrays.fill(sequences[1], -0.0);
        sequences[2] = new double[] {7, 7, 7};
        sequences[3] = new double[5000];
        sequences[4] = new double[5000];
        for (int i = 0; i < 5000; i++) {
            sequences[3][i] = i < 2500 ? 0 : random.nextInt(4) * 4096.0;
            sequences[4][i] = random.nextInt(10) == 0 ? random.nextDouble() * 1e6 : 0;
        }
        for (double[] values : sequences) {
            MetricAccumulator acc = new MetricAccumulator();
            com.tdunning.math.stats.MergingDigest plain = new com.tdunning.math.stats.MergingDigest(200);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                acc.add(v);
                plain.add(v);
                max = Math.max(max, v);
            }
            for (double q : new double[] {0, 0.01, 0.5, 0.95, 0.99, 0.999, 1}) {
                double expected = Math.min(max, Math.max(plain.getMin(), plain.quantile(q)));
                assertThat(Double.doubleToRawLongBits(acc.quantile(q))).as("q %s", q)
                        .isEqualTo(Double.doubleToRawLongBits(expected));
            }
        }
    }

    /** A constant run held back is handed over before merging, on either side. */
    @Test
    void mergingKeepsHeldBackRuns() {
        MetricAccumulator first = new MetricAccumulator();
        MetricAccumulator second = new MetricAccumulator();
        MetricAccumulator empty = new MetricAccumulator();
        for (int i = 0; i < 1000; i++) {
            first.add(0);
            second.add(i < 900 ? 5 : 6);
        }
        empty.merge(second);
        empty.add(1); // fed to the digest, not mistaken for the start of a constant run
        first.merge(empty);
        assertThat(first.count()).isEqualTo(2001);
        assertThat(first.quantile(0.25)).isEqualTo(0);
        assertThat(first.quantile(0.75)).isEqualTo(5);
        assertThat(first.quantile(1)).isEqualTo(6);
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
