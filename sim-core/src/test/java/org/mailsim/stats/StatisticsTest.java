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
