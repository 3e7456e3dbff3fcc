package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.mailsim.Hours;
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
        String pLabel = "P(data loss within " + Figures.duration(report.horizonHours()) + ")";
        if (p.boundOnly()) {
            risk.add(new String[] {pLabel, "< " + Figures.number(p.ci95High()),
                    "no loss observed; upper bound (95%), 0 of " + Figures.number(report.replications())
                            + " replications"});
        } else {
            risk.add(new String[] {pLabel, Figures.number(p.estimate()),
                    "95% CI " + interval(p.ci95Low(), p.ci95High()) + ", "
                            + Figures.number(report.replicationsWithLoss()) + " of "
                            + Figures.number(report.replications()) + " replications"});
        }
        double unit = unitHours(mttdl.estimate());
        String unitName = unit == 1 ? "h" : unit == 24 ? "days" : "years";
        if (mttdl.boundOnly()) {
            risk.add(new String[] {"MTTDL", "> " + Figures.number(mttdl.estimate() / unit) + " " + unitName,
                    "no loss observed; lower bound (95%)"});
        } else {
            risk.add(new String[] {"MTTDL", Figures.number(mttdl.estimate() / unit) + " " + unitName,
                    "95% CI " + interval(mttdl.ci95Low() / unit, mttdl.ci95High() / unit) + " " + unitName});
        }
        appendAligned(out, risk, new boolean[] {false, false, false});

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

    /** The unit {@link Figures#duration} would pick for {@code hours}, so an interval reads in one unit. */
    private static double unitHours(double hours) {
        double a = Math.abs(hours);
        return !(a >= 48) ? 1 : a < 2 * Hours.PER_YEAR ? 24 : Hours.PER_YEAR;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String joined(Map<String, ? extends Number> values) {
        StringJoiner joiner = new StringJoiner(", ");
        values.forEach((k, v) -> joiner.add(k + " " + Figures.number(v.doubleValue())));
        return joiner.toString();
    }

    /** Pads each column to its widest cell; trailing spaces trimmed so the output diffs cleanly. */
    public static void appendAligned(StringBuilder out, List<String[]> rows, boolean[] rightAligned) {
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
