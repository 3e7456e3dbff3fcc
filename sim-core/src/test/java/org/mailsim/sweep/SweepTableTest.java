package org.mailsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.run.Metric;
import org.junit.jupiter.api.Test;

class SweepTableTest {

    private static SweepTable table(Target target) {
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        sweep.put("storage.raid.level", List.of("raid5", "raid6"));
        sweep.put("storage.raid.width", List.of("6", "8", "12"));
        sweep.put("storage.spares.hot", List.of("0", "1"));
        SweepGrid grid = SweepGrid.expand(sweep);
        List<SweepRow> rows = new ArrayList<>();
        for (Configuration c : grid.configurations()) {
            rows.add(new SweepRow(c, SweepFixtures.point(c.overrides()), false));
        }
        return new SweepTable(grid.keys(), rows, target);
    }

    /** The fixture's figures for (level, width, spares), by its formulas. */
    private static double cost(boolean raid6, int width, int spares) {
        return 1000.0 * width / 3 + 250.0 * spares / 7 + (raid6 ? 400.0 / 3 : 0);
    }

    @Test
    void cheapestMeetingTargetIsTheMinimumCostAmongThoseMeetingEveryCondition() {
        // userHours = (10 w / 7) / (1 + s) / (raid6 ? 3 : 1); losses = max(0, w - 2 s - (raid6 ? 6 : 0)) of 100.
        // userHours <= 4 rules out every raid5 row (the least is w6 s1: 4.29) and raid6 w12 s0 (5.71).
        // P(loss) <= 0.05 holds for the remaining raid6 rows (at most 2 losses in 100; none gives the 3/n-like
        // bound 0.0295). The cheapest of them is raid6 w6 s0, index 6.
        SweepTable t = table(Target.parse(List.of("userHoursUnavailable <= 4", "probabilityOfDataLoss <= 0.05")));
        assertThat(t.cheapestMeetingTarget()).isEqualTo(6);
        assertThat(t.rows().get(6).point().totalCost()).isEqualTo(cost(true, 6, 0));
        for (int i = 0; i < 6; i++) {
            assertThat(t.meetsTarget(i)).as("raid5 row %d", i).isFalse();
        }
        assertThat(t.meetsTarget(10)).as("raid6 w12 s0: 5.7 user-hours").isFalse();
        assertThat(t.meetsTarget(11)).isTrue();

        // A tighter loss bound using the interval's top end rules out raid6 w8 s0 too (2 of 100: CP upper 0.0704).
        SweepTable strict = table(Target.parse(List.of("probabilityOfDataLoss.ci95High <= 0.05 and mailsLost.max < 100")));
        assertThat(strict.meetsTarget(8)).isFalse();
        assertThat(strict.meetsTarget(6)).isTrue();

        SweepTable impossible = table(Target.parse(List.of("userHoursUnavailable < 0")));
        assertThat(impossible.cheapestMeetingTarget()).isEqualTo(-1);
        assertThat(impossible.summary()).anyMatch(l -> l.startsWith("No configuration meets the target"));
        assertThat(table(Target.NONE).cheapestMeetingTarget()).isEqualTo(-1);
    }

    @Test
    void frontsOfTheFixture() {
        SweepTable t = table(Target.NONE);
        // Cheapest overall (raid5 w6 s0) is on both fronts.
        assertThat(t.onUserHoursFront(0)).isTrue();
        assertThat(t.onLossFront(0)).isTrue();
        // raid5 w12 s0: costlier than raid5 w6 s0 with more user-hours and more loss -> on neither front.
        assertThat(t.onUserHoursFront(4)).isFalse();
        assertThat(t.onLossFront(4)).isFalse();
        // Check every flag against a direct definition of dominance.
        List<SweepRow> rows = t.rows();
        for (int i = 0; i < rows.size(); i++) {
            boolean dominatedUh = false;
            boolean dominatedLoss = false;
            for (int j = 0; j < rows.size(); j++) {
                SweepPoint a = rows.get(j).point();
                SweepPoint b = rows.get(i).point();
                double ua = a.metric(Metric.USER_HOURS_UNAVAILABLE).mean();
                double ub = b.metric(Metric.USER_HOURS_UNAVAILABLE).mean();
                double la = losses(rows.get(j).configuration());
                double lb = losses(rows.get(i).configuration());
                dominatedUh |= a.totalCost() <= b.totalCost() && ua <= ub && (a.totalCost() < b.totalCost() || ua < ub);
                dominatedLoss |= a.totalCost() <= b.totalCost() && la <= lb && (a.totalCost() < b.totalCost() || la < lb);
            }
            assertThat(t.onUserHoursFront(i)).as("row %d", i).isEqualTo(!dominatedUh);
            assertThat(t.onLossFront(i)).as("row %d", i).isEqualTo(!dominatedLoss);
        }
    }

    /** The fixture's loss count, by its formula: max(0, w - 2 s - (raid6 ? 6 : 0)) of 100. */
    private static int losses(Configuration c) {
        int w = Integer.parseInt(c.overrides().get("storage.raid.width"));
        int s = Integer.parseInt(c.overrides().get("storage.spares.hot"));
        return Math.max(0, w - 2 * s - ("raid6".equals(c.overrides().get("storage.raid.level")) ? 6 : 0));
    }

    @Test
    void aConfigurationWithoutLossesIsNotOutrankedThroughItsUpperBound() {
        // A: cheaper, no loss in 40 replications (reported bound 0.072). B: costlier, 2 losses in 40 (0.05).
        // B must not be on the front: it is costlier and lost data where A never did.
        java.util.function.BiFunction<Double, Long, SweepPoint> point = (cost, lost) -> {
            Map<Metric, org.mailsim.stats.MetricSummary> m = new java.util.EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                double v = metric == Metric.TOTAL_COST ? cost : 1;
                m.put(metric, new org.mailsim.stats.MetricSummary(40, v, v, v, v, v, v, v));
            }
            org.mailsim.stats.Estimate p = org.mailsim.stats.Proportions.probability(lost, 40);
            return new SweepPoint(m, p, org.mailsim.stats.Proportions.meanTimeFromExposure(400, lost), 40,
                    Map.of(org.mailsim.run.Severity.ARRAY_LOSS, p, org.mailsim.run.Severity.SECTOR_LOSS, p,
                            org.mailsim.run.Severity.OUTAGE, p), new org.mailsim.run.RunExtent(400, false, 1, 1));
        };
        SweepPoint a = point.apply(1.0, 0L);
        SweepPoint b = point.apply(2.0, 2L);
        assertThat(a.probabilityOfDataLoss().estimate()).isGreaterThan(b.probabilityOfDataLoss().estimate());
        Configuration ca = new Configuration(0, "c0000-aaaaaaaa", Map.of("k", "a"), "aaaaaaaaaaaaaaaa");
        Configuration cb = new Configuration(1, "c0001-bbbbbbbb", Map.of("k", "b"), "bbbbbbbbbbbbbbbb");
        SweepTable t = new SweepTable(List.of("k"), List.of(new SweepRow(ca, a, false), new SweepRow(cb, b, false)),
                Target.NONE);
        assertThat(t.onLossFront(0)).isTrue();
        assertThat(t.onLossFront(1)).isFalse();
        assertThat(SweepTable.observedLoss(a)).isZero();
        assertThat(SweepTable.observedLoss(b)).isEqualTo(0.05);
    }

    @Test
    void csvHeaderNumbersAndQuoting() {
        SweepTable t = table(Target.parse(List.of("userHoursUnavailable <= 4")));
        String[] lines = t.toCsv().split("\n", -1);
        assertThat(lines).hasSize(14); // header, 12 rows, empty after the final LF
        assertThat(lines[0]).startsWith("configuration,storage.raid.level,storage.raid.width,storage.spares.hot,"
                + "replications,totalCost.mean,totalCost.ci95Low,totalCost.ci95High,diskFailures.mean,")
                .contains(",probabilityOfDataLoss.upperBoundOnly,mttdlHours.lowerBoundOnly,arrays,usableTerabytes,")
                .endsWith(",expectedUsersWithLoss.boundOnly,expectedUsersWithLossPerYear.estimate,"
                        + "expectedUsersWithLossPerYear.ci95Low,expectedUsersWithLossPerYear.ci95High,"
                        + "expectedUsersWithLossPerYear.boundOnly,probabilityOfArrayLoss.estimate,"
                        + "probabilityOfArrayLoss.ci95Low,probabilityOfArrayLoss.ci95High,probabilityOfArrayLoss.boundOnly,"
                        + "userHoursUnavailablePerYear.estimate,userHoursUnavailablePerYear.ci95Low,"
                        + "userHoursUnavailablePerYear.ci95High,userHoursUnavailablePerYear.boundOnly,"
                        + "totalCostPerYear.estimate,totalCostPerYear.ci95Low,totalCostPerYear.ci95High,"
                        + "totalCostPerYear.boundOnly,costPerUsableTerabyte.estimate,costPerUsableTerabyte.ci95Low,"
                        + "costPerUsableTerabyte.ci95High,costPerUsableTerabyte.boundOnly,"
                        + "costPerUsableTerabytePerYear.estimate,costPerUsableTerabytePerYear.ci95Low,"
                        + "costPerUsableTerabytePerYear.ci95High,costPerUsableTerabytePerYear.boundOnly,"
                        + "paretoCostUsersWithLoss,paretoCostUserHours,paretoCostLoss,meetsTarget,cheapestMeetingTarget");
        String[] header = lines[0].split(",");
        assertThat(header).hasSize(1 + 3 + 1 + Metric.values().length * 3 + 6 + 2 + 2
                + (2 + org.mailsim.run.DecisionMetric.values().length) * 4 + 5);
        String[] row1 = lines[1].split(",");
        assertThat(row1).hasSize(header.length);
        assertThat(row1[1]).isEqualTo("raid5");
        assertThat(Double.parseDouble(row1[5])).isEqualTo(cost(false, 6, 0)); // 2000.0 exactly
        String[] row8 = lines[9].split(","); // row index 8: raid6 w8 s0
        assertThat(row8[5]).isEqualTo(Double.toString(cost(true, 8, 0)));
        assertThat(Double.parseDouble(row8[5])).isEqualTo(cost(true, 8, 0)); // round trip of 2800.0000000000005 etc.
        assertThat(row8[header.length - 2]).isEqualTo("true"); // raid6 w8 s0: 3.81 user-hours
        assertThat(lines[7].split(",")[header.length - 1]).isEqualTo("true"); // cheapest meeting: raid6 w6 s0

        // Values holding commas or quotes are quoted (RFC 4180).
        Configuration odd = new Configuration(0, "c0000-00000000", Map.of("a", "{x: 1, y: \"z\"}"), "0000000000000000");
        SweepTable quoted = new SweepTable(List.of("a"), List.of(new SweepRow(odd,
                SweepFixtures.point(Map.of()), false)), Target.NONE);
        assertThat(quoted.toCsv().split("\n")[1]).startsWith("c0000-00000000,\"{x: 1, y: \"\"z\"\"}\",100,");
    }

    @Test
    void targetsParseAndRefuseClearly() {
        Target t = Target.parse(List.of("userHoursUnavailable <= 100 and probabilityOfDataLoss.ci95High<0.01",
                "mttdlHours >= 1e6"));
        assertThat(t.describe()).isEqualTo("userHoursUnavailable <= 100.0 and probabilityOfDataLoss.ci95High < 0.01"
                + " and mttdlHours >= 1000000.0");
        assertThat(t.upperBoundOn("userHoursUnavailable")).isEqualTo(100.0);
        assertThat(t.upperBoundOn("mttdlHours")).isNull();
        assertThatThrownBy(() -> Target.parse(List.of("userHours <= 3"))).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("unknown quantity 'userHours'").hasMessageContaining("userHoursUnavailable");
        assertThatThrownBy(() -> Target.parse(List.of("mailsLost.p42 <= 3"))).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("unknown statistic 'p42'");
        assertThatThrownBy(() -> Target.parse(List.of("mailsLost = 3"))).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("accepted: QUANTITY[.STATISTIC] <= NUMBER");
        assertThatThrownBy(() -> Target.parse(List.of("mailsLost <= lots"))).isInstanceOf(SweepInputException.class)
                .hasMessageContaining("'lots' is not a finite number");
    }
}
