package org.mailsim.model.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeeklyRateTest {
    /** Hours 0..83 weight 1, hours 84..167 weight 3. */
    private static double[] halfAndHalf() {
        double[] w = new double[168];
        Arrays.fill(w, 0, 84, 1);
        Arrays.fill(w, 84, 168, 3);
        return w;
    }

    @Test
    void integralOfKnownProfileWithoutGrowthMatchesHandComputation() {
        WeeklyRate rate = new WeeklyRate(halfAndHalf(), 2, 0);
        // [10.5, 100.25]: 73.5 h at weight 1 and 16.25 h at weight 3, times base 2.
        assertThat(rate.integral(10.5, 100.25)).isCloseTo(2 * (73.5 + 16.25 * 3), within(1e-12));
        // Three whole weeks (84 + 252 each) and five more hours at weight 1.
        assertThat(rate.integral(0, 3 * 168 + 5)).isCloseTo(2 * (3 * (84 + 252) + 5), within(1e-9));
        // Across a week boundary: [160, 170] = 8 h at 3 then 2 h at 1.
        assertThat(rate.integral(160, 170)).isCloseTo(2 * (8 * 3 + 2), within(1e-12));
        assertThat(rate.integral(50, 50)).isZero();
        assertThat(rate.rateAt(83.99)).isEqualTo(2);
        assertThat(rate.rateAt(84)).isEqualTo(6);
        assertThat(rate.rateAt(168 * 7 + 100)).isEqualTo(6);
    }

    @Test
    void integralWithGrowthMatchesHandComputation() {
        double g = 0.10;
        double k = Math.log1p(g) / 8760;
        WeeklyRate flat = new WeeklyRate(WeeklyProfile.flat(), 1, g);
        // One year of a flat unit rate growing by 10 %: (e^(k 8760) - 1) / k = g / k.
        assertThat(flat.integral(0, 8760)).isCloseTo(g / k, within(1e-8));
        assertThat(flat.rateAt(8760)).isCloseTo(1.1, within(1e-12));

        WeeklyRate rate = new WeeklyRate(halfAndHalf(), 1, g);
        double expected = (Math.exp(84 * k) - Math.exp(10.5 * k)) / k
                + 3 * (Math.exp(100.25 * k) - Math.exp(84 * k)) / k;
        assertThat(rate.integral(10.5, 100.25)).isCloseTo(expected, within(1e-10));
        // A week far out is (1 + g)^(years) times the first week.
        assertThat(rate.weekIntegral(520)).isCloseTo(rate.weekIntegral(0) * Math.exp(k * 168 * 520),
                within(1e-9));
    }

    @Test
    void integralEqualsHourByHourSumOverTenYears() {
        double[] w = WeeklyProfile.emailEuCore().relativeRate();
        double g = 0.25;
        WeeklyRate rate = new WeeklyRate(w, 0.8, g);
        double k = Math.log1p(g) / 8760;
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            double a = random.nextDouble() * 87600;
            double b = a + random.nextDouble() * (trial % 2 == 0 ? 500 : 87600 - a);
            assertThat(rate.integral(a, b)).isCloseTo(bruteForce(w, 0.8, k, a, b),
                    within(1e-9 * Math.max(1, bruteForce(w, 0.8, k, a, b))));
        }
    }

    /** Sums the closed form over each hour piece one by one: independent of the week/geometric shortcuts. */
    private static double bruteForce(double[] w, double base, double k, double a, double b) {
        double sum = 0;
        for (long h = (long) Math.floor(a); h < b; h++) {
            double lo = Math.max(a, h);
            double hi = Math.min(b, h + 1);
            if (hi > lo) {
                double piece = k == 0 ? hi - lo : (Math.exp(k * hi) - Math.exp(k * lo)) / k;
                sum += base * w[(int) (h % 168)] * piece;
            }
        }
        return sum;
    }

    @Test
    void timeToAccumulateInvertsTheIntegral() {
        SplittableRandom random = new SplittableRandom(11);
        for (double g : new double[] {0, 0.3, -0.2}) {
            WeeklyRate rate = new WeeklyRate(WeeklyProfile.emailEuCore(), 1.5, g);
            for (int trial = 0; trial < 300; trial++) {
                double start = random.nextDouble() * 20_000;
                double amount = random.nextDouble() * (trial % 3 == 0 ? 50 : 30_000);
                double end = rate.timeToAccumulate(start, amount);
                assertThat(end).isGreaterThanOrEqualTo(start);
                assertThat(rate.integral(start, end)).isCloseTo(amount, within(1e-9 * Math.max(1, amount)));
            }
        }
    }

    @Test
    void timeToAccumulateOverKnownProfileMatchesHandComputation() {
        WeeklyRate rate = new WeeklyRate(halfAndHalf(), 1, 0);
        // From hour 80: 4 units by hour 84, then 3 per hour: 10 units at 86.
        assertThat(rate.timeToAccumulate(80, 10)).isCloseTo(86, within(1e-12));
        // One week carries 336; 700 from 0 = two weeks (672) and 28 more at weight 1.
        assertThat(rate.timeToAccumulate(0, 700)).isCloseTo(2 * 168 + 28, within(1e-9));

        double[] gaps = new double[168];
        gaps[10] = 1; // only hour 10 has traffic
        WeeklyRate sparse = new WeeklyRate(gaps, 1, 0);
        assertThat(sparse.timeToAccumulate(0, 1)).isCloseTo(11, within(1e-12));
        assertThat(sparse.timeToAccumulate(12, 0.5)).isCloseTo(168 + 10.5, within(1e-9));
    }

    @Test
    void shrinkingRateThatNeverAccumulatesTheAmountGivesInfinity() {
        WeeklyRate rate = new WeeklyRate(WeeklyProfile.flat(), 1, -0.5);
        double k = Math.log(0.5) / 8760;
        double total = -1 / k; // integral over [0, infinity) of e^(k t)
        assertThat(rate.timeToAccumulate(0, total * 1.01)).isInfinite();
        assertThat(rate.timeToAccumulate(0, total * 0.5)).isCloseTo(8760, within(1e-6));
    }

    @Test
    void bundledProfileHasTheShapeOfTheTrace() {
        WeeklyProfile p = WeeklyProfile.emailEuCore();
        double mean = Arrays.stream(p.relativeRate()).average().orElseThrow();
        assertThat(mean).isCloseTo(1, within(1e-12));
        double weekday = 0;
        double weekend = 0;
        for (int h = 0; h < 168; h++) {
            if (h < 120) {
                weekday += p.rate(h);
            } else {
                weekend += p.rate(h);
            }
        }
        // Two light days: each weekend day carries about a tenth of a weekday's volume.
        assertThat((weekend / 2) / (weekday / 5)).isBetween(0.05, 0.15);
        // Averaged over the seven days, business hours run at 2.4-2.7x and nights at 0.03-0.09x the mean
        // (data/README.md); the exposure correction moves them by at most a few percent.
        double[] hourly = new double[24];
        for (int h = 0; h < 168; h++) {
            hourly[h % 24] += p.rate(h) / 7;
        }
        for (int h = 8; h <= 13; h++) {
            assertThat(hourly[h]).isBetween(2.3, 2.8);
        }
        for (int h = 0; h <= 4; h++) {
            assertThat(hourly[h]).isBetween(0.02, 0.10);
        }
        WeeklyProfile separable = WeeklyProfile.emailEuCoreSeparable();
        assertThat(Arrays.stream(separable.relativeRate()).average().orElseThrow()).isCloseTo(1, within(1e-12));
    }
}
