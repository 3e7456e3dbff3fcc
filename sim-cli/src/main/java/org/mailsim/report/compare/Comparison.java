package org.mailsim.report.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsim.report.Figures;
import org.mailsim.report.Words;
import org.mailsim.report.html.Html;
import org.mailsim.run.Metric;

/**
 * Runs side by side (from their report folders' summary.json): each metric's mean and 95% interval per run, the
 * difference of every run from the first, and whether that difference is significant at the 5% level.
 *
 * <p>The test: the two means' difference over the square root of the sum of their squared standard errors (each
 * taken from its 95% interval, half-width / 1.96), against 1.96; for P(data loss), the two-proportion z-test on
 * the replications with loss. The reports keep summaries, not each replication's value, so the test is unpaired:
 * when both runs used the same seed (common random numbers) their outcomes are positively correlated and a paired
 * test would be sharper, so a difference marked significant here is significant, and one marked not significant
 * may still be real.
 */
public final class Comparison {
    static final ObjectMapper JSON = new ObjectMapper();
    static final double Z95 = 1.959963984540054;

    /** One run as read back: what it was and its summary document. */
    public record Run(String label, String folder, JsonNode summary) {
        String scenario() {
            return summary.path("scenario").asText();
        }

        List<String> overrides() {
            List<String> out = new ArrayList<>();
            summary.path("overrides").forEach(n -> out.add(n.asText()));
            return out;
        }

        long seed() {
            return summary.path("seed").asLong();
        }

        long replications() {
            return summary.path("replications").asLong();
        }
    }

    private final List<Run> runs;

    public Comparison(List<Run> runs) {
        if (runs.size() < 2) {
            throw new IllegalArgumentException("compare needs at least two runs");
        }
        this.runs = List.copyOf(runs);
    }

    /**
     * Reads the run report in {@code folder} (its summary.json), or every variant of a replay report (its
     * variants/NAME/summary.json, in name order).
     *
     * @throws IOException when the folder holds neither
     */
    public static List<Run> read(Path folder) throws IOException {
        Path summary = folder.resolve("summary.json");
        if (Files.isRegularFile(summary)) {
            JsonNode doc = JSON.readTree(summary.toFile());
            return List.of(new Run(label(doc), folder.toString(), doc));
        }
        Path variants = folder.resolve("variants");
        if (Files.isRegularFile(folder.resolve("replay.json")) && Files.isDirectory(variants)) {
            List<Run> out = new ArrayList<>();
            try (var list = Files.list(variants)) {
                for (Path v : list.sorted().toList()) {
                    if (Files.isRegularFile(v.resolve("summary.json"))) {
                        JsonNode doc = JSON.readTree(v.resolve("summary.json").toFile());
                        out.add(new Run(label(doc), v.toString(), doc));
                    }
                }
            }
            return out;
        }
        throw new IOException(folder + " is not a run or replay report folder (no summary.json or replay.json)");
    }

    private static String label(JsonNode doc) {
        List<String> overrides = new ArrayList<>();
        doc.path("overrides").forEach(n -> overrides.add(n.asText()));
        String name = doc.path("scenario").asText();
        return overrides.isEmpty() ? name : name + " with " + String.join(", ", overrides);
    }

    /** A difference of one run from the first. */
    public record Difference(double value, double z, boolean significant, String verdict) {
    }

    /** {@code b - a} of one metric, tested. */
    static Difference difference(JsonNode a, JsonNode b) {
        double ma = a.path("mean").asDouble(Double.NaN);
        double mb = b.path("mean").asDouble(Double.NaN);
        if (a.path("mean").isNull() || b.path("mean").isNull() || !Double.isFinite(ma) || !Double.isFinite(mb)) {
            return new Difference(Double.NaN, Double.NaN, false, "not comparable");
        }
        double sa = standardError(a);
        double sb = standardError(b);
        double d = mb - ma;
        double se = Math.sqrt(sa * sa + sb * sb);
        if (se == 0) {
            return d == 0 ? new Difference(0, 0, false, "identical") : new Difference(d, Double.POSITIVE_INFINITY,
                    true, "significant (no spread in either run)");
        }
        double z = d / se;
        boolean sig = Math.abs(z) > Z95;
        return new Difference(d, z, sig, sig ? "significant" : "not significant");
    }

    /** Half the 95% interval's width over 1.96. */
    static double standardError(JsonNode m) {
        double lo = m.path("ci95Low").asDouble(Double.NaN);
        double hi = m.path("ci95High").asDouble(Double.NaN);
        return Double.isFinite(lo) && Double.isFinite(hi) ? (hi - lo) / (2 * Z95) : 0;
    }

    /** P(data loss): the two-proportion z-test on replications with loss. */
    static Difference lossDifference(Run a, Run b) {
        double na = a.replications();
        double nb = b.replications();
        double xa = a.summary().path("replicationsWithLoss").asDouble();
        double xb = b.summary().path("replicationsWithLoss").asDouble();
        double pa = xa / na;
        double pb = xb / nb;
        double pooled = (xa + xb) / (na + nb);
        double se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
        if (se == 0) {
            return new Difference(pb - pa, 0, false, pa == pb ? "identical" : "not comparable");
        }
        double z = (pb - pa) / se;
        boolean sig = Math.abs(z) > Z95;
        return new Difference(pb - pa, z, sig, sig ? "significant" : "not significant");
    }

    // ------------------------------------------------------------------ page and JSON

    /** A row of the page: a metric, each run's value and interval, each later run's difference from the first. */
    public record Row(String metric, List<Cell> values, List<Cell> differences) {
    }

    /** A cell: its text, and for differences whether significant. */
    public record Cell(String text, String detail, boolean significant) {
    }

    /** A run as the page lists it. */
    public record Listed(String letter, String label, String folder, String seed, String replications) {
    }

    public String html() {
        Map<String, Object> page = new LinkedHashMap<>();
        Run first = runs.get(0);
        List<Listed> listed = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            listed.add(new Listed(letter(i), r.label(), r.folder(), Long.toString(r.seed()),
                    Figures.number(r.replications())));
        }
        boolean sameSeed = runs.stream().allMatch(r -> r.seed() == first.seed());
        page.put("title", "mailsim compare: " + String.join(" | ", runs.stream().map(Run::label).toList()));
        page.put("runs", listed);
        page.put("later", listed.subList(1, listed.size()));
        page.put("sameSeed", sameSeed);
        page.put("seed", first.seed());
        List<Row> rows = new ArrayList<>();
        String currency = first.summary().path("currency").asText("");
        for (Metric metric : Metric.values()) {
            List<Cell> values = new ArrayList<>();
            List<Cell> diffs = new ArrayList<>();
            JsonNode a = first.summary().path("metrics").path(metric.key());
            for (int i = 0; i < runs.size(); i++) {
                JsonNode m = runs.get(i).summary().path("metrics").path(metric.key());
                values.add(new Cell(value(m, metric), interval(m, metric), false));
                if (i > 0) {
                    Difference d = difference(a, m);
                    diffs.add(new Cell(Double.isFinite(d.value()) ? signed(d.value(), metric) : "",
                            d.verdict(), d.significant()));
                }
            }
            rows.add(new Row(label(metric, currency), values, diffs));
        }
        List<Cell> lossValues = new ArrayList<>();
        List<Cell> lossDiffs = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            JsonNode p = runs.get(i).summary().path("probabilityOfDataLoss");
            boolean bound = !p.path("bound").isNull() && !p.path("bound").isMissingNode();
            lossValues.add(new Cell(bound ? "< " + Figures.percent(p.path("ci95High").asDouble())
                    : Figures.percent(p.path("estimate").asDouble()), bound ? "no loss seen; 95% upper bound"
                    : Figures.percent(p.path("ci95Low").asDouble()) + " to "
                    + Figures.percent(p.path("ci95High").asDouble()), false));
            if (i > 0) {
                Difference d = lossDifference(first, runs.get(i));
                lossDiffs.add(new Cell((d.value() >= 0 ? "+" : "") + Figures.percent(d.value()).replace("%", " points"),
                        d.verdict(), d.significant()));
            }
        }
        rows.add(0, new Row("P(data loss within the horizon)", lossValues, lossDiffs));
        page.put("rows", rows);
        return Html.render("compare", page);
    }

    /** The same comparison as JSON: every run, and per metric each later run's difference, z and verdict. */
    public String json() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (Run r : runs) {
            ObjectNode n = list.addObject();
            n.put("label", r.label());
            n.put("folder", r.folder());
            n.put("scenario", r.scenario());
            ArrayNode o = n.putArray("overrides");
            r.overrides().forEach(o::add);
            n.put("seed", r.seed());
            n.put("replications", r.replications());
        }
        ObjectNode metrics = root.putObject("differencesFromFirst");
        for (Metric metric : Metric.values()) {
            ArrayNode arr = metrics.putArray(metric.key());
            for (int i = 1; i < runs.size(); i++) {
                Difference d = difference(runs.get(0).summary().path("metrics").path(metric.key()),
                        runs.get(i).summary().path("metrics").path(metric.key()));
                put(arr.addObject(), d);
            }
        }
        ArrayNode loss = metrics.putArray("probabilityOfDataLoss");
        for (int i = 1; i < runs.size(); i++) {
            put(loss.addObject(), lossDifference(runs.get(0), runs.get(i)));
        }
        root.put("test", "unpaired two-sided z-test at 5% from each run's mean and 95% interval; two-proportion"
                + " z-test for probabilityOfDataLoss");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void put(ObjectNode n, Difference d) {
        if (Double.isFinite(d.value())) {
            n.put("difference", d.value());
        } else {
            n.putNull("difference");
        }
        if (Double.isFinite(d.z())) {
            n.put("z", d.z());
        } else {
            n.putNull("z");
        }
        n.put("significant", d.significant());
        n.put("verdict", d.verdict());
    }

    static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }

    private static String label(Metric metric, String currency) {
        return switch (metric) {
            case TOTAL_COST -> "expected total cost" + (currency.isEmpty() ? "" : " (" + currency + ")");
            case HOURS_TO_RESTORE_SERVICE, HOURS_TO_FULL_RECOVERY -> "mean " + Words.metric(metric);
            // The Metric's label says "expected" where a value is an expectation over where losses fall.
            default -> (metric.label().startsWith("expected ") ? "" : "expected ") + metric.label()
                    + " per replication";
        };
    }

    private static String value(JsonNode m, Metric metric) {
        if (m.path("count").asLong() == 0 || m.path("mean").isNull()) {
            return metric == Metric.HOURS_TO_RESTORE_SERVICE || metric == Metric.HOURS_TO_FULL_RECOVERY
                    ? Words.NO_OUTAGE : "n/a";
        }
        return format(m.path("mean").asDouble(), metric);
    }

    private static String interval(JsonNode m, Metric metric) {
        if (m.path("count").asLong() == 0 || m.path("mean").isNull()) {
            return "";
        }
        return format(m.path("ci95Low").asDouble(), metric) + " to " + format(m.path("ci95High").asDouble(), metric);
    }

    private static String format(double v, Metric metric) {
        return Words.metricValue(metric, v);
    }

    private static String signed(double v, Metric metric) {
        return (v > 0 ? "+" : v < 0 ? "-" : "") + format(Math.abs(v), metric);
    }
}
