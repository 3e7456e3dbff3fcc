package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/** The terminal summary of a run ({@code --format table}): one aligned line per metric, then P(loss) and MTTDL. */
public final class ReportTable {
    private ReportTable() {
    }

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %s replications over %s, seed %d, %d thread%s, %s (mailsim %s)\n",
                report.scenario(), Figures.number(report.replications()), Figures.duration(report.horizonHours()),
                report.seed(), report.threads(), report.threads() == 1 ? "" : "s",
                seconds(report.wallClockSeconds()), report.version()));
        out.append('\n');

        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"metric", "mean", "95% CI", "p95", "max"});
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            if (s.count() == 0) {
                rows.add(new String[] {metric.label(), "n/a", "(no incidents)", "", ""});
            } else {
                rows.add(new String[] {metric.label(), Figures.number(s.mean()), interval(s.ci95Low(), s.ci95High()),
                        Figures.number(s.p95()), Figures.number(s.max())});
            }
        }
        appendAligned(out, rows, new boolean[] {false, true, false, true, true});
        out.append('\n');

        Estimate p = report.probabilityOfDataLoss();
        Estimate mttdl = report.mttdlHours();
        List<String[]> risk = new ArrayList<>();
        if (p.upperBoundOnly()) {
            risk.add(new String[] {"P(data loss within horizon)", "< " + Figures.number(p.ci95High()),
                    "(no loss observed; upper bound, 95% confidence; 0 of " + Figures.number(report.replications())
                            + " replications)"});
        } else {
            risk.add(new String[] {"P(data loss within horizon)", Figures.number(p.estimate()),
                    interval(p.ci95Low(), p.ci95High()) + "  " + Figures.number(report.replicationsWithLoss())
                            + " of " + Figures.number(report.replications()) + " replications"});
        }
        if (mttdl.upperBoundOnly()) {
            risk.add(new String[] {"MTTDL", "> " + hours(mttdl.estimate()),
                    "(no loss observed; lower bound, 95% confidence)"});
        } else {
            risk.add(new String[] {"MTTDL", hours(mttdl.estimate()),
                    "[" + hours(mttdl.ci95Low()) + ", " + hours(mttdl.ci95High()) + "]"});
        }
        appendAligned(out, risk, new boolean[] {false, true, false});

        if (!report.lossByCause().isEmpty()) {
            out.append("losses by cause: ").append(joined(report.lossByCause())).append('\n');
        }
        if (!report.cost().isEmpty()) {
            out.append("cost: ").append(joined(report.cost())).append('\n');
        }
        if (report.incidentCount() > 0) {
            out.append(String.format(Locale.ROOT, "incidents: %s", Figures.number(report.incidentCount())));
            if (report.incidentCount() > report.incidents().size()) {
                out.append(String.format(Locale.ROOT, " (%d kept for the report)", report.incidents().size()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String interval(double low, double high) {
        return "[" + Figures.number(low) + ", " + Figures.number(high) + "]";
    }

    private static String hours(double h) {
        if (!Double.isFinite(h)) {
            return Figures.number(h);
        }
        String inHours = Figures.number(h) + " h";
        String readable = Figures.duration(h);
        return readable.equals(inHours) ? inHours : inHours + " (" + readable + ")";
    }

    private static String seconds(double s) {
        return Figures.number(s) + " s";
    }

    private static String joined(Map<String, ? extends Number> values) {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((k, v) -> joiner.add(k + " " + Figures.number(v.doubleValue())));
        return joiner.toString();
    }

    /** Pads each column to its widest cell; trailing spaces trimmed so the output diffs cleanly. */
    static void appendAligned(StringBuilder out, List<String[]> rows, boolean[] rightAligned) {
        int columns = rightAligned.length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(rightAligned[c] ? pad + row[c] : row[c] + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
