package org.mailsim.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link ReplicationResult} as the fields of one JSON object and back, bit for bit, so that statistics merged
 * from saved results are the statistics of the run itself (the per-replication results of a run spread over
 * machines, {@code mailsim run --results-out}).
 *
 * <p>Numbers go through {@link #FACTORY}, whose Schubfach writer prints the shortest decimal that reads back to
 * the same double (Java 17's {@code Double.toString} round-trips too, but is not always the shortest and differs
 * from later JDKs'). JSON has no NaN or infinities: they are written as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}, which {@link Double#parseDouble} reads back.
 */
public final class ReplicationJson {
    /** The factory to write results with: shortest round-trip doubles. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private ReplicationJson() {
    }

    /**
     * Writes the result's fields into the object {@code g} is writing (the caller opens and closes it, so it
     * can add fields of its own): metrics (by {@link Metric#key()}), lossByCause, lostData, observedHours and
     * incidents with their phases.
     */
    public static void writeFields(JsonGenerator g, ReplicationResult result) throws IOException {
        g.writeObjectFieldStart("metrics");
        for (Metric metric : Metric.values()) {
            number(g, metric.key(), result.metric(metric));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("lossByCause");
        for (Map.Entry<String, Long> e : result.lossByCause().entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeBooleanField("lostData", result.lostData());
        number(g, "observedHours", result.observedHours());
        g.writeArrayFieldStart("incidents");
        for (Incident incident : result.incidents()) {
            g.writeStartObject();
            g.writeNumberField("replication", incident.replication());
            g.writeStringField("storageGroup", incident.storageGroup());
            g.writeStringField("cause", incident.cause());
            g.writeStringField("severity", incident.severity().key());
            number(g, "startHours", incident.startHours());
            g.writeNumberField("usersAffected", incident.usersAffected());
            number(g, "mailsDeferred", incident.mailsDeferred());
            number(g, "mailsBounced", incident.mailsBounced());
            number(g, "mailsLost", incident.mailsLost());
            number(g, "hoursToRestoreService", incident.hoursToRestoreService());
            number(g, "hoursToFullRecovery", incident.hoursToFullRecovery());
            g.writeArrayFieldStart("phases");
            for (Incident.Phase phase : incident.phases()) {
                g.writeStartObject();
                g.writeStringField("name", phase.name());
                number(g, "startHours", phase.startHours());
                number(g, "endHours", phase.endHours());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Reads the fields {@link #writeFields} wrote (others are left to the caller).
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static ReplicationResult read(JsonNode object) {
        JsonNode metricsNode = field(object, "metrics", "an object of metrics");
        if (!metricsNode.isObject()) {
            throw new IllegalArgumentException("metrics: expected an object of metrics");
        }
        double[] metrics = new double[Metric.values().length];
        for (Metric metric : Metric.values()) {
            try {
                metrics[metric.ordinal()] = number(metricsNode, metric.key());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics." + e.getMessage(), e);
            }
        }
        if (metricsNode.size() != metrics.length) {
            Iterator<String> names = metricsNode.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!isMetric(name)) {
                    throw new IllegalArgumentException("metrics." + name + ": not a metric of this mailsim");
                }
            }
        }
        JsonNode causesNode = field(object, "lossByCause", "an object of counts");
        Map<String, Long> lossByCause = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> causes = causesNode.fields();
        while (causes.hasNext()) {
            Map.Entry<String, JsonNode> e = causes.next();
            if (!e.getValue().canConvertToExactIntegral() || !e.getValue().canConvertToLong()) {
                throw new IllegalArgumentException("lossByCause." + e.getKey() + ": expected a whole number");
            }
            lossByCause.put(e.getKey(), e.getValue().longValue());
        }
        JsonNode lostData = field(object, "lostData", "true or false");
        if (!lostData.isBoolean()) {
            throw new IllegalArgumentException("lostData: expected true or false");
        }
        double observedHours = number(object, "observedHours");
        JsonNode incidentsNode = field(object, "incidents", "an array of incidents");
        if (!incidentsNode.isArray()) {
            throw new IllegalArgumentException("incidents: expected an array of incidents");
        }
        List<Incident> incidents = new ArrayList<>(incidentsNode.size());
        for (int i = 0; i < incidentsNode.size(); i++) {
            try {
                incidents.add(incident(incidentsNode.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("incidents[" + i + "]." + e.getMessage(), e);
            }
        }
        return new ReplicationResult(metrics, lossByCause, lostData.booleanValue(), observedHours, incidents);
    }

    private static Incident incident(JsonNode node) {
        JsonNode phasesNode = field(node, "phases", "an array of phases");
        List<Incident.Phase> phases = new ArrayList<>(phasesNode.size());
        for (int i = 0; i < phasesNode.size(); i++) {
            JsonNode p = phasesNode.get(i);
            try {
                phases.add(new Incident.Phase(text(p, "name"), number(p, "startHours"), number(p, "endHours")));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("phases[" + i + "]." + e.getMessage(), e);
            }
        }
        return new Incident((int) whole(node, "replication"), text(node, "storageGroup"), text(node, "cause"),
                number(node, "startHours"), phases, whole(node, "usersAffected"), number(node, "mailsDeferred"),
                number(node, "mailsBounced"), number(node, "mailsLost"), number(node, "hoursToRestoreService"),
                number(node, "hoursToFullRecovery"), severity(node));
    }

    private static Severity severity(JsonNode node) {
        Severity severity = Severity.byKey(text(node, "severity"));
        if (severity == null) {
            throw new IllegalArgumentException("severity: expected one of arrayLoss, outage, sectorLoss");
        }
        return severity;
    }

    /** Writes a double exactly; NaN and the infinities as strings. */
    public static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeStringField(field, Double.toString(value));
        }
    }

    /** Reads a double written by {@link #number(JsonGenerator, String, double)}. */
    public static double number(JsonNode parent, String field) {
        JsonNode node = field(parent, field, "a number");
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(field + ": expected a number, got " + node);
    }

    private static long whole(JsonNode parent, String field) {
        JsonNode node = field(parent, field, "a whole number");
        if (!node.canConvertToExactIntegral() || !node.canConvertToLong()) {
            throw new IllegalArgumentException(field + ": expected a whole number, got " + node);
        }
        return node.longValue();
    }

    private static String text(JsonNode parent, String field) {
        JsonNode node = field(parent, field, "a string");
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + ": expected a string, got " + node);
        }
        return node.textValue();
    }

    private static JsonNode field(JsonNode parent, String field, String expected) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(field + ": missing (expected " + expected + ")");
        }
        return node;
    }

    private static boolean isMetric(String key) {
        for (Metric metric : Metric.values()) {
            if (metric.key().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
