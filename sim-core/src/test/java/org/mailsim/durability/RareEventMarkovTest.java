package org.mailsim.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.model.storage.AbsorbingChain;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distributions;

/**
 * The rare-event estimator against the exact Markov chains of the same arrays at true probabilities of 1e-8 to
 * 1e-14 (P(absorbed by the horizon) by uniformisation of the chain with its absorbing state, summing the absorbed
 * mass itself, never 1 - survival). Each comparison uses the 99.9% interval of the estimate's own standard error
 * (z = 3.29); seeds are fixed, so the outcome is deterministic.
 */
class RareEventMarkovTest {
    private static final double Z999 = 3.290527;
    private static final double Z95 = 1.959964;
    private static final double YEAR = 8760;
    private static final double MEAN_REBUILD = 24;
    private static final double CAPACITY = 1e12;
    private static final double PRECISION = 0.10;

    private static StorageSpec spec(ArraySpec array, double lambda, RepairSpec.Crews crews, double urePerBit) {
        DiskSpec disk = DiskSpec.of(CAPACITY, Distributions.exponential(1 / lambda)).withUre(urePerBit);
        RepairSpec repair = RepairSpec.of(RebuildSpec.taking(Distributions.exponential(MEAN_REBUILD)))
                .withCrews(crews);
        return StorageSpec.of(1, 1, disk, array, repair);
    }

    /** n disks tolerating m failures, {@code crews} rebuilding at rate 1/24 h each; h = P(URE) at the last level. */
    static AbsorbingChain kOutOfN(int n, int m, int crews, double lambda, double h) {
        AbsorbingChain chain = new AbsorbingChain(m + 1);
        for (int k = 0; k <= m; k++) {
            if (k < m) {
                chain.rate(k, k + 1, (n - k) * lambda);
            } else {
                chain.toLoss(k, (n - k) * lambda);
            }
            if (k > 0) {
                double repair = Math.min(k, crews) / MEAN_REBUILD;
                double lossOnRepair = k == m ? h : 0;
                chain.rate(k, k - 1, repair * (1 - lossOnRepair));
                if (lossOnRepair > 0) {
                    chain.toLoss(k, repair * lossOnRepair);
                }
            }
        }
        return chain;
    }

    private static DurabilityEstimate estimate(StorageSpec spec, long seed, long samples) {
        return DurabilityEstimator.estimate(spec, Horizon.fixed(YEAR), seed,
                DurabilityEstimator.Settings.defaults(2).withPrecision(PRECISION).withMaxSamples(samples));
    }

    private static void assertAgrees(String label, StorageSpec spec, double exact, long seed, long samples) {
        long start = System.nanoTime();
        DurabilityEstimate e = estimate(spec, seed, samples);
        double p = e.perUnit().estimate();
        double se = (e.perUnit().ci95High() - p) / Z95;
        System.out.printf(Locale.ROOT, "%-34s exact %.4e  rare %.4e +- %.1f%% (%d samples, %d hits, ESS %.0f, %.2f s)%n",
                label, exact, p, 100 * e.relativeError(), e.samples(), e.lossSamples(), e.effectiveSamples(),
                (System.nanoTime() - start) / 1e9);
        assertThat(e.warnings()).as(label).isEmpty();
        assertThat(e.stoppedBy()).as(label).isEqualTo(DurabilityEstimate.StopReason.PRECISION);
        assertThat(Math.abs(p - exact)).as(label + ": |rare - exact| within 3.29 standard errors")
                .isLessThanOrEqualTo(Z999 * se);
    }

    @Test
    void raid6OneCrewAndParallel() {
        double lambda = 1e-6;
        for (int crews : new int[] {1, 3}) {
            RepairSpec.Crews c = crews == 1 ? RepairSpec.Crews.ONE : RepairSpec.Crews.UNLIMITED;
            double exact = kOutOfN(10, 2, crews, lambda, 0).absorbedBy(YEAR);
            assertThat(exact).isBetween(1e-10, 1e-8);
            assertAgrees("raid6 of 10, crews " + crews, spec(ArraySpec.raid6(10), lambda, c, 0), exact, 61 + crews,
                    1_000_000);
        }
    }

    @Test
    void threeWayMirror() {
        double lambda = 1e-6;
        double exact = kOutOfN(3, 2, 3, lambda, 0).absorbedBy(YEAR);
        assertThat(exact).isBetween(1e-12, 1e-10);
        assertAgrees("3-way mirror", spec(ArraySpec.mirror(3), lambda, RepairSpec.Crews.UNLIMITED, 0), exact, 7,
                1_000_000);
    }

    @Test
    void erasureCodesUpToTwentyDisks() {
        double lambda = 4e-6;
        double exact104 = kOutOfN(14, 4, 4, lambda, 0).absorbedBy(YEAR);
        assertThat(exact104).isBetween(1e-14, 1e-13);
        assertAgrees("erasure 10+4", spec(ArraySpec.erasure(10, 4), lambda, RepairSpec.Crews.UNLIMITED, 0),
                exact104, 104, 1_000_000);
        double lambda20 = 5e-6;
        double exact173 = kOutOfN(20, 3, 1, lambda20, 0).absorbedBy(YEAR);
        assertThat(exact173).isBetween(1e-12, 1e-8);
        assertAgrees("erasure 17+3, one crew", spec(ArraySpec.erasure(17, 3), lambda20, RepairSpec.Crews.ONE, 0),
                exact173, 173, 1_000_000);
    }

    @Test
    void raid6WithUresAtTheLastLevel() {
        double lambda = 1e-7;
        double ure = 1e-15;
        // Each of the 8 survivors at the last level reads the whole disk: P(URE) = 1 - exp(-8 x ure x bits).
        double h = -Math.expm1(-8 * ure * CAPACITY * 8);
        double exact = kOutOfN(10, 2, 2, lambda, h).absorbedBy(YEAR);
        assertThat(exact).isBetween(1e-9, 1e-7);
        assertAgrees("raid6 of 10 with UREs", spec(ArraySpec.raid6(10), lambda, RepairSpec.Crews.UNLIMITED, ure),
                exact, 66, 1_000_000);
    }

    /** Relative error with a fixed number of samples stays bounded as lambda goes to 0 (bounded relative error). */
    @Test
    void relativeErrorStaysBoundedAsFailureRatesShrink() {
        double first = Double.NaN;
        for (double lambda : new double[] {1e-5, 1e-6, 1e-7, 1e-8}) {
            StorageSpec spec = spec(ArraySpec.raid6(10), lambda, RepairSpec.Crews.UNLIMITED, 0);
            double exact = kOutOfN(10, 2, 2, lambda, 0).absorbedBy(YEAR);
            DurabilityEstimate e = DurabilityEstimator.estimate(spec, Horizon.fixed(YEAR), 5,
                    DurabilityEstimator.Settings.defaults(2).withPrecision(1e-9).withMaxSamples(20_000));
            System.out.printf(Locale.ROOT, "lambda %.0e: exact %.3e rare %.3e relative error %.3f%n", lambda, exact,
                    e.perUnit().estimate(), e.relativeError());
            if (Double.isNaN(first)) {
                first = e.relativeError();
            }
            assertThat(e.relativeError()).as("lambda " + lambda).isLessThan(Math.max(0.15, 2 * first));
            assertThat(Math.abs(e.perUnit().estimate() - exact))
                    .isLessThanOrEqualTo(Z999 * e.relativeError() / Z95 * e.perUnit().estimate());
        }
    }

    /** Stopping on precision is decided between fixed batches: the same estimate for one thread or three. */
    @Test
    void sameEstimateForAnyThreadCount() {
        StorageSpec spec = spec(ArraySpec.raid6(10), 1e-6, RepairSpec.Crews.ONE, 1e-15);
        DurabilityEstimate one = DurabilityEstimator.estimate(spec, Horizon.fixed(YEAR), 3,
                new DurabilityEstimator.Settings(PRECISION, Double.POSITIVE_INFINITY, 1_000_000, 1, true));
        DurabilityEstimate three = DurabilityEstimator.estimate(spec, Horizon.fixed(YEAR), 3,
                new DurabilityEstimator.Settings(PRECISION, Double.POSITIVE_INFINITY, 1_000_000, 3, true));
        assertThat(three.samples()).isEqualTo(one.samples());
        assertThat(three.perUnit()).isEqualTo(one.perUnit());
        assertThat(three.wholeArrayLoss()).isEqualTo(one.wholeArrayLoss());
        assertThat(three.sectorLoss()).isEqualTo(one.sectorLoss());
        assertThat(three.effectiveSamples()).isEqualTo(one.effectiveSamples());
    }
}
