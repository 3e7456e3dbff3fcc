package org.mailsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.mailsim.Hours;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Metric;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * The terminal summary of a run ({@code --format table}): one aligned line per metric (its mean per replication;
 * expected values say so), then the fleet's P(loss) and MTTDL, the per-array figures, the severity classes and the
 * decision figures.
 */
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
        rows.add(new String[] {"metric (per replication)", "mean", "95% CI", "p95", "max"});
        for (Metric metric : Metric.values()) {
            MetricSummary s = report.summary(metric);
            if (s.count() == 0) {
                rows.add(new String[] {Words.metric(metric), "none", "(" + Words.NO_OUTAGE + ")", "", ""});
            } else {
                rows.add(new String[] {Words.metric(metric), Figures.number(s.mean()), interval(s.ci95Low(), s.ci95High()),
                        Figures.number(s.p95()), Figures.number(s.max())});
            }
        }
        appendAligned(out, rows, new boolean[] {false, true, false, true, true});
        out.append('\n');

        Estimate p = report.probabilityOfDataLoss();
        Estimate mttdl = report.mttdlHours();
        List<String[]> risk = new ArrayList<>();
        long arrays = report.extent().arrays();
        String fleet = arrays > 0 ? "the fleet of " + Figures.number(arrays) + " arrays" : "the fleet";
        String pLabel = "P(any data loss in " + fleet + " within " + Figures.duration(report.horizonHours()) + ")";
        DurabilityEstimate d = report.durability();
        if (d != null) {
            risk.add(new String[] {pLabel, Figures.number(p.estimate()), "95% CI " + interval(p.ci95Low(),
                    p.ci95High()) + ", rare-event estimate (" + Figures.number(d.samples()) + " samples per "
                    + d.unit().name() + ", " + Figures.number(d.unit().units()) + " " + d.unit().name()
                    + (d.unit().units() == 1 ? "" : "s") + " in the fleet)"});
            risk.add(new String[] {"  whole-array loss", Figures.number(d.fleetWholeArrayLoss().estimate()),
                    "95% CI " + interval(d.fleetWholeArrayLoss().ci95Low(), d.fleetWholeArrayLoss().ci95High())});
            risk.add(new String[] {"  sector loss", Figures.number(d.fleetSectorLoss().estimate()),
                    "95% CI " + interval(d.fleetSectorLoss().ci95Low(), d.fleetSectorLoss().ci95High())});
            risk.add(new String[] {"  per " + d.unit().name(), Figures.number(d.perUnit().estimate()),
                    "95% CI " + interval(d.perUnit().ci95Low(), d.perUnit().ci95High())});
            risk.add(new String[] {"nines of durability a year", String.format(Locale.ROOT, "%.2f",
                    d.nines(p.estimate())), String.format(Locale.ROOT, "fleet; %.2f per %s", d.nines(
                    d.perUnit().estimate()), d.unit().name())});
            risk.add(new String[] {"estimator", String.format(Locale.ROOT, "+-%.1f%%", 100 * d.relativeError()),
                    String.format(Locale.ROOT, "%s; ESS %s; stopped by %s after %.1f s", d.method(),
                            Figures.number(Math.round(d.effectiveSamples())), d.stoppedBy().key(), d.wallSeconds())});
        } else if (p.boundOnly()) {
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
        String mttdlLabel = report.mttdlMethod().exponentialApproximation() ? "MTTDL (fleet, exponential approx.)"
                : "MTTDL (fleet)";
        if (d != null && !d.exponential()) {
            risk.add(new String[] {"MTTDL (fleet)", "n/a", "lifetimes are not exponential: P(loss) by the horizon is the"
                    + " figure to use"});
        } else if (mttdl.boundOnly()) {
            risk.add(new String[] {mttdlLabel, "> " + Figures.number(mttdl.estimate() / unit) + " " + unitName,
                    "no loss observed; lower bound (95%)"});
        } else {
            risk.add(new String[] {mttdlLabel, Figures.number(mttdl.estimate() / unit) + " " + unitName,
                    "95% CI " + interval(mttdl.ci95Low() / unit, mttdl.ci95High() / unit) + " " + unitName});
        }
        if (arrays > 0 && d == null) { // with a rare-event estimate, its per-unit line above says it
            MetricSummary withLoss = report.summary(Metric.ARRAYS_WITH_LOSS);
            risk.add(new String[] {"P(data loss of one array within " + Figures.duration(report.horizonHours()) + ")",
                    Figures.number(withLoss.mean() / arrays),
                    "95% CI " + interval(withLoss.ci95Low() / arrays, withLoss.ci95High() / arrays)
                            + ", the mean share of arrays that lost data"});
            double arrayYears = arrays * report.extent().years();
            if (arrayYears > 0) {
                MetricSummary events = report.summary(Metric.DATA_LOSS_EVENTS);
                risk.add(new String[] {"data-loss events per array-year", Figures.number(events.mean() / arrayYears),
                        "95% CI " + interval(events.ci95Low() / arrayYears, events.ci95High() / arrayYears)});
            }
        }
        appendAligned(out, risk, new boolean[] {false, false, false});
        if (report.mttdlMethod().warning() != null) {
            out.append("warning: ").append(report.mttdlMethod().warning()).append('\n');
        }
        if (d != null) {
            for (String warning : d.warnings()) {
                out.append("warning: ").append(warning).append('\n');
            }
        }
        out.append('\n');

        List<String[]> classes = new ArrayList<>();
        classes.add(new String[] {"severity", "P(at least one)", "events", "expected mails lost",
                "expected users with loss"});
        classes.add(severityRow(report, "whole-array loss", Severity.ARRAY_LOSS, Metric.ARRAY_LOSS_EVENTS,
                Metric.ARRAY_LOSS_MAILS_LOST, Metric.ARRAY_LOSS_USERS_WITH_LOSS));
        classes.add(severityRow(report, "sector loss", Severity.SECTOR_LOSS, Metric.SECTOR_LOSS_EVENTS,
                Metric.SECTOR_LOSS_MAILS_LOST, Metric.SECTOR_LOSS_USERS_WITH_LOSS));
        classes.add(severityRow(report, "outage without loss", Severity.OUTAGE, Metric.OUTAGES_WITHOUT_LOSS,
                null, null));
        appendAligned(out, classes, new boolean[] {false, true, true, true, true});
        out.append('\n');

        List<String[]> decision = new ArrayList<>();
        decision.add(new String[] {"decision figure (over the horizon unless per year)", "estimate", ""});
        for (DecisionMetric metric : DecisionMetric.values()) {
            Estimate e = report.decision(metric);
            if (Double.isNaN(e.estimate())) {
                continue;
            }
            String bound = !e.boundOnly() ? "" : metric == DecisionMetric.PROBABILITY_OF_ARRAY_LOSS ? "< " : ">= ";
            String note = !e.boundOnly() ? "95% CI " + interval(e.ci95Low(), e.ci95High())
                    : metric == DecisionMetric.PROBABILITY_OF_ARRAY_LOSS ? "no array loss observed; upper bound (95%)"
                    : "no array loss observed: sector losses only, a lower bound";
            decision.add(new String[] {metric.label(), bound + Figures.number(e.estimate()), note});
        }
        appendAligned(out, decision, new boolean[] {false, false, false});

        if (!report.lossByCause().isEmpty()) {
            out.append("losses by cause: ").append(joined(report.lossByCause())).append('\n');
        }
        if (!report.cost().isEmpty()) {
            out.append("cost: ").append(joined(report.cost())).append('\n');
        }
        if (report.incidentCount() > 0) {
            out.append(String.format(Locale.ROOT, "incidents: %s", Figures.number(report.incidentCount())));
            StringJoiner bySeverity = new StringJoiner(", ", " (", ")");
            report.incidentsBySeverity().forEach((severity, n) -> {
                if (n > 0) {
                    bySeverity.add(severity.key() + " " + Figures.number(n));
                }
            });
            out.append(bySeverity.toString());
            if (report.incidentCount() > report.incidents().size()) {
                out.append(String.format(Locale.ROOT, "; the %d worst kept for the report", report.incidents().size()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String[] severityRow(RunReport report, String name, Severity severity, Metric events,
                                        Metric mails, Metric users) {
        Estimate p = report.probability(severity);
        String probability = (p.boundOnly() ? "< " + Figures.number(p.ci95High()) : Figures.number(p.estimate()));
        return new String[] {name, probability, Figures.number(report.summary(events).mean()),
                mails == null ? "-" : Figures.number(report.summary(mails).mean()),
                users == null ? "-" : Figures.number(report.summary(users).mean())};
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
