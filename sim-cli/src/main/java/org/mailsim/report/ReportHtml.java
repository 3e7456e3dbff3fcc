package org.mailsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * index.html: one self-contained page (inline style, no scripts, no fonts or files from the network) that reads
 * offline. It refers only to the charts it is given and to the CSV and JSON files written beside it.
 */
public final class ReportHtml {
    /** Incidents listed in the page's table; incidents.csv holds every kept one. */
    public static final int MAX_INCIDENT_ROWS = 50;

    public static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;
            padding:0 1rem;color:#222;line-height:1.45}
            h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
            .meta{color:#555}table{border-collapse:collapse;margin:.5rem 0}
            th,td{padding:.25rem .6rem;border-bottom:1px solid #eee;text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}th{background:#f5f5f5}
            pre{background:#f7f7f7;border:1px solid #ddd;padding:.6rem;overflow-x:auto;white-space:pre-wrap}
            figure{margin:1.2rem 0}img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.9rem}.bound{color:#8a4b00}
            """;

    private ReportHtml() {
    }

    public static String render(RunReport report, List<ReportCharts.ChartImage> charts, List<String> dataFiles) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>mailsim report: ").append(esc(report.scenario())).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(report.scenario())).append("</h1>\n");
        h.append("<p class=\"meta\">").append(esc(String.format(Locale.ROOT,
                "mailsim %s · seed %d · %s replications · horizon %s · %d thread%s · %.1f s wall-clock",
                report.version(), report.seed(), Figures.number(report.replications()),
                Figures.duration(report.horizonHours()), report.threads(), report.threads() == 1 ? "" : "s",
                report.wallClockSeconds()))).append("</p>\n");

        risk(h, report);
        if (report.durability() != null) {
            durability(h, report.durability());
        }
        metrics(h, report);
        if (!report.lossByCause().isEmpty()) {
            h.append("<h2>Data-loss events by cause</h2>\n<table>\n<tr><th>cause</th><th>events</th></tr>\n");
            report.lossByCause().forEach((cause, n) -> h.append("<tr><td>").append(esc(cause)).append("</td><td>")
                    .append(Figures.number(n)).append("</td></tr>\n"));
            h.append("</table>\n");
        }
        if (!report.reportedTimeline().isEmpty()) {
            timeline(h, report);
        }
        if (!report.cost().isEmpty()) {
            h.append("<h2>Cost</h2>\n<table>\n<tr><th>category</th><th>amount</th></tr>\n");
            for (Map.Entry<String, Double> e : report.cost().entrySet()) {
                h.append("<tr><td>").append(esc(e.getKey())).append("</td><td>")
                        .append(esc(Figures.number(e.getValue()))).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!charts.isEmpty()) {
            h.append("<h2>Charts</h2>\n");
            for (ReportCharts.ChartImage chart : charts) {
                h.append("<figure>\n<img src=\"").append(esc(chart.file())).append("\" width=\"")
                        .append(chart.width()).append("\" height=\"").append(chart.height()).append("\" alt=\"")
                        .append(esc(chart.title())).append("\">\n<figcaption><strong>").append(esc(chart.title()))
                        .append(".</strong> ").append(esc(chart.caption())).append("</figcaption>\n</figure>\n");
            }
        }
        incidents(h, report);

        h.append("<h2>Reproduce</h2>\n<p>The same scenario, seed and replications give the same figures, "
                + "whatever the thread count:</p>\n<pre>").append(esc(report.command().isEmpty()
                        ? "(command not recorded)" : report.command())).append("</pre>\n");
        if (!dataFiles.isEmpty()) {
            h.append("<p>Data:");
            for (String file : dataFiles) {
                h.append(" <a href=\"").append(esc(file)).append("\">").append(esc(file)).append("</a>");
            }
            h.append("</p>\n");
        }
        h.append("<h2>Scenario as run</h2>\n<pre>").append(esc(report.scenarioYaml().isEmpty()
                ? "(scenario text not recorded)" : report.scenarioYaml())).append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /**
     * The rare-event estimate: nines, P(loss) split into whole-array and sector loss for the fleet and one unit,
     * how it was estimated and what to watch (the chart durability.png draws the same figures on a log scale).
     */
    private static void durability(StringBuilder h, DurabilityEstimate d) {
        h.append("<h2>Durability</h2>\n<p>").append(esc(String.format(Locale.ROOT,
                "%.2f nines of durability a year for the fleet of %s %s%s (%.2f per %s).", d.nines(d.fleet().estimate()),
                Figures.number(d.unit().units()), d.unit().name(), d.unit().units() == 1 ? "" : "s",
                d.nines(d.perUnit().estimate()),
                d.unit().name()))).append("</p>\n");
        h.append("<table>\n<tr><th>P(data loss within the horizon)</th><th>fleet</th><th>95% CI</th><th>one ")
                .append(esc(d.unit().name())).append("</th><th>95% CI</th></tr>\n");
        durabilityRow(h, "any loss", d.fleet(), d.perUnit());
        durabilityRow(h, "whole-array loss", d.fleetWholeArrayLoss(), d.wholeArrayLoss());
        durabilityRow(h, "sector loss (UREs, latent errors)", d.fleetSectorLoss(), d.sectorLoss());
        h.append("</table>\n<p class=\"meta\">").append(esc(String.format(Locale.ROOT,
                "Estimated by %s: %s samples, %s ending in a loss, relative error ±%.1f%% (asked: %.1f%%), effective "
                        + "sample size %s, stopped by %s after %.1f s%s.", d.method(), Figures.number(d.samples()),
                Figures.number(d.lossSamples()), 100 * d.relativeError(), 100 * d.precision(),
                Figures.number(Math.round(d.effectiveSamples())), d.stoppedBy().key(), d.wallSeconds(),
                d.reproducible() ? "" : " (not reproducible)"))).append("</p>\n");
        for (String warning : d.warnings()) {
            h.append("<p class=\"bound\">").append(esc(warning)).append("</p>\n");
        }
    }

    private static void durabilityRow(StringBuilder h, String label, Estimate fleet, Estimate unit) {
        h.append("<tr><td>").append(esc(label)).append("</td><td>").append(Figures.number(fleet.estimate()))
                .append("</td><td>").append(interval(fleet.ci95Low(), fleet.ci95High())).append("</td><td>")
                .append(Figures.number(unit.estimate())).append("</td><td>")
                .append(interval(unit.ci95Low(), unit.ci95High())).append("</td></tr>\n");
    }

    private static void risk(StringBuilder h, RunReport report) {
        Estimate p = report.probabilityOfDataLoss();
        Estimate m = report.mttdlHours();
        h.append("<h2>Risk</h2>\n<table>\n<tr><th></th><th>estimate</th><th>95% confidence interval</th></tr>\n");
        if (report.durability() != null) {
            h.append("<tr><td>P(data loss within the horizon)</td><td>").append(Figures.number(p.estimate()))
                    .append("</td><td>").append(interval(p.ci95Low(), p.ci95High()))
                    .append(" (rare-event estimate, see Durability)</td></tr>\n");
        } else if (p.boundOnly()) {
            h.append("<tr><td>P(data loss within the horizon)</td><td class=\"bound\">&lt; ")
                    .append(Figures.number(p.ci95High())).append("</td><td class=\"bound\">no loss observed in ")
                    .append(Figures.number(report.replications()))
                    .append(" replications; upper bound</td></tr>\n");
        } else {
            h.append("<tr><td>P(data loss within the horizon)</td><td>").append(Figures.number(p.estimate()))
                    .append("</td><td>").append(interval(p.ci95Low(), p.ci95High())).append(" (")
                    .append(Figures.number(report.replicationsWithLoss())).append(" of ")
                    .append(Figures.number(report.replications())).append(" replications)</td></tr>\n");
        }
        if (m.boundOnly()) {
            h.append("<tr><td>MTTDL (mean time to data loss)</td><td class=\"bound\">&gt; ")
                    .append(esc(Figures.duration(m.estimate())))
                    .append("</td><td class=\"bound\">no loss observed; lower bound</td></tr>\n");
        } else {
            h.append("<tr><td>MTTDL (mean time to data loss)</td><td>").append(esc(Figures.duration(m.estimate())))
                    .append("</td><td>[").append(esc(Figures.duration(m.ci95Low()))).append(", ")
                    .append(esc(Figures.duration(m.ci95High()))).append("]</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void metrics(StringBuilder h, RunReport report) {
        h.append("<h2>Metrics per replication</h2>\n<p>Mean with its 95% confidence interval, quantiles and maximum "
                + "over replications (hours to restore and to recover: over incidents).</p>\n<table>\n"
                + "<tr><th>metric</th><th>mean</th><th>95% CI</th><th>p50</th><th>p95</th><th>p99</th>"
                + "<th>max</th></tr>\n");
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            h.append("<tr><td>").append(esc(metric.label())).append("</td>");
            if (s.count() == 0) {
                h.append("<td colspan=\"6\">no incidents</td></tr>\n");
                continue;
            }
            h.append("<td>").append(Figures.number(s.mean())).append("</td><td>")
                    .append(interval(s.ci95Low(), s.ci95High())).append("</td>");
            for (double v : new double[] {s.p50(), s.p95(), s.p99(), s.max()}) {
                h.append("<td>").append(Figures.number(v)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void timeline(StringBuilder h, RunReport report) {
        h.append("<h2>Reported and simulated timeline</h2>\n<p>Hours from the first failure.</p>\n<table>\n"
                + "<tr><th>milestone</th><th>reported</th><th>simulated (mean)</th><th>simulated − reported</th></tr>\n");
        for (Milestone m : report.reportedTimeline()) {
            OptionalDouble sim = report.simulatedHours(m);
            h.append("<tr><td>").append(esc(m.name())).append("</td><td>")
                    .append(esc(Figures.duration(m.reportedHours()))).append("</td><td>")
                    .append(sim.isPresent() ? esc(Figures.duration(sim.getAsDouble())) : "not simulated")
                    .append("</td><td>")
                    .append(sim.isPresent() ? esc(Figures.number(sim.getAsDouble() - m.reportedHours()) + " h") : "")
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void incidents(StringBuilder h, RunReport report) {
        h.append("<h2>Incidents</h2>\n");
        if (report.incidentCount() == 0) {
            h.append("<p>No incident in any replication.</p>\n");
            return;
        }
        int shown = Math.min(MAX_INCIDENT_ROWS, report.incidents().size());
        h.append("<p>").append(Figures.number(report.incidentCount())).append(" incidents; ");
        h.append(shown == report.incidentCount() ? "all are listed." : "the first " + shown
                + " are listed (incidents.csv holds the " + report.incidents().size() + " kept).");
        h.append("</p>\n<table>\n<tr><th>replication</th><th>group</th><th>cause</th><th>start</th>"
                + "<th>users affected</th><th>mails lost</th><th>deferred</th><th>bounced</th>"
                + "<th>to restore service</th><th>to full recovery</th></tr>\n");
        for (Incident i : report.incidents().subList(0, shown)) {
            h.append("<tr><td>").append(i.replication()).append("</td><td>").append(esc(String.valueOf(i.storageGroup())))
                    .append("</td><td>").append(esc(String.valueOf(i.cause()))).append("</td><td>")
                    .append(esc(Figures.duration(i.startHours()))).append("</td><td>")
                    .append(Figures.number(i.usersAffected())).append("</td><td>")
                    .append(Figures.number(i.mailsLost())).append("</td><td>")
                    .append(Figures.number(i.mailsDeferred())).append("</td><td>")
                    .append(Figures.number(i.mailsBounced())).append("</td><td>")
                    .append(esc(Figures.duration(i.hoursToRestoreService()))).append("</td><td>")
                    .append(esc(Figures.duration(i.hoursToFullRecovery()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String interval(double low, double high) {
        return "[" + esc(Figures.number(low)) + ", " + esc(Figures.number(high)) + "]";
    }

    /** Escapes text for HTML element content and double-quoted attributes. */
    public static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
