package org.mailsim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.junit.jupiter.api.Test;
import org.mailsim.stats.MetricAccumulator;

class DistributionsTest {
    private static final List<Distribution> ALL = List.of(
            Distributions.deterministic(3),
            Distributions.exponential(2),
            Distributions.weibull(1.2, 461_386),
            Distributions.weibull(2, 12, 6),
            Distributions.weibull(0.5, 10),
            Distributions.logNormal(1, 0.8),
            Distributions.uniform(1, 4),
            Distributions.empirical(5, 1, 2, 9, 4));

    @Test
    void poissonCountInvertsThePoissonCdfForSmallAndLargeMeans() {
        // The smallest k with P(X <= k) >= u, as Commons Math's exact inversion gives it; past a mean of 500 (where
        // e^-mean would underflow) it is that inversion.
        for (double mean : new double[] {1e-6, 0.1, 0.829, 3, 30, 400, 900}) {
            org.apache.commons.math3.distribution.PoissonDistribution exact =
                    new org.apache.commons.math3.distribution.PoissonDistribution(mean);
            for (double u : new double[] {0, 1e-9, 0.01, 0.3, 0.5, 0.77, 0.99, 0.999999}) {
                assertThat(Distributions.poissonCount(mean, u)).as("mean %s, u %s", mean, u)
                        .isEqualTo(exact.inverseCumulativeProbability(u));
            }
        }
        // A u above the largest CDF rounding reaches (0.9999999999999997 at mean 0.829) ends in the tail, not at k 172.
        assertThat(Distributions.poissonCount(0.829, Math.nextDown(1.0))).isLessThan(30);
    }

    @Test
    void sampleMeansFallWithinTheirConfidenceIntervalOfTheClosedFormMean() {
        int index = 0;
        for (Distribution d : ALL) {
            ContinuousSampler sampler = d.sampler(RandomStreams.forReplication(11, index++).stream("d"));
            MetricAccumulator acc = new MetricAccumulator();
            for (int i = 0; i < 200_000; i++) {
                acc.add(sampler.sample());
            }
            // 99.9% interval (3.3 standard errors) so that eight simultaneous checks hold together.
            double halfWidth = 3.3 * Math.sqrt(acc.variance() / acc.count());
            assertThat(acc.mean()).as(d.describe()).isCloseTo(d.mean(), within(halfWidth + 1e-12));
        }
    }

    @Test
    void inverseCdfInvertsCdf() {
        for (Distribution d : ALL) {
            if (d instanceof Distributions.Deterministic) {
                continue;
            }
            for (double p : new double[] {0.01, 0.1, 0.5, 0.9, 0.99}) {
                assertThat(d.cdf(d.inverseCdf(p))).as(d.describe() + " at " + p).isCloseTo(p, within(1e-9));
            }
        }
    }

    @Test
    void weibullClosedForms() {
        Distribution w = Distributions.weibull(2, 12, 6);
        assertThat(w.cdf(6)).isZero();
        assertThat(w.cdf(18)).isCloseTo(1 - Math.exp(-1), within(1e-15));
        // Mean = location + scale * Gamma(1 + 1/shape) = 6 + 12 * sqrt(pi)/2.
        assertThat(w.mean()).isCloseTo(6 + 12 * Math.sqrt(Math.PI) / 2, within(1e-12));
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> Distributions.exponential(0)).hasMessageContaining("mean must be a positive");
        assertThatThrownBy(() -> Distributions.weibull(-1, 3)).hasMessageContaining("shape");
        assertThatThrownBy(() -> Distributions.uniform(3, 3)).hasMessageContaining("high");
        assertThatThrownBy(Distributions::empirical).hasMessageContaining("at least one");
    }
}
