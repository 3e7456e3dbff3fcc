package org.mailsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.mailsim.report.html.Html;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * index.html of a run (template {@code run.mustache}): one self-contained page (inline style, no scripts, no fonts or
 * files from the network) that reads offline. It refers only to the charts it is given and to the CSV and JSON files
 * written beside it. One unit per column; costs in words with their currency; bytes in B/kB/MB/GB/TB.
 */
public final class ReportHtml {
    /** Incidents listed in the page's table; incidents.csv holds every kept one. */
    public static final int MAX_INCIDENT_ROWS = 50;


    private ReportHtml() {
    }

    public static String render(RunReport report, List<ReportCharts.ChartImage> charts, List<String> dataFiles) {
        Map<String, Object> page = new LinkedHashMap<>();
        String horizon = Figures.duration(report.horizonHours());
        page.put("title", "mailsim report: " + report.title());
        page.put("scenario", report.scenario());
        page.put("whatIf", report.overrides().isEmpty() ? null : String.join(", ", report.overrides()));
        page.put("meta", String.format(Locale.ROOT,
                "mailsim %s · seed %d · %s replications · horizon %s · %d thread%s · %.1f s wall-clock",
                report.version(), report.seed(), Figures.number(report.replications()), horizon, report.threads(),
                report.threads() == 1 ? "" : "s", report.wallClockSeconds()));
        page.put("replay", !report.reportedTimeline().isEmpty());
        page.put("risk", risk(report, horizon));
        page.put("mttdlWarning", report.mttdlHours().boundOnly() ? null : report.mttdlMethod().warning());
        page.put("durability", report.durability() == null ? null : durability(report.durability()));
        page.put("metrics", metrics(report));
        double userHours = report.summary(Metric.USER_HOURS_UNAVAILABLE).mean();
        page.put("tierNote", report.incidentCount() == 0 && userHours > 0
                ? "No storage incident in any replication: the " + Figures.number(userHours) + " expected"
                + " user-hours without mailbox access come from the webmail and database tiers' failovers (while a"
                + " tier fails over, its users are cut off), which the storage design does not change." : null);
        List<Item> causes = new ArrayList<>();
        report.lossByCause().forEach((cause, n) -> causes.add(new Item(cause, Figures.number(n))));
        page.put("hasCauses", !causes.isEmpty());
        page.put("causes", causes);
        timeline(page, report);
        List<Item> cost = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, Double> e : report.cost().entrySet()) {
            cost.add(new Item(Words.costCategory(e.getKey()), Figures.number(Math.round(e.getValue()))));
            total += e.getValue();
        }
        page.put("hasCost", !cost.isEmpty());
        page.put("cost", cost);
        page.put("costTotal", Figures.number(Math.round(total)));
        page.put("currency", report.currency().isEmpty() ? "the scenario's currency" : report.currency());
        page.put("horizon", horizon);
        page.put("hasCharts", !charts.isEmpty());
        page.put("charts", charts);
        incidents(page, report);
        page.put("command", report.command().isEmpty() ? "(command not recorded)" : report.command());
        page.put("hasData", !dataFiles.isEmpty());
        page.put("data", dataFiles);
        page.put("scenarioYaml", report.scenarioYaml().isEmpty() ? "(scenario text not recorded)"
                : report.scenarioYaml());
        return Html.render("run", page);
    }

    /** The rare-event estimate: nines, P(loss) split by class for the fleet and one unit, how it was estimated. */
    public record Durability(String summary, String unit, List<DurabilityRow> rows, String method,
                             List<String> warnings) {
    }

    /** One class of loss: fleet and per-unit probability with their intervals. */
    public record DurabilityRow(String name, String fleet, String fleetCi, String unit, String unitCi) {
    }

    private static Durability durability(DurabilityEstimate d) {
        List<DurabilityRow> rows = new ArrayList<>();
        rows.add(durabilityRow("any loss", d.fleet(), d.perUnit()));
        rows.add(durabilityRow("whole-array loss", d.fleetWholeArrayLoss(), d.wholeArrayLoss()));
        rows.add(durabilityRow("sector loss (UREs, latent errors)", d.fleetSectorLoss(), d.sectorLoss()));
        return new Durability(String.format(Locale.ROOT,
                "%.2f nines of durability a year for the fleet of %s %s%s (%.2f per %s).", d.nines(d.fleet().estimate()),
                Figures.number(d.unit().units()), d.unit().name(), d.unit().units() == 1 ? "" : "s",
                d.nines(d.perUnit().estimate()), d.unit().name()), d.unit().name(), rows,
                String.format(Locale.ROOT, "Estimated by %s: %s samples, %s ending in a loss, relative error ±%.1f%%"
                        + " (asked: %.1f%%), effective sample size %s, stopped by %s after %.1f s%s.", d.method(),
                        Figures.number(d.samples()), Figures.number(d.lossSamples()), 100 * d.relativeError(),
                        100 * d.precision(), Figures.number(Math.round(d.effectiveSamples())), d.stoppedBy().key(),
                        d.wallSeconds(), d.reproducible() ? "" : " (not reproducible)"), d.warnings());
    }

    private static DurabilityRow durabilityRow(String name, Estimate fleet, Estimate unit) {
        return new DurabilityRow(name, Figures.number(fleet.estimate()), Figures.number(fleet.ci95Low()) + " to "
                + Figures.number(fleet.ci95High()), Figures.number(unit.estimate()), Figures.number(unit.ci95Low())
                + " to " + Figures.number(unit.ci95High()));
    }

    /** A name and its value, for the page's small tables. */
    public record Item(String name, String value) {
    }

    /** A row of the risk table; {@code bound} when nothing was observed and the value is a one-sided bound. */
    public record Risk(String name, String value, String interval, boolean bound) {
    }

    /** A row of the metrics table; {@code noValue} says why there is no value (null when there is one). */
    public record MetricRow(String name, String noValue, String mean, String ci, String p50, String p95, String p99,
                            String max) {
    }

    /** A reported milestone beside its simulated value. */
    public record TimelineRow(String name, String reported, String simulated, String difference) {
    }

    /** An incident, with its durations in the table's units. */
    public record IncidentRow(int replication, String group, String cause, String start, String users, String lost,
                              String deferred, String bounced, String restore, String full) {
    }

    private static List<Risk> risk(RunReport report, String horizon) {
        Estimate m = report.mttdlHours();
        List<Risk> rows = new ArrayList<>();
        boolean rare = report.durability() != null;
        rows.add(probability("P(data loss within " + horizon + ")", report.probabilityOfDataLoss(), report, rare,
                report.replicationsWithLoss()));
        // The severity classes, worst first, each on its own (one replication may see several): a planner weighs
        // a lost array, some unreadable mails and hours without mail differently. The rare-event estimator, when
        // used, covers the two loss classes.
        rows.add(probability("P(a whole array lost within " + horizon + ")", report.probability(Severity.ARRAY_LOSS), report,
                rare, -1));
        rows.add(probability("P(unreadable sectors lost mail within " + horizon + ")",
                report.probability(Severity.SECTOR_LOSS), report, rare, -1));
        rows.add(probability("P(a storage outage that lost nothing, within " + horizon + ")", report.probability(Severity.OUTAGE), report,
                false, -1));
        String mttdl = report.mttdlMethod().exponentialApproximation()
                ? "MTTDL (mean time to data loss; exponential approximation: exposure / losses)"
                : "MTTDL (mean time to data loss; sample mean of the times to first loss)";
        Figures.TimeUnit unit = Figures.unitFor(m.estimate(), m.ci95Low(), m.ci95High());
        if (m.boundOnly()) {
            rows.add(new Risk(mttdl, "> " + unit.format(m.estimate()), "no loss observed; lower bound", true));
        } else {
            rows.add(new Risk(mttdl, unit.format(m.estimate()),
                    unit.format(m.ci95Low()) + " to " + unit.format(m.ci95High()), false));
        }
        return rows;
    }

    /**
     * A probability row: the estimate with its interval, or an upper bound when nothing was observed;
     * {@code withLoss} (when known) says in how many replications.
     */
    private static Risk probability(String name, Estimate p, RunReport report, boolean rare, long withLoss) {
        if (rare) {
            return new Risk(name, Figures.number(p.estimate()), Figures.number(p.ci95Low()) + " to "
                    + Figures.number(p.ci95High()) + " (rare-event estimate, see Durability)", false);
        }
        if (p.boundOnly()) {
            return new Risk(name, "< " + Figures.percent(p.ci95High()), "not observed in "
                    + Figures.number(report.replications()) + " replications; upper bound", true);
        }
        return new Risk(name, Figures.percent(p.estimate()), Figures.percent(p.ci95Low()) + " to "
                + Figures.percent(p.ci95High()) + (withLoss < 0 ? "" : " (" + Figures.number(withLoss) + " of "
                + Figures.number(report.replications()) + " replications)"), false);
    }

    private static List<MetricRow> metrics(RunReport report) {
        List<MetricRow> rows = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            String name = Words.metric(metric) + (metric == Metric.TOTAL_COST && !report.currency().isEmpty()
                    ? " (" + report.currency() + ")" : "");
            if (s.count() == 0) {
                rows.add(new MetricRow(name, Words.NO_OUTAGE + " in any replication", null, null, null, null,
                        null, null));
                continue;
            }
            rows.add(new MetricRow(name, null, Words.metricValue(metric, s.mean()),
                    Words.metricValue(metric, s.ci95Low()) + " to " + Words.metricValue(metric, s.ci95High()),
                    Words.metricValue(metric, s.p50()), Words.metricValue(metric, s.p95()),
                    Words.metricValue(metric, s.p99()), Words.metricValue(metric, s.max())));
        }
        return rows;
    }

    private static void timeline(Map<String, Object> page, RunReport report) {
        List<TimelineRow> rows = new ArrayList<>();
        double largest = 0;
        for (Milestone m : report.reportedTimeline()) {
            largest = Math.max(largest, m.reportedHours());
        }
        Figures.TimeUnit unit = Figures.unitFor(largest);
        for (Milestone m : report.reportedTimeline()) {
            OptionalDouble sim = report.simulatedHours(m);
            String simulated = sim.isPresent() ? unit.number(sim.getAsDouble())
                    : report.incidentCount() == 0 ? "no outage" : m.simulatedBy() == null ? "reported only" : "n/a";
            rows.add(new TimelineRow(m.name(), unit.number(m.reportedHours()), simulated,
                    sim.isPresent() ? ReplayTableSign.signed(sim.getAsDouble() - m.reportedHours()) : ""));
        }
        page.put("hasTimeline", !rows.isEmpty());
        page.put("timeline", rows);
        page.put("timelineUnit", unit.label());
    }

    private static void incidents(Map<String, Object> page, RunReport report) {
        int shown = Math.min(MAX_INCIDENT_ROWS, report.incidents().size());
        List<Incident> list = report.incidents().subList(0, shown);
        page.put("hasIncidents", shown > 0);
        if (report.incidentCount() == 0) {
            page.put("incidentSummary", "No storage incident in any replication.");
            return;
        }
        page.put("incidentSummary", Figures.number(report.incidentCount()) + " storage incidents; "
                + (shown == report.incidentCount() ? "all are listed." : "the first " + shown
                + " are listed (incidents.csv holds the " + Figures.number(report.incidents().size()) + " kept)."));
        Figures.TimeUnit start = Figures.unitFor(list.stream().mapToDouble(Incident::startHours).toArray());
        Figures.TimeUnit restore = Figures.unitFor(list.stream().mapToDouble(Incident::hoursToRestoreService)
                .toArray());
        Figures.TimeUnit full = Figures.unitFor(list.stream().mapToDouble(Incident::hoursToFullRecovery).toArray());
        List<IncidentRow> rows = new ArrayList<>();
        for (Incident i : list) {
            rows.add(new IncidentRow(i.replication(), String.valueOf(i.storageGroup()), String.valueOf(i.cause()),
                    start.number(i.startHours()), Figures.number(i.usersAffected()), Figures.number(i.mailsLost()),
                    Figures.number(i.mailsDeferred()), Figures.number(i.mailsBounced()),
                    restore.number(i.hoursToRestoreService()), full.number(i.hoursToFullRecovery())));
        }
        page.put("incidents", rows);
        page.put("startUnit", start.label());
        page.put("restoreUnit", restore.label());
        page.put("fullUnit", full.label());
    }

    /** Signed hours, for differences: "+1.7 h", "-12 h". */
    private static final class ReplayTableSign {
        static String signed(double hours) {
            return (hours > 0 ? "+" : "") + Figures.number(hours);
        }
    }
}
