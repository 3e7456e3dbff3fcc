package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * summary.csv and incidents.csv (RFC 4180 quoting: fields with commas, quotes or line breaks are quoted;
 * lines end in LF).
 * Numbers are written in full precision with a dot; a missing or non-finite value is an empty cell, which
 * pandas and spreadsheets read as missing.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    /**
     * One row per metric (name, mean, CI, quantiles, max, count), then rows for probabilityOfDataLoss and
     * mttdlHours with the estimate in the mean column and {@code boundOnly} true when no loss was observed.
     */
    public static String summary(RunReport report) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("name", "mean", "ci95Low", "ci95High", "p50", "p95", "p99", "max", "count", "boundOnly"));
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            boolean empty = s.count() == 0;
            row(out, List.of(metric.key(), num(empty, s.mean()), num(empty, s.ci95Low()), num(empty, s.ci95High()),
                    num(empty, s.p50()), num(empty, s.p95()), num(empty, s.p99()), num(empty, s.max()),
                    Long.toString(s.count()), "false"));
        }
        estimateRow(out, "probabilityOfDataLoss", report.probabilityOfDataLoss(), report.replications());
        estimateRow(out, "mttdlHours", report.mttdlHours(), report.replications());
        return out.toString();
    }

    /** One row per incident kept (the worst by severity, see RunStatistics); phases as {@code name start-end} pairs separated by semicolons. */
    public static String incidents(RunReport report) {
        StringBuilder out = new StringBuilder();
        row(out, List.of("replication", "storageGroup", "cause", "severity", "startHours", "usersAffected", "mailsDeferred",
                "mailsBounced", "mailsLost", "hoursToRestoreService", "hoursToFullRecovery", "phases"));
        for (Incident incident : report.incidents()) {
            StringJoiner phases = new StringJoiner("; ");
            for (Incident.Phase phase : incident.phases()) {
                phases.add(phase.name() + " " + number(phase.startHours()) + "-" + number(phase.endHours()));
            }
            row(out, List.of(Integer.toString(incident.replication()), text(incident.storageGroup()),
                    text(incident.cause()), incident.severity().key(), number(incident.startHours()), Long.toString(incident.usersAffected()),
                    number(incident.mailsDeferred()), number(incident.mailsBounced()), number(incident.mailsLost()),
                    number(incident.hoursToRestoreService()), number(incident.hoursToFullRecovery()),
                    phases.toString()));
        }
        return out.toString();
    }

    private static void estimateRow(StringBuilder out, String name, Estimate e, long replications) {
        row(out, List.of(name, number(e.estimate()), number(e.ci95Low()), number(e.ci95High()), "", "", "", "",
                Long.toString(replications), Boolean.toString(e.boundOnly())));
    }

    private static String num(boolean empty, double value) {
        return empty ? "" : number(value);
    }

    /** Shortest exact decimal (Double.toString), integers without ".0"; empty for NaN and infinities. */
    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    static void row(StringBuilder out, List<String> fields) {
        List<String> quoted = new ArrayList<>(fields.size());
        for (String field : fields) {
            quoted.add(quote(field));
        }
        out.append(String.join(",", quoted)).append('\n');
    }

    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
