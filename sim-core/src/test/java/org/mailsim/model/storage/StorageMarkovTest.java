package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distributions;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.Estimate;

/**
 * With exponential lifetimes and rebuilds the simulated MTTDL and P(loss by t) must agree with the Markov chain of
 * the same array (docs/model.md), solved here exactly. Tolerances: each comparison uses the 99.9% interval
 * (z = 3.29) of its own estimate, so the dozen comparisons of this class have a family-wise chance of a false
 * failure near 1% for an arbitrary seed; the seeds are fixed, so the outcome is deterministic.
 */
class StorageMarkovTest {
    private static final double Z95 = 1.959964;
    private static final double Z999 = 3.290527;
    private static final double LAMBDA = 1e-3;     // per hour: mean lifetime 1,000 h
    private static final double MU = 1.0 / 50;      // per hour: mean rebuild 50 h, lambda/mu = 0.05
    private static final double CAPACITY = 1e12;
    private static final int REPLICATIONS = 20_000;

    private static StorageSpec spec(ArraySpec array, RepairSpec.Crews crews, double urePerBit) {
        DiskSpec disk = DiskSpec.of(CAPACITY, Distributions.exponential(1 / LAMBDA)).withUre(urePerBit);
        RepairSpec repair = RepairSpec.of(RebuildSpec.taking(Distributions.exponential(1 / MU))).withCrews(crews);
        return StorageSpec.of(1, 1, disk, array, repair);
    }

    /** Failed-disk-count chain of an array tolerating {@code m} failures out of {@code n}, {@code crews} repairing. */
    private static AbsorbingChain kOutOfN(int n, int m, int crews, double h) {
        AbsorbingChain chain = new AbsorbingChain(m + 1);
        for (int k = 0; k <= m; k++) {
            if (k < m) {
                chain.rate(k, k + 1, (n - k) * LAMBDA);
            } else {
                chain.toLoss(k, (n - k) * LAMBDA);
            }
            if (k > 0) {
                double repair = Math.min(k, crews) * MU;
                // A rebuild that ends with no redundancy left meets a URE with probability h (k == m only).
                double lossOnRepair = k == m ? h : 0;
                chain.rate(k, k - 1, repair * (1 - lossOnRepair));
                if (lossOnRepair > 0) {
                    chain.toLoss(k, repair * lossOnRepair);
                }
            }
        }
        return chain;
    }

    /**
     * Chain of data striped over {@code spans} single-parity spans of {@code width} disks (RAID 10 with width 2,
     * RAID 50): state k = spans with one failed disk; a failure hits a healthy span or one of the width - 1
     * survivors of a degraded one (data loss); each degraded span rebuilds in parallel.
     */
    private static AbsorbingChain stripedSpans(int spans, int width) {
        AbsorbingChain chain = new AbsorbingChain(spans + 1);
        for (int k = 0; k <= spans; k++) {
            if (k < spans) {
                chain.rate(k, k + 1, (spans - k) * width * LAMBDA);
            }
            if (k > 0) {
                chain.toLoss(k, k * (width - 1) * LAMBDA);
                chain.rate(k, k - 1, k * MU);
            }
        }
        return chain;
    }

    private static void assertAgrees(String label, StorageSpec spec, AbsorbingChain chain, long seed) {
        double exactMttdl = chain.meanTimeToAbsorption();
        long start = System.nanoTime();
        RunStatistics untilLoss = new StorageExperiment(spec, Horizon.firstDataLoss(1e12)).run(seed, REPLICATIONS, 2);
        Estimate mttdl = untilLoss.mttdlHours();
        double half999 = (mttdl.ci95High() - mttdl.estimate()) * Z999 / Z95;

        double t = exactMttdl / 2;
        double exactP = chain.absorbedBy(t);
        RunStatistics byT = new StorageExperiment(spec, Horizon.fixed(t)).run(seed + 1, REPLICATIONS, 2);
        Estimate p = byT.probabilityOfDataLoss();
        double pTolerance = Z999 * Math.sqrt(exactP * (1 - exactP) / REPLICATIONS);
        System.out.printf(Locale.ROOT, "%-28s MTTDL chain %.1f h, simulated %.1f h [%.1f, %.1f] (%+.2f%%); "
                        + "P(loss by %.0f h) chain %.4f, simulated %.4f [%.4f, %.4f]; %.1f s%n", label, exactMttdl,
                mttdl.estimate(), mttdl.ci95Low(), mttdl.ci95High(), 100 * (mttdl.estimate() / exactMttdl - 1), t,
                exactP, p.estimate(), p.ci95Low(), p.ci95High(), (System.nanoTime() - start) / 1e9);

        assertThat(untilLoss.replicationsWithLoss()).isEqualTo(REPLICATIONS);
        assertThat(Math.abs(mttdl.estimate() - exactMttdl)).as(label + " MTTDL").isLessThanOrEqualTo(half999);
        assertThat(Math.abs(p.estimate() - exactP)).as(label + " P(loss by t)").isLessThanOrEqualTo(pTolerance);
    }

    @Test
    void raid5OfFiveMatchesClosedFormAndChain() {
        int n = 5;
        AbsorbingChain chain = kOutOfN(n, 1, n, 0);
        double closed = ((2 * n - 1) * LAMBDA + MU) / (n * (n - 1) * LAMBDA * LAMBDA);
        assertThat(chain.meanTimeToAbsorption()).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertAgrees("raid5 n=5", spec(ArraySpec.raid5(n), RepairSpec.Crews.UNLIMITED, 0), chain, 501);
    }

    @Test
    void raid5OfEightMatchesChain() {
        int n = 8;
        AbsorbingChain chain = kOutOfN(n, 1, n, 0);
        double closed = ((2 * n - 1) * LAMBDA + MU) / (n * (n - 1) * LAMBDA * LAMBDA);
        assertThat(chain.meanTimeToAbsorption()).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertAgrees("raid5 n=8", spec(ArraySpec.raid5(n), RepairSpec.Crews.ONE, 0), chain, 801);
    }

    @Test
    void twoWayMirrorMatchesClosedForm() {
        AbsorbingChain chain = kOutOfN(2, 1, 2, 0);
        double closed = (3 * LAMBDA + MU) / (2 * LAMBDA * LAMBDA);
        assertThat(chain.meanTimeToAbsorption()).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertAgrees("mirror n=2", spec(ArraySpec.mirror(2), RepairSpec.Crews.UNLIMITED, 0), chain, 201);
    }

    @Test
    void raid6OfEightWithOneCrew() {
        assertAgrees("raid6 n=8 one crew", spec(ArraySpec.raid6(8), RepairSpec.Crews.ONE, 0), kOutOfN(8, 2, 1, 0), 601);
    }

    @Test
    void raid6OfEightWithParallelRepair() {
        AbsorbingChain parallel = kOutOfN(8, 2, 8, 0);
        assertThat(parallel.meanTimeToAbsorption()).isGreaterThan(kOutOfN(8, 2, 1, 0).meanTimeToAbsorption());
        assertAgrees("raid6 n=8 parallel", spec(ArraySpec.raid6(8), RepairSpec.Crews.UNLIMITED, 0), parallel, 602);
    }

    @Test
    void raid10OfFourPairs() {
        int pairs = 4;
        assertAgrees("raid10 4 pairs", spec(ArraySpec.raid10(2 * pairs), RepairSpec.Crews.UNLIMITED, 0),
                stripedSpans(pairs, 2), 1001);
    }

    @Test
    void threeWayMirror() {
        assertAgrees("mirror n=3", spec(ArraySpec.mirror(3), RepairSpec.Crews.UNLIMITED, 0), kOutOfN(3, 2, 3, 0), 301);
    }

    @Test
    void erasureCodeSixPlusThreeWithOneCrew() {
        assertAgrees("erasure 6+3 one crew", spec(ArraySpec.erasure(6, 3), RepairSpec.Crews.ONE, 0),
                kOutOfN(9, 3, 1, 0), 631);
    }

    @Test
    void erasureCodeSixPlusThreeWithParallelRepair() {
        assertAgrees("erasure 6+3 parallel", spec(ArraySpec.erasure(6, 3), RepairSpec.Crews.UNLIMITED, 0),
                kOutOfN(9, 3, 9, 0), 632);
    }

    @Test
    void raid50OfTwoSpansOfFour() {
        int spans = 2;
        int width = 4;
        assertAgrees("raid50 2 spans of 4", spec(ArraySpec.raid50(spans * width, spans), RepairSpec.Crews.UNLIMITED, 0),
                stripedSpans(spans, width), 5001);
    }

    @Test
    void raid5WithUnrecoverableReadErrors() {
        int n = 5;
        double ure = 7e-15;
        double h = -Math.expm1(-ure * (n - 1) * CAPACITY * 8); // about 0.2
        AbsorbingChain chain = kOutOfN(n, 1, n, h);
        double closed = (MU + (2 * n - 1) * LAMBDA) / (n * LAMBDA * ((n - 1) * LAMBDA + MU * h));
        assertThat(chain.meanTimeToAbsorption()).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertAgrees("raid5 n=5 URE h=" + String.format(Locale.ROOT, "%.3f", h),
                spec(ArraySpec.raid5(n), RepairSpec.Crews.UNLIMITED, ure), chain, 505);
    }
}
