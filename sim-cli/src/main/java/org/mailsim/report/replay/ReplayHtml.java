package org.mailsim.report.replay;

import static org.mailsim.report.ReportHtml.esc;

import java.util.List;
import org.mailsim.report.Figures;
import org.mailsim.report.ReportHtml;

/**
 * The replay's index.html: one self-contained page (inline style, no scripts, nothing from the network) that refers
 * only to the files written beside it: the comparison chart, one timeline chart per variant, replay.csv,
 * replay.json and each variant's own run report under variants/.
 */
public final class ReplayHtml {
    static final int CHART_WIDTH = 800;
    static final int CHART_HEIGHT = 420;

    private ReplayHtml() {
    }

    public static String render(ReplayReport replay, String comparisonChart) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>mailsim replay: ").append(esc(replay.name())).append("</title>\n<style>")
                .append(ReportHtml.STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Replay: ").append(esc(replay.name())).append("</h1>\n");
        h.append("<p class=\"meta\">mailsim ").append(esc(replay.version())).append(" · ")
                .append(replay.variants().size()).append(" variants: the outage as it happened, then what-ifs that"
                        + " change one decision each. Times count from the failure that cut users off; figures"
                        + " are means over each variant's replications.</p>\n");
        if (!replay.base().description().isEmpty()) {
            h.append("<p>").append(esc(replay.base().description())).append("</p>\n");
        }

        ReplayVariant base = replay.base();
        if (!base.comparisons().isEmpty()) {
            h.append("<h2>Simulated and reported</h2>\n<div class=\"scroll\"><table>\n<tr><th>reported milestone</th><th>reported</th>"
                    + "<th>simulated</th><th>difference</th><th>source</th></tr>\n");
            for (int i = 0; i < base.comparisons().size(); i++) {
                ReplayVariant.Comparison c = base.comparisons().get(i);
                boolean simulated = !Double.isNaN(c.simulatedHours());
                h.append("<tr><td>").append(esc(c.milestone().name())).append("</td><td>")
                        .append(esc(Figures.duration(c.milestone().reportedHours()))).append("</td><td>")
                        .append(simulated ? esc(Figures.duration(c.simulatedHours())) : "not simulated")
                        .append("</td><td>").append(simulated ? esc(ReplayTable.signed(c.differenceHours())) : "")
                        .append("</td><td>").append(esc(replay.reported().sources().get(i))).append("</td></tr>\n");
            }
            h.append("</table></div>\n");
        }

        h.append("<h2>What-ifs compared</h2>\n");
        figure(h, comparisonChart, "Send/receive back and full recovery per variant",
                "Days from the failure that cut users off until send/receive was back (new mail flowing) and until"
                        + " every recoverable old mail was back; dashed red lines: the reported times. A variant"
                        + " with no bars had no outage.");
        h.append("<div class=\"scroll\"><table>\n<tr><th>variant</th><th>send/receive back</th><th>full recovery</th><th>mails lost</th>"
                + "<th>users affected</th><th>users with loss</th><th>mails bounced</th><th>sends failed</th>"
                + "<th>cost</th>"
                + "<th>report</th></tr>\n");
        for (ReplayVariant v : replay.variants()) {
            ReplayFigures f = v.figures();
            h.append("<tr><td><a href=\"#").append(esc(v.name())).append("\">").append(esc(v.whatIf()))
                    .append("</a></td><td>").append(esc(range(f.hoursToRestoreService()))).append("</td><td>")
                    .append(esc(range(f.hoursToFullRecovery()))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.mailsLost())))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.usersAffected())))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.usersWithLoss())))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.mailsBounced())))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.mailsFailedToSend())))).append("</td><td>")
                    .append(esc(Figures.number(Math.round(f.totalCost())))).append("</td><td><a href=\"")
                    .append(esc(v.folder())).append("/index.html\">run report</a></td></tr>\n");
        }
        h.append("</table></div>\n<p class=\"meta\">Ranges in brackets: smallest and largest over the replications. Cost:"
                + " hardware depreciation and running costs over the horizon plus the incident's engineers, vendor"
                + " and compensation (see each run report's breakdown).</p>\n");

        h.append("<h2>Timelines</h2>\n");
        for (ReplayVariant v : replay.variants()) {
            h.append("<h3 id=\"").append(esc(v.name())).append("\">").append(esc(v.whatIf())).append(": ")
                    .append(esc(v.name())).append("</h3>\n");
            if (!v.description().isEmpty()) {
                h.append("<p>").append(esc(v.description())).append("</p>\n");
            }
            String caption = (v.chain().isEmpty() ? "" : "Hour 0 is the first scripted failure (" + v.chain().get(0).what()
                    + "); solid black lines: the failures of the chain. ")
                    + (v.shown() == null ? "No incident in replication 0: the array survived and no user lost access."
                    : "Then the phases of " + v.shown().storageGroup() + "'s incident in replication 0"
                    + (v.figures().incidentsPerReplication() > 1 ? String.format(java.util.Locale.ROOT,
                    " (one of %s incidents per replication; the one that closes last)",
                    Figures.number(v.figures().incidentsPerReplication())) : "")
                    + ", each kind of phase in the same colour on every chart")
                    + "; dashed red lines: the reported timeline, which counts from the failure that cut users off.";
            figure(h, v.timelineFile(), "Timeline: " + v.whatIf(), caption);
            h.append("<p class=\"meta\">Scenario file: ").append(esc(v.file())).append(" · <a href=\"")
                    .append(esc(v.folder())).append("/index.html\">full run report</a></p>\n");
        }

        h.append("<h2>Data</h2>\n<ul>\n");
        for (String file : List.of("replay.csv", "replay.json")) {
            h.append("<li><a href=\"").append(file).append("\">").append(file).append("</a></li>\n");
        }
        h.append("</ul>\n<h2>Reproduce</h2>\n<pre>").append(esc(replay.command())).append("</pre>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void figure(StringBuilder h, String file, String title, String caption) {
        h.append("<figure>\n<div class=\"chart\"><img src=\"").append(esc(file)).append("\" width=\"").append(CHART_WIDTH)
                .append("\" height=\"").append(CHART_HEIGHT).append("\" alt=\"").append(esc(title))
                .append("\"></div>\n<figcaption><strong>").append(esc(title)).append(".</strong> ").append(esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static String range(ReplayFigures.Range r) {
        String mean = Figures.duration(r.mean());
        if (r.min() == r.max()) {
            return mean;
        }
        return mean + " [" + Figures.duration(r.min()) + ", " + Figures.duration(r.max()) + "]";
    }
}
