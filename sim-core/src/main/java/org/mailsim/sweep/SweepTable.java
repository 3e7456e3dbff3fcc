package org.mailsim.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mailsim.files.AtomicFiles;
import org.mailsim.files.Csv;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

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

    /**
     * The table as CSV (RFC 4180, LF line ends). Columns: configuration id, the swept keys, replications, then
     * for totalCost and every other metric {@code NAME.mean}, {@code NAME.ci95Low}, {@code NAME.ci95High};
     * {@code probabilityOfDataLoss.*} and {@code mttdlHours.*} (estimate, interval, upperBoundOnly/lowerBoundOnly);
     * then {@code arrays}, {@code usableTerabytes}, for {@code probabilityOfSectorLoss}, {@code probabilityOfOutage}
     * and every {@link DecisionMetric} {@code NAME.estimate}, {@code NAME.ci95Low}, {@code NAME.ci95High},
     * {@code NAME.boundOnly}; then {@code paretoCostUsersWithLoss}, {@code paretoCostUserHours},
     * {@code paretoCostLoss}, {@code meetsTarget} (empty without a target) and {@code cheapestMeetingTarget}. Numbers
     * use {@link #number(double)}.
     */
    public String toCsv() {
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add("configuration");
        header.addAll(keys);
        header.add("replications");
        for (Metric metric : metricOrder()) {
            header.add(metric.key() + ".mean");
            header.add(metric.key() + ".ci95Low");
            header.add(metric.key() + ".ci95High");
        }
        for (String e : List.of("probabilityOfDataLoss", "mttdlHours")) {
            header.add(e + ".estimate");
            header.add(e + ".ci95Low");
            header.add(e + ".ci95High");
        }
        header.add("probabilityOfDataLoss.upperBoundOnly");
        header.add("mttdlHours.lowerBoundOnly");
        header.add("arrays");
        header.add("usableTerabytes");
        for (String name : estimateColumns()) {
            header.add(name + ".estimate");
            header.add(name + ".ci95Low");
            header.add(name + ".ci95High");
            header.add(name + ".boundOnly");
        }
        header.add("paretoCostUsersWithLoss");
        header.add("paretoCostUserHours");
        header.add("paretoCostLoss");
        header.add("meetsTarget");
        header.add("cheapestMeetingTarget");
        out.add(header);
        for (int i = 0; i < rows.size(); i++) {
            SweepRow row = rows.get(i);
            SweepPoint p = row.point();
            List<String> cells = new ArrayList<>();
            cells.add(row.configuration().id());
            for (String key : keys) {
                cells.add(row.configuration().overrides().getOrDefault(key, ""));
            }
            cells.add(Long.toString(p.replications()));
            for (Metric metric : metricOrder()) {
                MetricSummary s = p.metric(metric);
                cells.add(number(s.mean()));
                cells.add(number(s.ci95Low()));
                cells.add(number(s.ci95High()));
            }
            for (Estimate e : List.of(p.probabilityOfDataLoss(), p.mttdlHours())) {
                cells.add(number(e.estimate()));
                cells.add(number(e.ci95Low()));
                cells.add(number(e.ci95High()));
            }
            cells.add(Boolean.toString(p.probabilityOfDataLoss().boundOnly()));
            cells.add(Boolean.toString(p.mttdlHours().boundOnly()));
            cells.add(Long.toString(p.extent().arrays()));
            cells.add(number(p.extent().usableTerabytes()));
            for (String name : estimateColumns()) {
                Estimate e = Target.estimateOf(name, p);
                cells.add(number(e.estimate()));
                cells.add(number(e.ci95Low()));
                cells.add(number(e.ci95High()));
                cells.add(Boolean.toString(e.boundOnly()));
            }
            cells.add(Boolean.toString(frontUsersWithLoss[i]));
            cells.add(Boolean.toString(frontUserHours[i]));
            cells.add(Boolean.toString(frontLoss[i]));
            cells.add(target.isEmpty() ? "" : Boolean.toString(meets[i]));
            cells.add(Boolean.toString(i == cheapest));
            out.add(cells);
        }
        return Csv.write(out);
    }

    /** Writes {@link #toCsv()} to {@code file} through a temporary file and a rename (never half a table). */
    public void writeCsv(Path file) {
        try {
            // The sweep's folder is its own (SweepCommand refuses a folder that holds other files).
            AtomicFiles.writeString(file, existing -> null, toCsv());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<String> estimateColumns() {
        List<String> names = new ArrayList<>(List.of("probabilityOfSectorLoss", "probabilityOfOutage"));
        for (DecisionMetric m : DecisionMetric.values()) {
            names.add(m.key());
        }
        return names;
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
     * Locale-independent and round-trippable: {@link Double#toString(double)} ("12.5", "1.0E-5", "NaN",
     * "Infinity"), which {@link Double#parseDouble(String)}, pandas and R read back to the same value.
     */
    public static String number(double value) {
        return Double.toString(value);
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

    /** For people (the summary); the CSV keeps every digit with {@link #number}. */
    static String readable(double value) {
        return Math.abs(value) >= 1000 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
