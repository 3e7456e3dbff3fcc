package org.mailsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalDouble;
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
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** The document, pretty-printed, ending with a newline. */
    public static String toJson(RunReport report) {
        try {
            return MAPPER.writeValueAsString(toTree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write report JSON", e);
        }
    }

    public static ObjectNode toTree(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", report.scenario());
        root.put("seed", report.seed());
        root.put("replications", report.replications());
        number(root, "horizonHours", report.horizonHours());
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
        report.cost().forEach((category, amount) -> number(cost, category, amount));

        // Extras, after the contract. The thread count and wall-clock time stay out (they are in the table and the
        // HTML page), so the document is byte-identical for any thread count.
        root.put("version", report.version());
        root.put("replicationsWithLoss", report.replicationsWithLoss());
        root.put("incidentCount", report.incidentCount());
        severity(root.putObject("severity"), report);
        extent(root, report);
        ObjectNode decision = root.putObject("decision");
        for (DecisionMetric metric : DecisionMetric.values()) {
            decision.set(metric.key(), estimate(report.decision(metric),
                    metric == DecisionMetric.PROBABILITY_OF_ARRAY_LOSS ? "upper" : "lower"));
        }
        if (!report.reportedTimeline().isEmpty()) {
            ArrayNode timeline = root.putArray("reportedTimeline");
            for (Milestone milestone : report.reportedTimeline()) {
                ObjectNode m = timeline.addObject();
                m.put("name", milestone.name());
                number(m, "reportedHours", milestone.reportedHours());
                OptionalDouble simulated = report.simulatedHours(milestone);
                number(m, "simulatedHours", simulated.isPresent() ? simulated.getAsDouble() : Double.NaN);
            }
        }
        return root;
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
        number(fleet, "usableTerabytes", x.usableTerabytes());
        number(fleet, "horizonYears", x.years());
        ObjectNode perArray = root.putObject("perArray");
        MetricSummary arrays = report.summary(Metric.ARRAYS_WITH_LOSS);
        MetricSummary events = report.summary(Metric.DATA_LOSS_EVENTS);
        double n = x.arrays();
        double arrayYears = n * x.years();
        perArray.set("probabilityOfDataLoss", scaled(arrays, n > 0 ? 1 / n : Double.NaN));
        perArray.set("dataLossEventsPerArrayYear", scaled(events, arrayYears > 0 ? 1 / arrayYears : Double.NaN));
    }

    private static ObjectNode scaled(MetricSummary s, double factor) {
        ObjectNode node = MAPPER.createObjectNode();
        boolean defined = s.count() > 0 && Double.isFinite(factor);
        number(node, "estimate", defined ? s.mean() * factor : Double.NaN);
        number(node, "ci95Low", defined ? s.ci95Low() * factor : Double.NaN);
        number(node, "ci95High", defined ? s.ci95High() * factor : Double.NaN);
        return node;
    }

    private static ObjectNode summary(MetricSummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        // A metric nothing was measured for (no incident, so no hours to restore) has no mean: null, not 0.
        boolean empty = s.count() == 0;
        number(node, "mean", empty ? Double.NaN : s.mean());
        number(node, "ci95Low", empty ? Double.NaN : s.ci95Low());
        number(node, "ci95High", empty ? Double.NaN : s.ci95High());
        number(node, "p50", empty ? Double.NaN : s.p50());
        number(node, "p95", empty ? Double.NaN : s.p95());
        number(node, "p99", empty ? Double.NaN : s.p99());
        number(node, "max", empty ? Double.NaN : s.max());
        node.put("count", s.count());
        return node;
    }

    /**
     * An estimate; when nothing was observed, {@code "bound"} says which one-sided bound the estimate is ("upper"
     * for P(loss), "lower" for MTTDL), otherwise it is null.
     */
    private static ObjectNode estimate(Estimate e, String boundKind) {
        ObjectNode node = MAPPER.createObjectNode();
        number(node, "estimate", e.estimate());
        number(node, "ci95Low", e.ci95Low());
        number(node, "ci95High", e.ci95High());
        if (e.boundOnly()) {
            node.put("bound", boundKind);
        } else {
            node.putNull("bound");
        }
        return node;
    }

    private static ObjectNode incident(Incident incident) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("replication", incident.replication());
        node.put("storageGroup", incident.storageGroup());
        node.put("cause", incident.cause());
        node.put("severity", incident.severity().key());
        number(node, "startHours", incident.startHours());
        node.put("usersAffected", incident.usersAffected());
        number(node, "mailsDeferred", incident.mailsDeferred());
        number(node, "mailsBounced", incident.mailsBounced());
        number(node, "mailsLost", incident.mailsLost());
        number(node, "hoursToRestoreService", incident.hoursToRestoreService());
        number(node, "hoursToFullRecovery", incident.hoursToFullRecovery());
        ArrayNode phases = node.putArray("phases");
        for (Incident.Phase phase : incident.phases()) {
            ObjectNode p = phases.addObject();
            p.put("name", phase.name());
            number(p, "startHours", phase.startHours());
            number(p, "endHours", phase.endHours());
        }
        return node;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
