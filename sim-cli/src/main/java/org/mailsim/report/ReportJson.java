package org.mailsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
import org.mailsim.durability.DurabilityEstimate;
import org.mailsim.files.Json;
import org.mailsim.model.storage.LossCause;
import org.mailsim.run.DecisionMetric;
import org.mailsim.run.Incident;
import org.mailsim.run.Metric;
import org.mailsim.run.RunExtent;
import org.mailsim.run.Severity;
import org.mailsim.stats.Estimate;
import org.mailsim.stats.MetricSummary;

/**
 * The JSON document of a run, the interface notebooks and other tools rely on; docs/json-contract.md describes
 * every field. The contract's fields come first and in its order; extras follow. JSON has no NaN or Infinity, so
 * a non-finite number (the MTTDL interval's open end when no loss was seen, a metric with no values) is written as
 * null.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** The document, pretty-printed, ending with a newline. */
    public static String toJson(RunReport report) {
        return Json.document(toTree(report));
    }

    public static ObjectNode toTree(RunReport report) {
        ObjectNode root = Json.object();
        root.put("scenario", report.scenario());
        root.put("seed", report.seed());
        root.put("replications", report.replications());
        Json.number(root, "horizonHours", report.horizonHours());
        ObjectNode metrics = root.putObject("metrics");
        for (Metric metric : Metric.values()) {
            metrics.set(metric.key(), summary(report.summary(metric)));
        }
        root.set("probabilityOfDataLoss", estimate(report.probabilityOfDataLoss(), "upper"));
        root.set("mttdlHours", estimate(report.mttdlHours(), "lower"));
        ObjectNode causes = root.putObject("lossByCause");
        report.lossByCause().forEach(causes::put);
        ArrayNode incidents = root.putArray("incidents");
        for (Incident incident : report.incidents()) {
            incidents.add(incident(incident));
        }
        ObjectNode cost = root.putObject("cost");
        report.cost().forEach((category, amount) -> Json.number(cost, category, amount));

        // Extras, after the contract. The thread count and wall-clock time stay out (they are in the table and the
        // HTML page), so the document is byte-identical for any thread count.
        root.put("version", report.version());
        root.put("replicationsWithLoss", report.replicationsWithLoss());
        root.put("incidentCount", report.incidentCount());
        root.put("mttdlMethod", report.mttdlMethod().key());
        root.put("mttdlWarning", report.mttdlMethod().warning());
        severity(root.putObject("severity"), report);
        extent(root, report);
        ObjectNode decision = root.putObject("decision");
        for (DecisionMetric metric : DecisionMetric.values()) {
            decision.set(metric.key(), estimate(report.decision(metric),
                    metric == DecisionMetric.PROBABILITY_OF_ARRAY_LOSS ? "upper" : "lower"));
        }
        if (report.durability() != null) {
            root.set("estimator", estimator(report.durability()));
        }
        // The what-if: the --set overrides applied to the scenario file (empty for the file as written).
        ArrayNode overrides = root.putArray("overrides");
        report.overrides().forEach(overrides::add);
        root.put("currency", report.currency());
        if (!report.reportedTimeline().isEmpty()) {
            ArrayNode timeline = root.putArray("reportedTimeline");
            for (Milestone milestone : report.reportedTimeline()) {
                ObjectNode m = timeline.addObject();
                m.put("name", milestone.name());
                Json.number(m, "reportedHours", milestone.reportedHours());
                OptionalDouble simulated = report.simulatedHours(milestone);
                Json.number(m, "simulatedHours", simulated.isPresent() ? simulated.getAsDouble() : Double.NaN);
            }
        }
        return root;
    }

    /**
     * How P(data loss) was estimated when the rare-event estimator ran: the method, its samples, relative error and
     * effective sample size, the wall time (the one field that differs between runs of the same command), and the
     * figures per unit and for the fleet, split into whole-array and sector loss.
     */
    public static ObjectNode estimator(DurabilityEstimate d) {
        ObjectNode node = Json.object();
        node.put("method", "rare");
        node.put("description", d.method());
        node.put("unit", d.unit().name());
        node.put("units", d.unit().units());
        if (d.unit().coupling() != null) {
            node.put("coupling", d.unit().coupling());
        } else {
            node.putNull("coupling");
        }
        node.put("samples", d.samples());
        node.put("lossSamples", d.lossSamples());
        Json.number(node, "relativeError", d.relativeError());
        Json.number(node, "precision", d.precision());
        Json.number(node, "effectiveSampleSize", d.effectiveSamples());
        Json.number(node, "largestWeightShare", d.largestWeightShare());
        node.put("stoppedBy", d.stoppedBy().key());
        node.put("reproducible", d.reproducible());
        Json.number(node, "wallSeconds", d.wallSeconds());
        node.set("perUnit", durabilityFigures(d, false));
        node.set("fleet", durabilityFigures(d, true));
        ArrayNode warnings = node.putArray("warnings");
        d.warnings().forEach(warnings::add);
        return node;
    }

    private static ObjectNode durabilityFigures(DurabilityEstimate d, boolean fleet) {
        ObjectNode node = Json.object();
        Estimate any = fleet ? d.fleet() : d.perUnit();
        node.set("probabilityOfDataLoss", interval(any));
        // The severity classes' names (severity.arrayLoss, severity.sectorLoss).
        node.set("arrayLoss", interval(fleet ? d.fleetWholeArrayLoss() : d.wholeArrayLoss()));
        node.set("sectorLoss", interval(fleet ? d.fleetSectorLoss() : d.sectorLoss()));
        Estimate events = d.lossEventsPerYear();
        double n = fleet ? d.unit().units() : 1;
        node.set("lossEventsPerYear", interval(new Estimate(events.estimate() * n, events.ci95Low() * n,
                events.ci95High() * n, false)));
        Json.number(node, "ninesPerYear", d.nines(any.estimate()));
        if (fleet) {
            node.set("mttdlHours", interval(d.fleetMttdlHours()));
        }
        return node;
    }

    private static ObjectNode interval(Estimate e) {
        ObjectNode node = Json.object();
        Json.number(node, "estimate", e.estimate());
        Json.number(node, "ci95Low", e.ci95Low());
        Json.number(node, "ci95High", e.ci95High());
        return node;
    }

    /** Per severity class: P(at least one within the horizon), its incidents (kept or not), losses by cause. */
    private static void severity(ObjectNode node, RunReport report) {
        for (Severity severity : Severity.values()) {
            ObjectNode c = node.putObject(severity.key());
            c.set("probability", estimate(report.probability(severity), "upper"));
            c.put("incidents", report.incidentsBySeverity().get(severity));
            c.put("incidentsNotKept", report.incidentsNotKept().get(severity));
            if (severity != Severity.OUTAGE) {
                ObjectNode causes = c.putObject("lossByCause");
                report.lossByCause().forEach((cause, count) -> {
                    if (LossCause.severityOf(cause) == severity) {
                        causes.put(cause, count);
                    }
                });
            }
        }
    }

    /**
     * The fleet the figures are for, and the per-array figures: P(data loss) of one array within the horizon
     * (the mean share of arrays that lost data, with its interval) and data-loss events per array-year. The
     * top-level probabilityOfDataLoss and mttdlHours are the whole fleet's.
     */
    private static void extent(ObjectNode root, RunReport report) {
        RunExtent x = report.extent();
        ObjectNode fleet = root.putObject("fleet");
        fleet.put("arrays", x.arrays());
        Json.number(fleet, "usableTerabytes", x.usableTerabytes());
        Json.number(fleet, "horizonYears", x.years());
        ObjectNode perArray = root.putObject("perArray");
        MetricSummary arrays = report.summary(Metric.ARRAYS_WITH_LOSS);
        MetricSummary events = report.summary(Metric.DATA_LOSS_EVENTS);
        double n = x.arrays();
        double arrayYears = n * x.years();
        perArray.set("probabilityOfDataLoss", scaled(arrays, n > 0 ? 1 / n : Double.NaN));
        perArray.set("dataLossEventsPerArrayYear", scaled(events, arrayYears > 0 ? 1 / arrayYears : Double.NaN));
    }

    private static ObjectNode scaled(MetricSummary s, double factor) {
        ObjectNode node = Json.object();
        boolean defined = s.count() > 0 && Double.isFinite(factor);
        Json.number(node, "estimate", defined ? s.mean() * factor : Double.NaN);
        Json.number(node, "ci95Low", defined ? s.ci95Low() * factor : Double.NaN);
        Json.number(node, "ci95High", defined ? s.ci95High() * factor : Double.NaN);
        return node;
    }

    private static ObjectNode summary(MetricSummary s) {
        ObjectNode node = Json.object();
        // A metric nothing was measured for (no incident, so no hours to restore) has no mean: null, not 0.
        boolean empty = s.count() == 0;
        Json.number(node, "mean", empty ? Double.NaN : s.mean());
        Json.number(node, "ci95Low", empty ? Double.NaN : s.ci95Low());
        Json.number(node, "ci95High", empty ? Double.NaN : s.ci95High());
        Json.number(node, "p50", empty ? Double.NaN : s.p50());
        Json.number(node, "p95", empty ? Double.NaN : s.p95());
        Json.number(node, "p99", empty ? Double.NaN : s.p99());
        Json.number(node, "max", empty ? Double.NaN : s.max());
        node.put("count", s.count());
        return node;
    }

    /**
     * An estimate; when nothing was observed, {@code "bound"} says which one-sided bound the estimate is ("upper"
     * for P(loss), "lower" for MTTDL), otherwise it is null.
     */
    private static ObjectNode estimate(Estimate e, String boundKind) {
        ObjectNode node = Json.object();
        Json.number(node, "estimate", e.estimate());
        Json.number(node, "ci95Low", e.ci95Low());
        Json.number(node, "ci95High", e.ci95High());
        if (e.boundOnly()) {
            node.put("bound", boundKind);
        } else {
            node.putNull("bound");
        }
        return node;
    }

    private static ObjectNode incident(Incident incident) {
        ObjectNode node = Json.object();
        node.put("replication", incident.replication());
        node.put("storageGroup", incident.storageGroup());
        node.put("cause", incident.cause());
        node.put("severity", incident.severity().key());
        Json.number(node, "startHours", incident.startHours());
        node.put("usersAffected", incident.usersAffected());
        Json.number(node, "mailsDeferred", incident.mailsDeferred());
        Json.number(node, "mailsBounced", incident.mailsBounced());
        Json.number(node, "mailsLost", incident.mailsLost());
        Json.number(node, "hoursToRestoreService", incident.hoursToRestoreService());
        Json.number(node, "hoursToFullRecovery", incident.hoursToFullRecovery());
        ArrayNode phases = node.putArray("phases");
        for (Incident.Phase phase : incident.phases()) {
            ObjectNode p = phases.addObject();
            p.put("name", phase.name());
            Json.number(p, "startHours", phase.startHours());
            Json.number(p, "endHours", phase.endHours());
        }
        return node;
    }
}
