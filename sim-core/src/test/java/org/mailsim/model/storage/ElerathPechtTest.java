package org.mailsim.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.run.Metric;
import org.mailsim.run.RunStatistics;
import org.mailsim.stats.MetricSummary;

/**
 * The Elerath–Pecht parameter set (docs/model.md): data-loss events per 1,000 RAID-5 (7+1) arrays over 10
 * years, beside the RAID-5 MTTDL formula with lambda = 1/MTTF and mu = 1/MTTR. Their finding: the formula
 * understates losses by 2 to 1,500 times, because of latent defects met during restores.
 */
class ElerathPechtTest {
    private static final double TEN_YEARS = 87_600;

    @Test
    void latentDefectsDominateAndTheFormulaUnderstatesLosses() {
        int n = 8;
        StorageSpec spec = StoragePresets.elerathPecht2009(n, 1000, 1e12);
        double lambda = 1 / spec.disk().lifetime().mean();
        double mu = 1 / spec.repair().rebuild().time().mean();
        double mttdl = ((2 * n - 1) * lambda + mu) / (n * (n - 1) * lambda * lambda);
        double formulaPer1000 = 1000 * TEN_YEARS / mttdl;

        long t0 = System.nanoTime();
        RunStatistics withDefects = new StorageExperiment(spec, Horizon.fixed(TEN_YEARS)).run(2009, 40, 2);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StorageSpec noDefects = StorageSpec.of(1, 1000, spec.disk().withLatentErrors(LatentErrorSpec.NONE),
                spec.array(), spec.repair());
        RunStatistics doubleFailures = new StorageExperiment(noDefects, Horizon.fixed(TEN_YEARS)).run(2010, 400, 2);
        MetricSummary all = withDefects.summary(Metric.DATA_LOSS_EVENTS);
        MetricSummary ddf = doubleFailures.summary(Metric.DATA_LOSS_EVENTS);
        System.out.printf(Locale.ROOT, "Elerath-Pecht RAID-5 7+1, 1000 arrays x 10 y: formula (MTTDL %.4g h) %.3f "
                        + "losses; simulated %.1f [%.1f, %.1f] (by cause over 40 runs %s) in %.2f s; without latent "
                        + "defects %.3f [%.3f, %.3f] (400 runs)%n", mttdl, formulaPer1000, all.mean(), all.ci95Low(),
                all.ci95High(), withDefects.lossByCause(), seconds, ddf.mean(), ddf.ci95Low(), ddf.ci95High());

        assertThat(withDefects.lossByCause().get("latentError"))
                .isGreaterThan(10 * withDefects.lossByCause().getOrDefault("concurrentFailures", 0L));
        assertThat(all.ci95Low() / formulaPer1000).isBetween(2.0, 1500.0);
    }
}
