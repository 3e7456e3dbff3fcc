package org.mailsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.mailsim.files.AtomicFiles;
import org.mailsim.files.Csv;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;

/**
 * A finished sweep: its rows in grid order, three Pareto fronts of expected total cost against a risk (the default
 * one against expected users losing mail, {@link DecisionMetric#EXPECTED_USERS_WITH_LOSS}; then expected user-hours
 * without mailbox access, and P(data loss)), which rows meet the target and the cheapest that does. Writes
 * {@code sweep.csv}.
 *
 * <p>Expected losses are means over the replications run. A configuration in which no whole array was lost has
 * expected losses from sector losses only: a lower bound, since its array losses were too rare for the sample
 * ({@link DecisionMetric#boundOnly}); the summary and the CSV say so, until rare-event estimates replace them.
 */
public final class SweepTable {
    /** Risk on the user-hours front: expected user-hours without mailbox access. */
    public static final Metric USER_HOURS = Metric.USER_HOURS_UNAVAILABLE;
    /** Risk on the default front: expected users losing mail over the horizon. */
    public static final DecisionMetric USERS_WITH_LOSS = DecisionMetric.EXPECTED_USERS_WITH_LOSS;

    private final List<String> keys;
    private final List<SweepRow> rows;
    private final Target target;
    private final boolean[] frontUserHours;
    private final boolean[] frontLoss;
    private final boolean[] frontUsersWithLoss;
    private final boolean[] meets;
    private final int cheapest;

    public SweepTable(List<String> keys, List<SweepRow> rows, Target target) {
        this.keys = List.copyOf(keys);
        this.rows = List.copyOf(rows);
        this.target = target;
        this.frontUserHours = ParetoFront.of(this.rows, r -> r.point().totalCost(),
                r -> r.point().metric(USER_HOURS).mean());
        this.frontLoss = ParetoFront.of(this.rows, r -> r.point().totalCost(), r -> observedLoss(r.point()));
        this.frontUsersWithLoss = ParetoFront.of(this.rows, r -> r.point().totalCost(),
                r -> r.point().decision(USERS_WITH_LOSS).estimate());
        this.meets = new boolean[this.rows.size()];
        int best = -1;
        for (int i = 0; i < this.rows.size(); i++) {
            meets[i] = target.meets(this.rows.get(i).point());
            // Ties in cost go to the earlier configuration, so the answer is stable.
            if (meets[i] && (best < 0 || this.rows.get(i).point().totalCost() < this.rows.get(best).point().totalCost())) {
                best = i;
            }
        }
        this.cheapest = best;
    }

    /**
     * P(loss) as observed, for ranking: the fraction of replications with a loss, so 0 when none was seen. The
     * reported estimate is then the 95% upper bound (never a bare zero), but ranking by it would put a
     * configuration that lost data in 2 of 40 replications (0.05) ahead of one that never did (bound 0.072). With
     * equal replication counts this order is the order of the loss counts, and of the intervals' upper ends.
     */
    public static double observedLoss(SweepPoint point) {
        return point.probabilityOfDataLoss().boundOnly() ? 0 : point.probabilityOfDataLoss().estimate();
    }

    public List<SweepRow> rows() {
        return rows;
    }

    public List<String> keys() {
        return keys;
    }

    public Target target() {
        return target;
    }

    public boolean onUserHoursFront(int row) {
        return frontUserHours[row];
    }

    public boolean onLossFront(int row) {
        return frontLoss[row];
    }

    /** On the default front: expected total cost against expected users losing mail. */
    public boolean onUsersWithLossFront(int row) {
        return frontUsersWithLoss[row];
    }

    public boolean meetsTarget(int row) {
        return meets[row];
    }

    /** Index of the cheapest row meeting the target, or -1 when there is no target or no row meets it. */
    public int cheapestMeetingTarget() {
        return cheapest;
    }

    // ---------------------------------------------------------------- CSV

    /** Significant digits of a CSV number (values from 10^5 to 10^15 keep every whole unit). */
    public static final int CSV_DIGITS = 6;

    /** One column of sweep.csv: its name, its unit (null for the id, the swept keys and true/false flags). */
    private record Column(String name, String unit, IntFunction<String> cell) {
        String header() {
            return unit == null ? name : name + " [" + unit + "]";
        }
    }

    /**
     * The table as CSV (RFC 4180, LF line ends) for spreadsheets and notebooks. Every column holding numbers names
     * its unit in square brackets after its name, {@code NAME [UNIT]}: {@code totalCost.mean [USD]},
     * {@code bytesLost.mean [B]}, {@code expectedMailsLostPerYear.estimate [mails/y]},
     * {@code probabilityOfDataLoss.estimate [fraction]} (a probability between 0 and 1), {@code mttdlHours.estimate
     * [h]}; the units come from {@link Metric#unit()} and {@link DecisionMetric#unit(String)}, money in
     * {@code currency}. The configuration id, the swept keys (their values as the scenario writes them) and the
     * true/false flags have no unit.
     *
     * <p>Columns: configuration id, the swept keys, replications, then for totalCost and every other metric
     * {@code NAME.mean}, {@code NAME.ci95Low}, {@code NAME.ci95High}; {@code probabilityOfDataLoss.*} and
     * {@code mttdlHours.*} (estimate, interval, upperBoundOnly/lowerBoundOnly); then {@code arrays},
     * {@code usableTerabytes}, for {@code probabilityOfSectorLoss}, {@code probabilityOfOutage} and every
     * {@link DecisionMetric} {@code NAME.estimate}, {@code NAME.ci95Low}, {@code NAME.ci95High},
     * {@code NAME.boundOnly}; then {@code paretoCostUsersWithLoss}, {@code paretoCostUserHours},
     * {@code paretoCostLoss}, {@code meetsTarget} (empty without a target) and {@code cheapestMeetingTarget}.
     * Numbers are rounded by {@link #csvNumber(double)}; the sweep state keeps them exact.
     */
    public String toCsv(String currency) {
        List<Column> columns = columns(currency);
        List<List<String>> out = new ArrayList<>();
        out.add(columns.stream().map(Column::header).toList());
        for (int i = 0; i < rows.size(); i++) {
            int row = i;
            out.add(columns.stream().map(c -> c.cell().apply(row)).toList());
        }
        return Csv.write(out);
    }

    private List<Column> columns(String currency) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("configuration", null, i -> rows.get(i).configuration().id()));
        for (String key : keys) {
            columns.add(new Column(key, null, i -> rows.get(i).configuration().overrides().getOrDefault(key, "")));
        }
        columns.add(new Column("replications", Metric.Unit.REPLICATIONS.symbol(),
                i -> Long.toString(point(i).replications())));
        for (Metric metric : metricOrder()) {
            String unit = metric.unit().symbol(currency);
            columns.add(new Column(metric.key() + ".mean", unit, i -> csvNumber(point(i).metric(metric).mean())));
            columns.add(new Column(metric.key() + ".ci95Low", unit,
                    i -> csvNumber(point(i).metric(metric).ci95Low())));
            columns.add(new Column(metric.key() + ".ci95High", unit,
                    i -> csvNumber(point(i).metric(metric).ci95High())));
        }
        estimateColumns(columns, "probabilityOfDataLoss", Metric.Unit.FRACTION.symbol(),
                i -> point(i).probabilityOfDataLoss());
        estimateColumns(columns, "mttdlHours", Metric.Unit.HOURS.symbol(), i -> point(i).mttdlHours());
        columns.add(new Column("probabilityOfDataLoss.upperBoundOnly", null,
                i -> Boolean.toString(point(i).probabilityOfDataLoss().boundOnly())));
        columns.add(new Column("mttdlHours.lowerBoundOnly", null,
                i -> Boolean.toString(point(i).mttdlHours().boundOnly())));
        columns.add(new Column("arrays", Metric.Unit.ARRAYS.symbol(), i -> Long.toString(point(i).extent().arrays())));
        columns.add(new Column("usableTerabytes", Metric.Unit.TERABYTES.symbol(),
                i -> csvNumber(point(i).extent().usableTerabytes())));
        for (String name : List.of("probabilityOfSectorLoss", "probabilityOfOutage")) {
            estimateAndBoundColumns(columns, name, Metric.Unit.FRACTION.symbol());
        }
        for (DecisionMetric m : DecisionMetric.values()) {
            estimateAndBoundColumns(columns, m.key(), m.unit(currency));
        }
        columns.add(new Column("paretoCostUsersWithLoss", null, i -> Boolean.toString(frontUsersWithLoss[i])));
        columns.add(new Column("paretoCostUserHours", null, i -> Boolean.toString(frontUserHours[i])));
        columns.add(new Column("paretoCostLoss", null, i -> Boolean.toString(frontLoss[i])));
        columns.add(new Column("meetsTarget", null, i -> target.isEmpty() ? "" : Boolean.toString(meets[i])));
        columns.add(new Column("cheapestMeetingTarget", null, i -> Boolean.toString(i == cheapest)));
        return columns;
    }

    private SweepPoint point(int row) {
        return rows.get(row).point();
    }

    private static void estimateColumns(List<Column> columns, String name, String unit,
                                        IntFunction<Estimate> estimate) {
        columns.add(new Column(name + ".estimate", unit, i -> csvNumber(estimate.apply(i).estimate())));
        columns.add(new Column(name + ".ci95Low", unit, i -> csvNumber(estimate.apply(i).ci95Low())));
        columns.add(new Column(name + ".ci95High", unit, i -> csvNumber(estimate.apply(i).ci95High())));
    }

    private void estimateAndBoundColumns(List<Column> columns, String name, String unit) {
        estimateColumns(columns, name, unit, i -> Target.estimateOf(name, point(i)));
        columns.add(new Column(name + ".boundOnly", null,
                i -> Boolean.toString(Target.estimateOf(name, point(i)).boundOnly())));
    }

    /** Writes {@link #toCsv(String)} to {@code file} through a temporary file and a rename (never half a table). */
    public void writeCsv(Path file, String currency) {
        try {
            // The sweep's folder is its own (SweepCommand refuses a folder that holds other files).
            AtomicFiles.writeString(file, existing -> null, toCsv(currency));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** totalCost first (the x axis of every comparison), then the other metrics in their JSON order. */
    private static List<Metric> metricOrder() {
        List<Metric> order = new ArrayList<>();
        order.add(Metric.TOTAL_COST);
        for (Metric m : Metric.values()) {
            if (m != Metric.TOTAL_COST) {
                order.add(m);
            }
        }
        return order;
    }

    /**
     * A number as sweep.csv writes it, locale-independent, for spreadsheets and pandas alike: rounded to
     * {@value #CSV_DIGITS} significant digits, but never coarser than a whole unit below 10^15 (a cost of
     * 1,297,157.18 is written 1297157, 4.8021002897e11 bytes 480210028969); plain decimals from 10^-4 to 10^15
     * ({@code 851531}, {@code 278.458}, {@code 0.000123457}), scientific notation beyond ({@code 1.322E-9},
     * {@code 2.5E16}), which every spreadsheet and CSV reader reads as a number; whole values without a decimal
     * point ({@code 2000}, {@code 0}); an undefined value (NaN) as an empty cell, an open interval end as
     * {@code Infinity}. The value read back is within 5 parts in a million (half a unit in the sixth digit) of the
     * exact one.
     */
    public static String csvNumber(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0"; // and -0.0
        }
        BigDecimal exact = new BigDecimal(value);
        double magnitude = Math.abs(value);
        if (magnitude < 1e-4 || magnitude >= 1e15) {
            BigDecimal rounded = exact.round(new MathContext(CSV_DIGITS, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            String digits = rounded.unscaledValue().abs().toString();
            int exponent = digits.length() - 1 - rounded.scale();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "E" + exponent;
        }
        int wholeDigits = magnitude < 1 ? 0 : exact.abs().toBigInteger().toString().length();
        return exact.round(new MathContext(Math.max(CSV_DIGITS, wholeDigits), RoundingMode.HALF_EVEN))
                .stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- summary

    /** Lines naming the fronts and the cheapest configuration meeting the target, for stdout and a text file. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d configurations over %s", rows.size(), String.join(", ", keys)));
        lines.add("Pareto front, expected total cost vs expected users losing mail (over the horizon):");
        frontLines(lines, frontUsersWithLoss, r -> usersWithLoss(r.point()));
        lines.add("Pareto front, expected total cost vs expected user-hours unavailable:");
        frontLines(lines, frontUserHours, r -> "userHoursUnavailable " + readable(r.point().metric(USER_HOURS).mean()));
        lines.add("Pareto front, expected total cost vs P(data loss):");
        frontLines(lines, frontLoss, r -> "P(loss) " + (r.point().probabilityOfDataLoss().boundOnly() ? "<= " : "")
                + readable(r.point().probabilityOfDataLoss().estimate()));
        if (target.isEmpty()) {
            lines.add("No target given (--target 'userHoursUnavailable <= X and probabilityOfDataLoss <= p').");
        } else if (cheapest < 0) {
            lines.add("No configuration meets the target " + target.describe() + ".");
        } else {
            SweepRow r = rows.get(cheapest);
            lines.add("Cheapest meeting " + target.describe() + ": " + r.configuration().id() + " "
                    + r.configuration().describe() + ", totalCost " + readable(r.point().totalCost()) + ", "
                    + usersWithLoss(r.point()));
        }
        int bounds = 0;
        for (SweepRow r : rows) {
            if (r.point().decision(USERS_WITH_LOSS).boundOnly()) {
                bounds++;
            }
        }
        if (bounds > 0) {
            lines.add(bounds + " of " + rows.size() + " configurations lost no whole array in their replications: "
                    + "their expected losses (marked >=) count sector losses only, a lower bound; P(array loss) is "
                    + "then an upper bound.");
        }
        return lines;
    }

    private static String usersWithLoss(SweepPoint p) {
        Estimate users = p.decision(USERS_WITH_LOSS);
        Estimate array = p.probability(org.mailsim.run.Severity.ARRAY_LOSS);
        return "expected users losing mail " + (users.boundOnly() ? ">= " : "") + readable(users.estimate())
                + ", P(array loss) " + (array.boundOnly() ? "<= " : "") + readable(array.estimate());
    }

    private void frontLines(List<String> lines, boolean[] front, java.util.function.Function<SweepRow, String> risk) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (front[i]) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(rows.get(a).point().totalCost(), rows.get(b).point().totalCost()));
        for (int i : order) {
            SweepRow r = rows.get(i);
            lines.add("  " + r.configuration().id() + " " + r.configuration().describe() + ": totalCost "
                    + readable(r.point().totalCost()) + ", " + risk.apply(r));
        }
    }

    /** For people (the summary); the CSV rounds with {@link #csvNumber}. */
    static String readable(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
