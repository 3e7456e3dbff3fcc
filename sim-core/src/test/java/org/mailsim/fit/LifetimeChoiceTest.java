package org.mailsim.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Exponential against Weibull ({@link LifetimeChoice}) and per-model lifetimes ({@link LifetimeSummary}) on
 * synthetic drives whose law is known: Weibull(shape, scale) lifetimes, each drive watched for a random time
 * (uniform up to {@code WATCH} hours) and right-censored there if it has not failed.
 */
class LifetimeChoiceTest {
    private static final double WATCH = 60_000;

    private static List<DriveLifetimesReader.Drive> drives(String model, int n, double shape, double scaleHours,
            long seed) {
        Well19937c rng = new Well19937c(seed);
        WeibullDistribution law = new WeibullDistribution(rng, shape, scaleHours);
        List<DriveLifetimesReader.Drive> drives = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double life = law.sample();
            double watched = WATCH * rng.nextDouble();
            drives.add(new DriveLifetimesReader.Drive(model, Math.min(life, watched), life <= watched, i + 2));
        }
        return drives;
    }

    private static LifetimeSample sample(List<DriveLifetimesReader.Drive> drives) {
        return LifetimeSummary.of("x", drives, 1).fitted().get(0).sample();
    }

    @Test
    void weibullShapeOneAndAHalfIsRecommendedWithItsInterval() {
        LifetimeSummary s = LifetimeSummary.of("all", drives("ST8000DM002", 2000, 1.5, 80_000, 15), 100);
        assertThat(s.verdict()).isEqualTo(LifetimeSummary.Verdict.SINGLE_MODEL);
        LifetimeChoice c = s.recommended();
        assertThat(c.weibullBetter()).isTrue();
        assertThat(c.preferred()).isEqualTo("weibull");
        assertThat(c.weibull().shape().ci95Low()).isLessThan(1.5);
        assertThat(c.weibull().shape().ci95High()).isGreaterThan(1.5).isLessThan(2);
        assertThat(c.weibull().scale().ci95Low()).isLessThan(80_000);
        assertThat(c.weibull().scale().ci95High()).isGreaterThan(80_000);
        assertThat(c.aicAdvantageOfWeibull()).isCloseTo(c.gStatistic() - 2, offset(1e-6));
        assertThat(c.distribution()).isEqualTo(c.weibull().distribution());
        assertThat(s.recommendation()).startsWith("Seagate ST8000DM002, ")
                .contains("The hazard rises with age (wear-out)")
                .contains(String.format(java.util.Locale.ROOT, "Weibull shape %.3g [%.3g, %.3g]",
                        c.weibull().shape().estimate(), c.weibull().shape().ci95Low(), c.weibull().shape().ci95High()))
                .endsWith("Plan with the Weibull.");
    }

    @Test
    void exponentialDrivesKeepTheConstantHazard() {
        LifetimeSummary s = LifetimeSummary.of("all", drives("ST8000DM002", 2000, 1.0, 80_000, 3), 100);
        LifetimeChoice c = s.recommended();
        assertThat(c.weibullBetter()).isFalse();
        assertThat(c.distribution()).isEqualTo(c.exponential().distribution());
        assertThat(c.weibull().shape().ci95Low()).isLessThan(1);
        assertThat(c.weibull().shape().ci95High()).isGreaterThan(1);
        assertThat(s.recommendation()).contains("No evidence that the hazard changes with age")
                .contains("Plan with the constant hazard");
    }

    @Test
    void theShapeTestRejectsExponentialDrivesAtItsLevel() {
        // Under exponential lifetimes the test of shape 1 rejects in about 5% of samples: 300 samples of 300
        // drives, the count of rejections inside Binomial(300, 0.05)'s central 99.9%.
        int samples = 300;
        int rejected = 0;
        for (int seed = 0; seed < samples; seed++) {
            if (LifetimeChoice.fit(sample(drives("", 300, 1.0, 40_000, 500 + seed))).weibullBetter()) {
                rejected++;
            }
        }
        BinomialDistribution law = new BinomialDistribution(null, samples, LifetimeChoice.ALPHA);
        assertThat(rejected).isBetween(law.inverseCumulativeProbability(0.0005),
                law.inverseCumulativeProbability(0.9995));
    }

    @Test
    void likelihoodRatioMatchesAnIndependentProfileLikelihoodFit() {
        LifetimeSample s = sample(drives("", 800, 1.5, 80_000, 21));
        double[] x = s.exact();
        double[] c = s.rightCensored();
        int r = x.length;
        List<Double> all = new ArrayList<>();
        for (double v : x) {
            all.add(v);
        }
        for (double v : c) {
            all.add(v);
        }
        double meanLnX = 0;
        for (double v : x) {
            meanLnX += Math.log(v) / r;
        }
        final double m = meanLnX;
        // The censored Weibull's profile score in the shape k (Lawless 2003, eq. 5.2.8), solved by Brent:
        // sum t^k ln t / sum t^k - 1/k - mean of ln x over failures = 0, then scale^k = sum t^k / r.
        double k = new BrentSolver(1e-12).solve(1000, kk -> {
            double a = 0;
            double b = 0;
            for (double t : all) {
                a += Math.pow(t, kk) * Math.log(t);
                b += Math.pow(t, kk);
            }
            return a / b - 1 / kk - m;
        }, 0.2, 10);
        double sumTk = all.stream().mapToDouble(t -> Math.pow(t, k)).sum();
        double scale = Math.pow(sumTk / r, 1 / k);
        WeibullDistribution w = new WeibullDistribution(null, k, scale);
        double total = all.stream().mapToDouble(Double::doubleValue).sum();
        ExponentialDistribution e = new ExponentialDistribution(null, total / r);
        double lnW = 0;
        double lnE = 0;
        for (double v : x) {
            lnW += w.logDensity(v);
            lnE += e.logDensity(v);
        }
        for (double v : c) {
            lnW += Math.log(1 - w.cumulativeProbability(v));
            lnE += -v / e.getMean();
        }
        double g = 2 * (lnW - lnE);
        LifetimeChoice choice = LifetimeChoice.fit(s);
        assertThat(choice.weibull().shape().estimate()).isCloseTo(k, offset(1e-4 * k));
        assertThat(choice.weibull().scale().estimate()).isCloseTo(scale, offset(1e-4 * scale));
        assertThat(choice.exponential().mean().estimate()).isCloseTo(total / r, offset(1e-9 * total / r));
        assertThat(choice.gStatistic()).isCloseTo(g, offset(1e-6 * g));
        assertThat(choice.pValue()).isCloseTo(1 - new ChiSquaredDistribution(1).cumulativeProbability(g),
                offset(1e-12));
    }

    /**
     * Weibull(1.5, 80,000 h) drives already in service when the survey began: each comes under observation at a
     * uniform age up to 40,000 h if it is still alive then (the others were never seen) and is watched for up to
     * 43,800 h more.
     */
    private static List<DriveLifetimesReader.Drive> seenInService(int n, long seed, boolean keepEntry) {
        Well19937c rng = new Well19937c(seed);
        WeibullDistribution law = new WeibullDistribution(rng, 1.5, 80_000);
        List<DriveLifetimesReader.Drive> drives = new ArrayList<>();
        while (drives.size() < n) {
            double life = law.sample();
            double entry = 40_000 * rng.nextDouble();
            if (life <= entry) {
                continue;
            }
            double end = entry + 43_800 * rng.nextDouble();
            drives.add(new DriveLifetimesReader.Drive("", Math.min(life, end), life <= end, keepEntry ? entry : 0,
                    drives.size() + 2));
        }
        return drives;
    }

    @Test
    void drivesFirstSeenInServiceAreLeftTruncatedAndTheFitMatchesItsProfileEquation() {
        LifetimeSample s = sample(seenInService(3000, 41, true));
        assertThat(s.entries()).hasSize(3000);
        LifetimeChoice c = LifetimeChoice.fit(s);
        assertThat(c.weibullBetter()).isTrue();
        assertThat(1.5).isBetween(c.weibull().shape().ci95Low(), c.weibull().shape().ci95High());
        assertThat(80_000.0).isBetween(c.weibull().scale().ci95Low(), c.weibull().scale().ci95High());
        // Independently: the left-truncated, right-censored Weibull's profile score in k, solved by Brent,
        // sum (t^k ln t - a^k ln a) / sum (t^k - a^k) - 1/k - mean of ln x over failures = 0,
        // scale^k = sum (t^k - a^k) / r; and the exponential's mean = time on test after entry / r.
        double[] x = s.exact();
        double[] cens = s.rightCensored();
        List<double[]> units = new ArrayList<>();
        List<DriveLifetimesReader.Drive> drives = seenInService(3000, 41, true);
        for (DriveLifetimesReader.Drive d : drives) {
            units.add(new double[] {d.hours(), d.entryHours()});
        }
        double meanLnX = java.util.Arrays.stream(x).map(Math::log).average().orElseThrow();
        double k = new BrentSolver(1e-12).solve(1000, kk -> {
            double num = 0;
            double den = 0;
            for (double[] u : units) {
                num += Math.pow(u[0], kk) * Math.log(u[0]) - Math.pow(u[1], kk) * Math.log(u[1]);
                den += Math.pow(u[0], kk) - Math.pow(u[1], kk);
            }
            return num / den - 1 / kk - meanLnX;
        }, 0.2, 10);
        double den = units.stream().mapToDouble(u -> Math.pow(u[0], k) - Math.pow(u[1], k)).sum();
        double scale = Math.pow(den / x.length, 1 / k);
        assertThat(c.weibull().shape().estimate()).isCloseTo(k, offset(1e-4 * k));
        assertThat(c.weibull().scale().estimate()).isCloseTo(scale, offset(1e-4 * scale));
        double onTest = units.stream().mapToDouble(u -> u[0] - u[1]).sum();
        assertThat(c.exponential().mean().estimate()).isCloseTo(onTest / x.length, offset(1e-9 * onTest));
        assertThat(cens.length + x.length).isEqualTo(3000);

        // Ignoring the entries counts the years before them as failure-free exposure at young ages: the early
        // hazard comes out too low and the shape too steep, its interval far above the true 1.5.
        LifetimeChoice naive = LifetimeChoice.fit(sample(seenInService(3000, 41, false)));
        assertThat(naive.weibull().shape().ci95Low()).as(naive.test()).isGreaterThan(1.5);
    }

    @Test
    void modelsThatAgeAlikeArePooledAndModelsThatDoNotAreNot() {
        List<DriveLifetimesReader.Drive> alike = new ArrayList<>(drives("ST8000DM002", 1500, 1.5, 80_000, 31));
        alike.addAll(drives("ST8000NM0055", 1500, 1.5, 80_000, 32));
        LifetimeSummary pooled = LifetimeSummary.of("all", alike, 100);
        assertThat(pooled.verdict()).isEqualTo(LifetimeSummary.Verdict.POOLED);
        assertThat(pooled.pooling().degreesOfFreedom()).isEqualTo(2);
        assertThat(pooled.recommended()).isSameAs(pooled.pooled());
        assertThat(pooled.pooled().weibullBetter()).isTrue();
        assertThat(pooled.recommendation()).startsWith("One lifetime fits these 2 models")
                .endsWith("Plan with the Weibull.");

        List<DriveLifetimesReader.Drive> unlike = new ArrayList<>(drives("WDC WUH721816ALE6L4", 1500, 1.0, 400_000,
                33));
        unlike.addAll(drives("ST3000DM001", 1500, 1.5, 40_000, 34));
        unlike.addAll(drives("00md00", 40, 1.0, 40_000, 35));
        LifetimeSummary split = LifetimeSummary.of("all", unlike, 100);
        assertThat(split.verdict()).isEqualTo(LifetimeSummary.Verdict.PER_MODEL);
        assertThat(split.recommended()).isNull();
        assertThat(split.unidentified()).hasSize(40);
        assertThat(split.fitted()).extracting(LifetimeSummary.ModelLifetimes::name)
                .containsExactly("WDC WUH721816ALE6L4", "Seagate ST3000DM001");
        assertThat(split.fitted().get(0).choice().weibullBetter()).isFalse();
        assertThat(split.fitted().get(1).choice().weibullBetter()).isTrue();
        assertThat(split.recommendation()).startsWith("Do not plan with one lifetime for these 2 models")
                .contains("WDC WUH721816ALE6L4, constant hazard").contains("Seagate ST3000DM001, Weibull shape");
    }

    @Test
    void readerTakesAgesInDaysAndFlagsAndNamesBadRows() throws IOException {
        List<DriveLifetimesReader.Drive> d = DriveLifetimesReader.read("drives.csv", new StringReader(
                "serial,model,days,failed\nZA1,ST4000DM000,100,1\nZA2,ST4000DM000,365,no\n"));
        assertThat(d).extracting(DriveLifetimesReader.Drive::hours).containsExactly(2400.0, 8760.0);
        assertThat(d).extracting(DriveLifetimesReader.Drive::failed).containsExactly(true, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriveLifetimesReader.read("drives.csv",
                new StringReader("days,failed\n100,maybe\n")))
                .hasMessage("drives.csv:2: column 'failed': expected 1 or 0 (true/false, yes/no), got 'maybe'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriveLifetimesReader.read("drives.csv",
                new StringReader("days,failed\n0,1\n")))
                .hasMessageContaining("expected a positive age for a failed drive");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriveLifetimesReader.read("drives.csv",
                new StringReader("days,failed,entry\n100,1,100\n")))
                .hasMessage("drives.csv:2: column 'entry': expected an entry age below the drive's age (100), got '100'");
        assertThat(DriveLifetimesReader.read("drives.csv", new StringReader("days,failed,entry\n100,1,30\n"))
                .get(0).entryHours()).isEqualTo(720.0);
    }
}
