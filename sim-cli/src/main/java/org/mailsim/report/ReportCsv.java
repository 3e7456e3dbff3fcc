package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.mailsim.files.Csv;
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
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("name", "mean", "ci95Low", "ci95High", "p50", "p95", "p99", "max", "count", "boundOnly"));
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            boolean empty = s.count() == 0;
            out.add(List.of(metric.key(), num(empty, s.mean()), num(empty, s.ci95Low()), num(empty, s.ci95High()),
                    num(empty, s.p50()), num(empty, s.p95()), num(empty, s.p99()), num(empty, s.max()),
                    Long.toString(s.count()), "false"));
        }
        estimateRow(out, "probabilityOfDataLoss", report.probabilityOfDataLoss(), report.replications());
        estimateRow(out, "mttdlHours", report.mttdlHours(), report.replications());
        return Csv.write(out);
    }

    /** One row per incident kept (the worst by severity, see RunStatistics); phases as {@code name start-end} pairs separated by semicolons. */
    public static String incidents(RunReport report) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of("replication", "storageGroup", "cause", "severity", "startHours", "usersAffected", "mailsDeferred",
                "mailsBounced", "mailsLost", "hoursToRestoreService", "hoursToFullRecovery", "phases"));
        for (Incident incident : report.incidents()) {
            StringJoiner phases = new StringJoiner("; ");
            for (Incident.Phase phase : incident.phases()) {
                phases.add(phase.name() + " " + number(phase.startHours()) + "-" + number(phase.endHours()));
            }
            out.add(List.of(Integer.toString(incident.replication()), text(incident.storageGroup()),
                    text(incident.cause()), incident.severity().key(), number(incident.startHours()), Long.toString(incident.usersAffected()),
                    number(incident.mailsDeferred()), number(incident.mailsBounced()), number(incident.mailsLost()),
                    number(incident.hoursToRestoreService()), number(incident.hoursToFullRecovery()),
                    phases.toString()));
        }
        return Csv.write(out);
    }

    private static void estimateRow(List<List<String>> out, String name, Estimate e, long replications) {
        out.add(List.of(name, number(e.estimate()), number(e.ci95Low()), number(e.ci95High()), "", "", "", "",
                Long.toString(replications), Boolean.toString(e.boundOnly())));
    }

    private static String num(boolean empty, double value) {
        return empty ? "" : number(value);
    }

    /** Shortest exact decimal (Double.toString), integers without ".0"; empty for NaN and infinities. */
    static String number(double value) {
        return Csv.number(value);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
