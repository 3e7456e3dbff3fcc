package org.mailsim.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Model names, the table's rows and the recommendation of {@link CountSummary}: synthetic counts where the right
 * answer is known, then the shipped Backblaze file.
 */
class CountSummaryTest {
    private static final double DAYS_PER_YEAR = 365;

    /** Failures of a model with {@code afr} (per 365-day drive-year) over {@code driveDays}, Poisson. */
    private static DriveModelCounts draw(String model, double afr, long drives, double driveDays, Well19937c rng) {
        double mean = afr / DAYS_PER_YEAR * driveDays;
        long failures = new PoissonDistribution(rng, mean, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS).sample();
        return DriveModelCounts.of(model, 8, drives, driveDays, failures);
    }

    /** Three models drawn from one exponential lifetime (AFR 1%). */
    private static List<DriveModelCounts> homogeneous(long seed) {
        Well19937c rng = new Well19937c(seed);
        return List.of(draw("ST8000DM002", 0.01, 2000, 2e6, rng), draw("ST8000NM0055", 0.01, 3000, 4e6, rng),
                draw("WDC HUH728080ALE600", 0.01, 1000, 1e6, rng));
    }

    @Test
    void onePooledExponentialRecommendsThePooledLifetime() {
        CountSummary s = CountSummary.of("all", homogeneous(16), CountSummary.DEFAULT_MIN_DRIVES);
        assertThat(s.verdict()).isEqualTo(CountSummary.Verdict.POOLED);
        assertThat(s.pooled().heterogeneity().pValue()).isGreaterThanOrEqualTo(CountSummary.ALPHA);
        assertThat(s.recommendedFit()).isSameAs(s.pooled());
        assertThat(s.lifetimes()).isEmpty();
        // The pooled AFR recovers the 1% it was drawn from, within its exact interval.
        assertThat(s.pooled().afr().ci95Low()).isLessThan(0.01);
        assertThat(s.pooled().afr().ci95High()).isGreaterThan(0.01);
        assertThat(s.recommendation()).startsWith("One lifetime fits these 3 models")
                .contains("Plan with the pooled AFR of " + CountSummary.afr(s.pooled()));
    }

    @Test
    void theTestOfOneRateRejectsAtItsLevelUnderThePooledModel() {
        // Under one common rate the test must reject about 5% of the time: with 400 independent files the count of
        // rejections is Binomial(400, 0.05); it must lie inside that law's central 99.9% (the chi-square law of G is
        // asymptotic, and with about 70 failures a model it is close).
        int files = 400;
        int rejected = 0;
        for (int seed = 0; seed < files; seed++) {
            if (CountSummary.of("all", homogeneous(1000 + seed), 1).verdict() == CountSummary.Verdict.PER_MODEL) {
                rejected++;
            }
        }
        BinomialDistribution law = new BinomialDistribution(null, files, CountSummary.ALPHA);
        assertThat(rejected).isBetween(law.inverseCumulativeProbability(0.0005),
                law.inverseCumulativeProbability(0.9995));
    }

    @Test
    void twoModelsWithDifferentRatesGetALifetimeEachAndNoPooledOne() {
        Well19937c rng = new Well19937c(7);
        List<DriveModelCounts> counts = List.of(draw("WDC WUH721816ALE6L4", 0.004, 20_000, 1e7, rng),
                draw("ST3000DM001", 0.25, 4_000, 2e6, rng));
        CountSummary s = CountSummary.of("all", counts, CountSummary.DEFAULT_MIN_DRIVES);
        assertThat(s.verdict()).isEqualTo(CountSummary.Verdict.PER_MODEL);
        assertThat(s.recommendedFit()).isNull();
        assertThat(s.lifetimes()).extracting(m -> m.name().display())
                .containsExactly("WDC WUH721816ALE6L4", "Seagate ST3000DM001");
        assertThat(s.recommendation()).startsWith("Do not plan with one lifetime for these 2 models")
                .contains("from an AFR of " + CountSummary.pct(s.models().get(0).fit().afr().estimate())
                        + "% a year (WDC WUH721816ALE6L4)")
                .contains("--pooled prints the fleet average");
        // Each model's lifetime recovers its own rate.
        assertThat(s.lifetimes().get(0).fit().afr().ci95Low()).isLessThan(0.004);
        assertThat(s.lifetimes().get(0).fit().afr().ci95High()).isGreaterThan(0.004);
        assertThat(s.lifetimes().get(1).fit().afr().ci95Low()).isLessThan(0.25);
        assertThat(s.lifetimes().get(1).fit().afr().ci95High()).isGreaterThan(0.25);
    }

    @Test
    void gStatisticEqualsTheLikelihoodRatioOfPoissonCountsComputedApart() {
        // G = 2 (ln L of one rate per model - ln L of one rate for all), with the Poisson log-probabilities of
        // Commons Math at each MLE: a route that shares nothing with CountFits' sum of O ln(O/E).
        List<DriveModelCounts> counts = List.of(DriveModelCounts.of("ST4000DM000", 4, 1000, 300_000, 37),
                DriveModelCounts.of("ST8000DM002", 8, 800, 500_000, 18),
                DriveModelCounts.of("WDC WD30EFRX", 3, 200, 60_000, 0));
        double total = 0;
        double failures = 0;
        for (DriveModelCounts c : counts) {
            total += c.driveDays();
            failures += c.failures();
        }
        double separate = 0;
        double pooled = 0;
        for (DriveModelCounts c : counts) {
            if (c.failures() > 0) {
                separate += new PoissonDistribution(c.failures()).logProbability((int) c.failures());
            }
            pooled += new PoissonDistribution(failures / total * c.driveDays()).logProbability((int) c.failures());
        }
        double g = 2 * (separate - pooled);
        CountFit.Heterogeneity h = CountSummary.of("three", counts, 1).pooled().heterogeneity();
        assertThat(h.gStatistic()).isCloseTo(g, offset(1e-9 * g));
        assertThat(h.degreesOfFreedom()).isEqualTo(2);
        assertThat(h.pValue()).isCloseTo(Math.exp(-g / 2), offset(1e-12));   // chi-square, 2 df: p = e^(-G/2)
        assertThat(h.pValue()).isCloseTo(1 - new ChiSquaredDistribution(2).cumulativeProbability(g), offset(1e-12));
    }

    @Test
    void modelFieldsThatNameNoModelAreToldApart() {
        assertThat(DriveModelName.parse("wdc wuh721816ale6l4").display()).isEqualTo("WDC WUH721816ALE6L4");
        assertThat(DriveModelName.parse("ST4000DM000").display()).isEqualTo("Seagate ST4000DM000");
        assertThat(DriveModelName.parse("TOSHIBA MG07ACA14TA").display()).isEqualTo("Toshiba MG07ACA14TA");
        assertThat(DriveModelName.parse("HGST HMS5C4040ALE640").display()).isEqualTo("HGST HMS5C4040ALE640");
        assertThat(DriveModelName.parse("Seagate BarraCuda SSD ZA2000CM10002").display())
                .isEqualTo("Seagate ZA2000CM10002");
        assertThat(DriveModelName.parse("st320005xxxx").problem()).isEqualTo("a placeholder, not a model number");
        assertThat(DriveModelName.parse("00md00").problem()).isEqualTo("not a model number");
        assertThat(DriveModelName.parse("DELLBOSS VD").problem()).isEqualTo("not a model number");
        assertThat(DriveModelName.parse("  ").problem()).isEqualTo("empty model field");
        assertThat(DriveModelName.parse("ST16000NM002J").family()).isEqualTo("ST16000NM*");
        assertThat(DriveModelName.parse("wdc huh721212ale604").family()).isEqualTo("HUH721212ALE*");
    }

    @Test
    void junkRowsAreLeftOutSameModelsMergedAndSmallModelsGrouped() throws IOException {
        String csv = """
                model,capacity_tb,n_unique,drive_days,failed
                ST4000DM000,4,3000,3000000,200
                HGST HMS5C4040ALE640,4,500,600000,8
                model,capacity_tb,n_unique,drive_days,failed
                WDC HMS5C4040ALE640,4,700,700000,9
                ST320005XXXX,2,18,6256,7
                ,4,5,900,1
                ST4000DX002,4,7,2337,4
                ST4000DM004,4,20,13505,1
                """;
        List<DriveModelCounts> rows = DriveCountsReader.read("mixed.csv", new StringReader(csv));
        assertThat(rows).hasSize(7);   // the repeated header is not a row
        CountSummary s = CountSummary.of("all", rows, 100);
        assertThat(s.unidentified()).extracting(DriveModelCounts::line).containsExactly(6L, 7L);
        assertThat(s.models()).extracting(m -> m.name().display()).containsExactly("Seagate ST4000DM000",
                "HGST HMS5C4040ALE640", "Seagate ST4000DX002", "Seagate ST4000DM004");
        CountSummary.ModelFit merged = s.models().get(1);
        assertThat(merged.counts().drives()).isEqualTo(1200);
        assertThat(merged.counts().failures()).isEqualTo(17);
        assertThat(merged.counts().driveDays()).isEqualTo(1_300_000);
        assertThat(s.ownRows()).extracting(m -> m.name().number()).containsExactly("ST4000DM000",
                "HMS5C4040ALE640");
        assertThat(s.grouped()).extracting(m -> m.name().number()).containsExactly("ST4000DX002", "ST4000DM004");
        assertThat(s.other().drives()).isEqualTo(27);
        assertThat(s.other().failures()).isEqualTo(5);
        // The pooled fit and its test cover the four models, not the unidentified rows.
        assertThat(s.pooled().failures()).isEqualTo(200 + 17 + 4 + 1);
        assertThat(s.pooled().heterogeneity().degreesOfFreedom()).isEqualTo(3);
        // --model matches the model number alone, or vendor and number, whatever the file wrote.
        assertThat(CountFits.select(rows, List.of("hms5c4040*"), List.of())).hasSize(2);
        assertThat(CountFits.select(rows, List.of("Seagate ST4000D?000"), List.of())).hasSize(1);
    }

    @Test
    void aSparseModelIsToldToPlanWithItsUpperBound() {
        CountSummary one = CountSummary.of("new", List.of(DriveModelCounts.of("ST16000NM002J", 16, 468, 259_866, 4)),
                CountSummary.DEFAULT_MIN_DRIVES);
        assertThat(one.verdict()).isEqualTo(CountSummary.Verdict.SINGLE_MODEL);
        assertThat(one.ownRows()).hasSize(1);   // a single selected model always gets its row
        assertThat(one.recommendation()).contains("With 4 failures, the rate is known only within a factor of")
                .contains("an AFR of " + CountSummary.pct(one.pooled().afr().ci95High()) + "%");
        CountSummary none = CountSummary.of("new", List.of(DriveModelCounts.of("ST16000NM005G", 16, 26, 33_182, 0)),
                CountSummary.DEFAULT_MIN_DRIVES);
        assertThat(none.recommendation()).contains("No drive failed: the AFR is only bounded above");
    }

    @Test
    void backblazeDefaultTableNamesOnlyDriveModels() throws IOException {
        CountSummary s = CountSummary.of("all models", FitCountsTest.backblaze(), CountSummary.DEFAULT_MIN_DRIVES);
        assertThat(s.unidentified()).extracting(DriveModelCounts::model).containsExactly("st320005xxxx", "00md00");
        assertThat(s.models()).hasSize(79);
        for (CountSummary.ModelFit m : s.ownRows()) {
            assertThat(m.name().identified()).isTrue();
            assertThat(m.name().display()).matches("(Seagate|WDC|Toshiba) [A-Z][A-Z0-9]{4,}");
            assertThat(m.counts().drives()).isGreaterThanOrEqualTo(100);
        }
        List<Long> drives = new ArrayList<>();
        s.grouped().forEach(m -> drives.add(m.counts().drives()));
        assertThat(drives).allMatch(d -> d < 100);
        assertThat(s.ownRows().size() + s.grouped().size()).isEqualTo(79);
        assertThat(s.pooled().failures()).isEqualTo(21_512 - 7);   // the placeholder rows' 7 failures left out
        // The models differ: no pooled lifetime, one per model with at least 10 failures.
        assertThat(s.verdict()).isEqualTo(CountSummary.Verdict.PER_MODEL);
        assertThat(s.recommendedFit()).isNull();
        assertThat(s.lifetimes()).allMatch(m -> m.counts().failures() >= CountSummary.MIN_FAILURES);
        assertThat(s.sparse()).extracting(m -> m.name().number()).containsExactly("ST16000NM002J", "ST8000NM000A",
                "ST12000NM000J", "ST14000NM000J");
        assertThat(s.recommendation()).contains("--model 'ST16000NM*'");
    }
}
