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
        String[] lines = t.toCsv("USD").split("\n", -1);
        assertThat(lines).hasSize(14); // header, 12 rows, empty after the final LF
        assertThat(lines[0]).startsWith("configuration,storage.raid.level,storage.raid.width,storage.spares.hot,"
                + "replications [replications],totalCost.mean [USD],totalCost.ci95Low [USD],totalCost.ci95High [USD],"
                + "diskFailures.mean [disks],")
                .contains(",bytesLost.mean [B],", ",userHoursUnavailable.mean [user-hours],",
                        ",hoursToRestoreService.mean [h],", ",probabilityOfDataLoss.estimate [fraction],",
                        ",mttdlHours.ci95High [h],probabilityOfDataLoss.upperBoundOnly,mttdlHours.lowerBoundOnly,"
                                + "arrays [arrays],usableTerabytes [TB],",
                        ",expectedMailsLostPerYear.estimate [mails/y],")
                .endsWith(",expectedUsersWithLoss.boundOnly,expectedUsersWithLossPerYear.estimate [users/y],"
                        + "expectedUsersWithLossPerYear.ci95Low [users/y],expectedUsersWithLossPerYear.ci95High [users/y],"
                        + "expectedUsersWithLossPerYear.boundOnly,probabilityOfArrayLoss.estimate [fraction],"
                        + "probabilityOfArrayLoss.ci95Low [fraction],probabilityOfArrayLoss.ci95High [fraction],"
                        + "probabilityOfArrayLoss.boundOnly,"
                        + "userHoursUnavailablePerYear.estimate [user-hours/y],userHoursUnavailablePerYear.ci95Low "
                        + "[user-hours/y],userHoursUnavailablePerYear.ci95High [user-hours/y],"
                        + "userHoursUnavailablePerYear.boundOnly,"
                        + "totalCostPerYear.estimate [USD/y],totalCostPerYear.ci95Low [USD/y],totalCostPerYear.ci95High "
                        + "[USD/y],totalCostPerYear.boundOnly,costPerUsableTerabyte.estimate [USD/TB],"
                        + "costPerUsableTerabyte.ci95Low [USD/TB],costPerUsableTerabyte.ci95High [USD/TB],"
                        + "costPerUsableTerabyte.boundOnly,costPerUsableTerabytePerYear.estimate [USD/TB/y],"
                        + "costPerUsableTerabytePerYear.ci95Low [USD/TB/y],costPerUsableTerabytePerYear.ci95High "
                        + "[USD/TB/y],costPerUsableTerabytePerYear.boundOnly,"
                        + "paretoCostUsersWithLoss,paretoCostUserHours,paretoCostLoss,meetsTarget,cheapestMeetingTarget");
        String[] header = lines[0].split(",");
        assertThat(header).hasSize(1 + 3 + 1 + Metric.values().length * 3 + 6 + 2 + 2
                + (2 + org.mailsim.run.DecisionMetric.values().length) * 4 + 5);
        String[] row1 = lines[1].split(",");
        assertThat(row1).hasSize(header.length);
        assertThat(row1[1]).isEqualTo("raid5");
        assertThat(row1[5]).isEqualTo("2000"); // cost(false, 6, 0): a whole value without ".0"
        String[] row8 = lines[9].split(","); // row index 8: raid6 w8 s0
        assertThat(row8[5]).isEqualTo("2800");
        assertThat(lines[2].split(",")[5]).isEqualTo("2035.71"); // raid5 w6 s1: 2000 + 250/7 = 2035.714285...
        assertThat(row8[header.length - 2]).isEqualTo("true"); // raid6 w8 s0: 3.81 user-hours
        assertThat(lines[7].split(",")[header.length - 1]).isEqualTo("true"); // cheapest meeting: raid6 w6 s0
        // The user-hours of raid5 w6 s0, 60/7 = 8.571428..., to six significant digits.
        assertThat(row1[List.of(header).indexOf("userHoursUnavailable.mean [user-hours]")]).isEqualTo("8.57143");

        // Values holding commas or quotes are quoted (RFC 4180).
        Configuration odd = new Configuration(0, "c0000-00000000", Map.of("a", "{x: 1, y: \"z\"}"), "0000000000000000");
        SweepTable quoted = new SweepTable(List.of("a"), List.of(new SweepRow(odd,
                SweepFixtures.point(Map.of()), false)), Target.NONE);
        assertThat(quoted.toCsv("USD").split("\n")[1]).startsWith("c0000-00000000,\"{x: 1, y: \"\"z\"\"}\",100,");
    }

    @Test
    void csvNumbersAreRoundedToSixSignificantDigitsWithoutLosingWholeUnits() {
        // Figures of the pinned RAID budget sweep, as the CSV wrote them before it rounded.
        assertThat(SweepTable.csvNumber(471337.8133329541)).isEqualTo("471338");
        assertThat(SweepTable.csvNumber(1297157.1820300808)).isEqualTo("1297157"); // whole currency units
        assertThat(SweepTable.csvNumber(4.802100289688798E11)).isEqualTo("480210028969"); // whole bytes
        assertThat(SweepTable.csvNumber(1.3401118216660652E14)).isEqualTo("134011182166607");
        assertThat(SweepTable.csvNumber(1.0245849990649661E7)).isEqualTo("10245850");
        assertThat(SweepTable.csvNumber(7.158602755735046)).isEqualTo("7.1586");
        assertThat(SweepTable.csvNumber(278.457870940234)).isEqualTo("278.458");
        assertThat(SweepTable.csvNumber(0.19901267752068874)).isEqualTo("0.199013");
        assertThat(SweepTable.csvNumber(8.60910322481412E-4)).isEqualTo("0.00086091");
        assertThat(SweepTable.csvNumber(0.000123456789)).isEqualTo("0.000123457");
        // Scientific notation only where plain decimals would be unreadable: tiny probabilities, huge byte counts.
        assertThat(SweepTable.csvNumber(1.322e-9)).isEqualTo("1.322E-9");
        assertThat(SweepTable.csvNumber(9.4023456789e-15)).isEqualTo("9.40235E-15");
        assertThat(SweepTable.csvNumber(-2.5e16)).isEqualTo("-2.5E16");
        assertThat(SweepTable.csvNumber(9.9999999e-5)).isEqualTo("1E-4");
        // Exact integers stay integers; zero is one zero; undefined is an empty cell; an open end is Infinity.
        assertThat(SweepTable.csvNumber(2000.0)).isEqualTo("2000");
        assertThat(SweepTable.csvNumber(7.0)).isEqualTo("7");
        assertThat(SweepTable.csvNumber(17.5)).isEqualTo("17.5");
        assertThat(SweepTable.csvNumber(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(SweepTable.csvNumber(0.0)).isEqualTo("0");
        assertThat(SweepTable.csvNumber(-0.0)).isEqualTo("0");
        assertThat(SweepTable.csvNumber(Double.NaN)).isEmpty();
        assertThat(SweepTable.csvNumber(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(SweepTable.csvNumber(0.99999995)).isEqualTo("1");
        assertThat(SweepTable.csvNumber(999999.7)).isEqualTo("1000000");
    }

    @Test
    void csvNumbersReadBackWithinHalfAUnitOfTheSixthDigit() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(16);
        for (int i = 0; i < 200_000; i++) {
            // Every magnitude from 1e-20 to 1e20, and whole numbers, both signs.
            double x = Math.pow(10, random.nextDouble(-20, 20)) * (random.nextBoolean() ? 1 : -1);
            if (i % 4 == 0) {
                x = Math.rint(x);
            }
            String cell = SweepTable.csvNumber(x);
            double back = Double.parseDouble(cell);
            assertThat(Math.abs(back - x)).as("%s written %s", x, cell).isLessThanOrEqualTo(5e-6 * Math.abs(x));
            assertThat(cell).as("%s", x).matches("-?\\d+(\\.\\d+)?(E-?\\d+)?");
            double magnitude = Math.abs(x);
            if (magnitude >= 1e-4 && magnitude < 1e15) {
                assertThat(cell).as("%s", x).doesNotContain("E");
                if (x == Math.rint(x)) {
                    assertThat(back).as("a whole %s stays whole", cell).isEqualTo(x);
                }
            } else if (x != 0) {
                assertThat(cell).as("%s", x).contains("E");
            }
            // At most six significant digits, or the whole units of a value from 1e5 up.
            String digits = cell.replaceFirst("E.*", "").replace("-", "").replace(".", "").replaceFirst("^0+", "");
            if (magnitude < 1e5 || magnitude >= 1e15) {
                assertThat(digits.replaceFirst("0+$", "").length()).as(cell).isLessThanOrEqualTo(6);
            }
        }
    }

    /** A point whose metrics span 1e-8 to 1e18 and whose hours to restore are undefined (no outage). */
    private static SweepPoint wideRangePoint() {
        Map<Metric, org.mailsim.stats.MetricSummary> metrics = new java.util.EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double mean = Math.PI * Math.pow(10, metric.ordinal() - 8);
            metrics.put(metric, metric == Metric.HOURS_TO_RESTORE_SERVICE
                    ? new org.mailsim.stats.MetricSummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                            Double.NaN, Double.NaN, Double.NaN)
                    : new org.mailsim.stats.MetricSummary(40, mean, mean / Math.E, mean * Math.E, mean, mean, mean,
                            mean));
        }
        org.mailsim.stats.Estimate p = new org.mailsim.stats.Estimate(1.322e-9, 1.2301e-9, 1.4139e-9, false);
        return new SweepPoint(metrics, p, org.mailsim.stats.Proportions.meanTimeFromExposure(43_800.0 * 40, 0), 40,
                Map.of(org.mailsim.run.Severity.ARRAY_LOSS, p, org.mailsim.run.Severity.SECTOR_LOSS,
                        org.mailsim.stats.Proportions.probability(3, 40), org.mailsim.run.Severity.OUTAGE,
                        org.mailsim.stats.Proportions.probability(0, 40)),
                new org.mailsim.run.RunExtent(43_800, false, 64, 5_120.5));
    }

    @Test
    void everyColumnWithNumbersNamesItsUnitAndReadsBackWithinTheRounding() {
        List<SweepRow> rows = new ArrayList<>();
        rows.add(new SweepRow(new Configuration(0, "c0000-aaaaaaaa", Map.of("storage.raid.level", "raid6"),
                "aaaaaaaaaaaaaaaa"), wideRangePoint(), false));
        Map<String, List<String>> sweep = new LinkedHashMap<>();
        sweep.put("storage.raid.level", List.of("raid5", "raid6"));
        sweep.put("storage.raid.width", List.of("6", "8", "12"));
        sweep.put("storage.spares.hot", List.of("0", "1"));
        for (Configuration c : SweepGrid.expand(sweep).configurations()) {
            rows.add(new SweepRow(c, SweepFixtures.point(c.overrides()), false));
        }
        List<String> keys = List.of("storage.raid.level", "storage.raid.width", "storage.spares.hot");
        SweepTable t = new SweepTable(keys, rows, Target.parse(List.of("userHoursUnavailable <= 4")));
        String[] lines = t.toCsv("EUR").split("\n");
        String[] header = lines[0].split(",");
        java.util.regex.Pattern withUnit = java.util.regex.Pattern.compile("(\\S+) \\[([^\\]]+)\\]");
        int numeric = 0;
        for (int col = 0; col < header.length; col++) {
            java.util.regex.Matcher m = withUnit.matcher(header[col]);
            if (!m.matches()) {
                // No unit: the id, a swept key (its values as the scenario writes them) or a true/false flag.
                if (header[col].equals("configuration") || keys.contains(header[col])) {
                    continue;
                }
                for (int r = 1; r < lines.length; r++) {
                    assertThat(lines[r].split(",", -1)[col]).as(header[col]).isIn("true", "false", "");
                }
                continue;
            }
            numeric++;
            String name = m.group(1);
            String unit = m.group(2);
            assertThat(unit).as(name).isEqualTo(expectedUnit(name, "EUR"));
            for (int r = 1; r < lines.length; r++) {
                String cell = lines[r].split(",", -1)[col];
                double exact = exactValue(name, rows.get(r - 1).point());
                if (Double.isNaN(exact)) {
                    assertThat(cell).as("%s row %d", name, r).isEmpty();
                } else if (Double.isInfinite(exact)) {
                    assertThat(cell).as("%s row %d", name, r).isEqualTo("Infinity");
                } else {
                    assertThat(Math.abs(Double.parseDouble(cell) - exact)).as("%s row %d: %s for %s", name, r, cell,
                            exact).isLessThanOrEqualTo(5e-6 * Math.abs(exact));
                }
            }
        }
        assertThat(numeric).isEqualTo(1 + Metric.values().length * 3 + 6 + 2
                + (2 + org.mailsim.run.DecisionMetric.values().length) * 3);
        // The wide-range row: an undefined mean is an empty cell, an open interval end Infinity.
        assertThat(lines[1]).contains(",Infinity,", ",,");
    }

    /** The unit a column must carry, from the owners: Metric, DecisionMetric, and fraction / h / TB. */
    private static String expectedUnit(String name, String currency) {
        String quantity = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        Metric metric = Metric.byKey(quantity);
        if (metric != null) {
            return metric.unit().symbol(currency);
        }
        org.mailsim.run.DecisionMetric decision = org.mailsim.run.DecisionMetric.byKey(quantity);
        if (decision != null) {
            return decision.unit(currency);
        }
        return switch (quantity) {
            case "probabilityOfDataLoss", "probabilityOfSectorLoss", "probabilityOfOutage" -> "fraction";
            case "mttdlHours" -> "h";
            case "usableTerabytes" -> "TB";
            case "arrays" -> "arrays";
            case "replications" -> "replications";
            default -> throw new AssertionError("no unit known for " + name);
        };
    }

    /** The exact figure behind a column, read the way a sweep target reads it. */
    private static double exactValue(String name, SweepPoint point) {
        return switch (name) {
            case "replications" -> point.replications();
            case "arrays" -> point.extent().arrays();
            case "usableTerabytes" -> point.extent().usableTerabytes();
            default -> new Target.Condition(name.substring(0, name.indexOf('.')),
                    name.substring(name.indexOf('.') + 1), "<=", 0).value(point);
        };
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
