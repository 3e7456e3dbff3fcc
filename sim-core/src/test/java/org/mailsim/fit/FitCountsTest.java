package org.mailsim.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.api.Test;

/**
 * Exponential fits of Backblaze Drive Stats counts (reduced by github.com/zachmayer/backblaze_analysis; cite
 * Backblaze as the source).
 */
class FitCountsTest {
    private static final String BACKBLAZE = "backblaze-survival-by-model-2024q2.csv";

    static List<DriveModelCounts> backblaze() throws IOException {
        try (Reader in = new InputStreamReader(FitCountsTest.class.getResourceAsStream(BACKBLAZE),
                StandardCharsets.UTF_8)) {
            return DriveCountsReader.read(BACKBLAZE, in);
        }
    }

    @Test
    void singleModelMatchesTheHandComputedAfr() throws IOException {
        List<DriveModelCounts> st4000 = CountFits.select(backblaze(), List.of("ST4000DM000"), List.of());
        assertThat(st4000).hasSize(1);
        CountFit fit = CountFits.exponential("st4000dm000", st4000);
        // By hand from the file's row: 5770 failures in 81,347,421 drive-days.
        // AFR = 5770 / (81,347,421 / 365) = 2,106,050 / 81,347,421 = 0.0258896; MTTF = 81,347,421 x 24 / 5770 h.
        assertThat(fit.failures()).isEqualTo(5770);
        assertThat(fit.drives()).isEqualTo(37040);
        assertThat(fit.afr().estimate()).isCloseTo(2_106_050.0 / 81_347_421.0, offset(1e-15));
        assertThat(fit.afr().estimate()).isCloseTo(0.0258896, offset(5e-8));
        assertThat(fit.mttfHours().estimate()).isCloseTo(81_347_421.0 * 24 / 5770, offset(1e-6));
        // The exact Poisson interval for the rate from an independent route (Garwood 1936): the 2.5% point of
        // Gamma(k, 1) and the 97.5% point of Gamma(k + 1, 1), over the exposure in drive-years.
        double driveYears = 81_347_421.0 / 365;
        double low = new GammaDistribution(null, 5770, 1).inverseCumulativeProbability(0.025) / driveYears;
        double high = new GammaDistribution(null, 5771, 1).inverseCumulativeProbability(0.975) / driveYears;
        assertThat(fit.afr().ci95Low()).isCloseTo(low, withPercentage(1e-6));
        assertThat(fit.afr().ci95High()).isCloseTo(high, withPercentage(1e-6));
        // A constant hazard implies S(5 y) = exp(-5 x 365.25 x 24 / MTTF) = 0.8785, below the Cox band
        // [0.8851, 0.8914] of the file: the hazard of this model was not constant over its drives' ages.
        assertThat(fit.fiveYearSurvival().estimate()).isCloseTo(0.8785, offset(5e-5));
        assertThat(CountFits.agreesWithCox(fit, st4000.get(0))).isFalse();
    }

    @Test
    void poolsAllModels() throws IOException {
        List<DriveModelCounts> all = backblaze();
        CountFit fit = CountFits.exponential("all", all);
        // The data README's totals: 81 models, 391,168 drives, 21,512 failures.
        assertThat(fit.models()).isEqualTo(81);
        assertThat(fit.drives()).isEqualTo(391_168);
        assertThat(fit.failures()).isEqualTo(21_512);
        assertThat(fit.driveDays()).isEqualTo(464_594_613.0);
        assertThat(fit.afr().estimate()).isCloseTo(21_512 * 365.0 / 464_594_613.0, offset(1e-15));
        // Models differ far beyond chance: one pooled rate is only a fleet average.
        assertThat(fit.heterogeneity().degreesOfFreedom()).isEqualTo(80);
        assertThat(fit.heterogeneity().pValue()).isLessThan(1e-6);
    }

    @Test
    void selectsByCapacityAndGlob() throws IOException {
        List<DriveModelCounts> all = backblaze();
        List<DriveModelCounts> fourTb = CountFits.select(all, List.of(), List.of(4.0));
        assertThat(fourTb).isNotEmpty().allMatch(m -> m.capacityTb() == 4.0);
        List<DriveModelCounts> seagate4 = CountFits.select(all, List.of("st4000*"), List.of(4.0));
        assertThat(seagate4).extracting(DriveModelCounts::model)
                .containsExactlyInAnyOrder("st4000dm000", "st4000dx000", "st4000dm005", "st4000dm004",
                        "st4000dm001", "st4000dx002");
        // A pooled homogeneous pair: the same rate in both halves gives a small G statistic.
        CountFit pair = CountFits.exponential("pair", List.of(DriveModelCounts.of("a", 4, 100, 100_000, 50),
                DriveModelCounts.of("b", 4, 100, 200_000, 100)));
        assertThat(pair.heterogeneity().gStatistic()).isCloseTo(0, offset(1e-9));
        assertThat(pair.heterogeneity().pValue()).isCloseTo(1, offset(1e-9));
    }

    @Test
    void zeroFailuresGiveBoundsNotZero() {
        CountFit fit = CountFits.exponential("new", List.of(DriveModelCounts.of("new", 20, 10, 3650, 0)));
        assertThat(fit.afr().boundOnly()).isTrue();
        // 3650 drive-days = 10 drive-years; the one-sided 95% bound on the rate is -ln(0.05)/10 = 0.2996 a year.
        assertThat(fit.afr().estimate()).isCloseTo(-Math.log(0.05) / 10, offset(1e-9));
        assertThat(fit.mttfHours().boundOnly()).isTrue();
    }

    @Test
    void badInputNamesFileLineAndColumn() {
        assertThatThrownBy(() -> DriveCountsReader.read("counts.csv",
                new StringReader("model,drive_days,failed\nst1,100,2\nst2,12a,3\n")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessage("counts.csv:3: column 'drive_days': expected a non-negative number, got '12a'");
        assertThatThrownBy(() -> DriveCountsReader.read("counts.csv",
                new StringReader("model,drive_days,failed\nst1,100,-2\n")))
                .hasMessageContaining("counts.csv:2: column 'failed': expected a non-negative whole number");
        assertThatThrownBy(() -> DriveCountsReader.read("counts.csv", new StringReader("model,failed\nst1,2\n")))
                .hasMessageStartingWith("counts.csv:1: missing column 'drive_days'");
        assertThatThrownBy(() -> DriveCountsReader.read("counts.csv",
                new StringReader("model,drive_days,failed\nst1,100\n")))
                .hasMessage("counts.csv:2: expected 3 fields as in the header, got 2");
        assertThatThrownBy(() -> DriveCountsReader.read("counts.csv",
                new StringReader("model,n_unique,drive_days,failed\nst1,3,100,5\n")))
                .hasMessageContaining("column 'failed': expected at most n_unique (3) failures, got '5'");
    }
}
