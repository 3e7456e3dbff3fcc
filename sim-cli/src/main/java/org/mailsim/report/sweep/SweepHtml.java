package org.mailsim.report.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsim.report.Figures;
import org.mailsim.report.Words;
import org.mailsim.report.html.Html;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;
import org.mailsim.sweep.SweepPoint;
import org.mailsim.sweep.SweepRow;
import org.mailsim.sweep.SweepTable;
import org.mailsim.sweep.Target;

/**
 * The sweep's index.html (template {@code sweep.mustache}): the decision first (the recommended configuration in
 * words, its cost, risk and outage figures with their intervals, and why it wins), then the two cost-versus-risk
 * charts, every configuration in a table sortable in the browser, and the grid as run.
 */
public final class SweepHtml {

    /** What was run: for the page's heading and its reproduce line. */
    public record Run(String name, long seed, long replications, double horizonHours, String currency,
                      String command) {
    }

    private SweepHtml() {
    }

    public static String render(SweepTable table, Run run) {
        Map<String, Object> page = new LinkedHashMap<>();
        String horizon = Figures.duration(run.horizonHours());
        page.put("title", "mailsim sweep: " + run.name());
        page.put("name", run.name());
        page.put("meta", String.format(java.util.Locale.ROOT,
                "%d configurations · %s replications each · seed %d · horizon %s · costs in %s over the horizon",
                table.rows().size(), Figures.number(run.replications()), run.seed(), horizon, run.currency()));
        page.put("decision", decision(table, run, horizon));
        page.put("charts", List.of(
                new Chart(SweepCharts.LOSS_FILE, "Cost against P(data loss within " + horizon + ")",
                        "Every configuration with the 95% intervals of both; orange: the Pareto front (nothing"
                                + " is both cheaper and safer), labelled in words; the others by their number in"
                                + " the table; green ring: the recommendation; dashed red: the target."),
                new Chart(SweepCharts.USER_HOURS_FILE, "Cost against expected user-hours without mailbox access",
                        "Expected user-hours without mailbox access over " + horizon + " (all causes: storage"
                                + " incidents and the database and webmail tiers' failovers), with 95% intervals;"
                                + " same marks as above.")));
        page.put("costHeading", "total cost (" + run.currency() + ", " + horizon + ")");
        page.put("lossHeading", "P(data loss in " + horizon + ")");
        page.put("rows", rows(table));
        page.put("grid", grid(table));
        page.put("target", table.target().isEmpty() ? "none given" : table.target().describe());
        page.put("command", run.command());
        page.put("sortable", true);
        return Html.render("sweep", page);
    }

    /** A chart of the page. */
    public record Chart(String file, String title, String caption) {
        public int width() {
            return SweepCharts.WIDTH;
        }

        public int height() {
            return SweepCharts.HEIGHT;
        }
    }

    /** The decision box: a recommendation, or why there is none and what comes closest. */
    public record Decision(boolean recommended, String heading, String why, List<Fact> facts, List<String> front) {
        public boolean hasFacts() {
            return !facts.isEmpty();
        }

        public boolean hasFront() {
            return !front.isEmpty();
        }
    }

    /** One line of the decision: a quantity, its value, its 95% interval. */
    public record Fact(String quantity, String value, String interval) {
    }

    /** One configuration in the table; numbers sort by the data-v values. */
    public record Row(int number, String words, String id, boolean best, boolean front, boolean meets,
                      String cost, double costV, String costCi, String loss, double lossV, String lossCi,
                      String userHours, double userHoursV, String userHoursCi, String mailsLost, double mailsLostV,
                      String lossFront, String hoursFront, String meetsTarget) {
    }

    /** A swept key and its values, as run. */
    public record GridKey(String key, String values) {
    }

    private static Decision decision(SweepTable table, Run run, String horizon) {
        List<SweepRow> rows = table.rows();
        int best = table.cheapestMeetingTarget();
        List<String> front = new ArrayList<>();
        for (int i : byCost(table, true)) {
            SweepRow r = rows.get(i);
            front.add(words(r) + ": " + Figures.money(r.point().totalCost(), run.currency()) + ", P(data loss) "
                    + lossValue(r.point().probabilityOfDataLoss()));
        }
        if (best >= 0) {
            SweepRow r = rows.get(best);
            int meeting = 0;
            int next = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (table.meetsTarget(i)) {
                    meeting++;
                    if (i != best && (next < 0 || rows.get(i).point().totalCost() < rows.get(next).point().totalCost())) {
                        next = i;
                    }
                }
            }
            String why = "The cheapest of the " + meeting + " of " + rows.size() + " configurations that meet the target "
                    + inWords(table.target()) + "."
                    + (next >= 0 ? " The next cheapest that meets it, " + words(rows.get(next)) + ", costs "
                    + Figures.money(rows.get(next).point().totalCost() - r.point().totalCost(), run.currency())
                    + " more over " + horizon + "." : " No other configuration meets it.");
            return new Decision(true, "Recommended: " + words(r), why, facts(r.point(), run, horizon), front);
        }
        if (table.target().isEmpty()) {
            return new Decision(false, "No target given: the Pareto front is the choice",
                    "Give a target (--target 'probabilityOfDataLoss <= 0.01', or sweepTarget: in the scenario) to get"
                            + " a recommendation. Worth considering, cheapest first: the configurations that no other"
                            + " beats on both cost and P(data loss).", List.of(), front);
        }
        Target.Condition first = table.target().conditions().get(0);
        int closest = -1;
        for (int i = 0; i < rows.size(); i++) {
            double v = first.value(rows.get(i).point());
            if (Double.isFinite(v) && (closest < 0 || v < first.value(rows.get(closest).point())
                    || v == first.value(rows.get(closest).point())
                    && rows.get(i).point().totalCost() < rows.get(closest).point().totalCost())) {
                closest = i;
            }
        }
        String why = "None of the " + rows.size() + " configurations meets " + table.target().describe() + "."
                + (closest >= 0 ? " Closest on " + first.quantity() + ": " + words(rows.get(closest)) + " (below)."
                + " Widen the grid (more parity, more replications to narrow the intervals) or relax the target."
                : "");
        return new Decision(false, "No configuration meets the target", why,
                closest >= 0 ? facts(rows.get(closest).point(), run, horizon) : List.of(), front);
    }

    private static List<Fact> facts(SweepPoint p, Run run, String horizon) {
        List<Fact> facts = new ArrayList<>();
        MetricSummary cost = p.metric(Metric.TOTAL_COST);
        facts.add(new Fact("expected total cost over " + horizon, Figures.money(cost.mean(), run.currency()),
                Figures.money(cost.ci95Low(), run.currency()) + " to " + Figures.money(cost.ci95High(), run.currency())));
        Estimate loss = p.probabilityOfDataLoss();
        facts.add(new Fact("P(data loss within " + horizon + ")", lossValue(loss), lossCi(loss)));
        MetricSummary uh = p.metric(Metric.USER_HOURS_UNAVAILABLE);
        facts.add(new Fact("expected user-hours without mailbox access", Figures.number(uh.mean()),
                Figures.number(uh.ci95Low()) + " to " + Figures.number(uh.ci95High())));
        MetricSummary lost = p.metric(Metric.MAILS_LOST);
        facts.add(new Fact("expected mails lost", Figures.number(lost.mean()),
                Figures.number(lost.ci95Low()) + " to " + Figures.number(lost.ci95High())));
        MetricSummary restore = p.metric(Metric.HOURS_TO_RESTORE_SERVICE);
        facts.add(new Fact("hours to restore send/receive (mean per storage outage)",
                restore.count() == 0 ? Words.NO_OUTAGE : Figures.number(restore.mean()) + " h",
                restore.count() == 0 ? "" : Figures.number(restore.ci95Low()) + " to " + Figures.number(restore.ci95High())
                        + " h"));
        return facts;
    }

    private static List<Row> rows(SweepTable table) {
        List<Row> out = new ArrayList<>();
        List<SweepRow> rows = table.rows();
        for (int i = 0; i < rows.size(); i++) {
            SweepPoint p = rows.get(i).point();
            MetricSummary cost = p.metric(Metric.TOTAL_COST);
            MetricSummary uh = p.metric(Metric.USER_HOURS_UNAVAILABLE);
            MetricSummary lost = p.metric(Metric.MAILS_LOST);
            Estimate loss = p.probabilityOfDataLoss();
            boolean front = table.onLossFront(i) || table.onUserHoursFront(i);
            out.add(new Row(i, words(rows.get(i)), rows.get(i).configuration().id(), i == table.cheapestMeetingTarget(),
                    front, table.meetsTarget(i),
                    Figures.number(Math.round(cost.mean())), cost.mean(),
                    Figures.number(Math.round(cost.ci95Low())) + " to " + Figures.number(Math.round(cost.ci95High())),
                    lossValue(loss), SweepTable.observedLoss(p), lossCi(loss),
                    Figures.number(uh.mean()), uh.mean(), Figures.number(uh.ci95Low()) + " to "
                    + Figures.number(uh.ci95High()), Figures.number(lost.mean()), lost.mean(),
                    table.onLossFront(i) ? "yes" : "", table.onUserHoursFront(i) ? "yes" : "",
                    table.target().isEmpty() ? "" : table.meetsTarget(i) ? "yes" : "no"));
        }
        return out;
    }

    private static List<GridKey> grid(SweepTable table) {
        List<GridKey> out = new ArrayList<>();
        for (String key : table.keys()) {
            Set<String> values = new LinkedHashSet<>();
            for (SweepRow r : table.rows()) {
                values.add(r.configuration().overrides().get(key));
            }
            out.add(new GridKey(key, String.join(", ", values)));
        }
        return out;
    }

    /** Row indices on a front, cheapest first. */
    static List<Integer> byCost(SweepTable table, boolean lossFront) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            if (lossFront ? table.onLossFront(i) : table.onUserHoursFront(i)) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Double.compare(table.rows().get(a).point().totalCost(),
                table.rows().get(b).point().totalCost()));
        return order;
    }

    static String words(SweepRow r) {
        return Words.configuration(r.configuration().overrides());
    }

    /** An observed probability, or "< bound" when no replication lost data (never a bare zero). */
    static String lossValue(Estimate loss) {
        return loss.boundOnly() ? "< " + Figures.percent(loss.ci95High()) : Figures.percent(loss.estimate());
    }

    static String lossCi(Estimate loss) {
        return loss.boundOnly() ? "no loss seen; 95% upper bound"
                : Figures.percent(loss.ci95Low()) + " to " + Figures.percent(loss.ci95High());
    }

    /** A target as a planner reads it: "expected mails lost per year ≤ 120,000", the key in parentheses. */
    static String inWords(Target target) {
        List<String> parts = new ArrayList<>();
        for (Target.Condition c : target.conditions()) {
            DecisionMetric decision = DecisionMetric.byKey(c.quantity());
            Metric metric = Metric.byKey(c.quantity());
            String name = decision != null ? decision.label() : metric != null ? Words.metric(metric)
                    : c.quantity().equals("probabilityOfDataLoss") ? "P(data loss)"
                    : c.quantity().equals("mttdlHours") ? "MTTDL (hours)" : c.quantity();
            boolean defaultStatistic = c.statistic().equals("mean") || c.statistic().equals("estimate");
            String comparison = switch (c.comparison()) {
                case "<=" -> "\u2264";
                case ">=" -> "\u2265";
                default -> c.comparison();
            };
            parts.add(name + (defaultStatistic ? "" : " (" + c.statistic() + ")") + " " + comparison + " "
                    + Figures.number(c.bound()) + " (" + c.describe() + ")");
        }
        return String.join(" and ", parts);
    }
}
