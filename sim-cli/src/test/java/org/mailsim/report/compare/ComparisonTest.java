package org.mailsim.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsim.report.ReplicationsCsv;
import org.mailsim.report.ReportJson;
import org.mailsim.report.RunReport;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.ReplicationTable;
import org.mailsim.run.RunStatistics;

/**
 * The comparison's tests against known answers and against Commons Math computed apart: a run against itself is
 * identical replication by replication; a shift that the runs' own spread hides from the unpaired test is found by
 * the paired one; McNemar's exact p-value on known discordant counts; the fall-back to the unpaired test, and why.
 * Runs are synthetic report folders (summary.json and replications.csv as a run writes them), fixed seeds.
 */
class ComparisonTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int N = 200;

    @TempDir
    Path dir;

    /** A run of N replications whose replication i is {@code replication.apply(i)}, written as a report folder. */
    private Path folder(String name, long seed, IntFunction<ReplicationResult> replication, boolean keepValues)
            throws IOException {
        RunStatistics stats = new RunStatistics();
        for (int i = 0; i < N; i++) {
            stats.add(replication.apply(i));
        }
        RunReport report = RunReport.builder("synthetic", stats).seed(seed).horizonHours(8760).version("test")
                .overrides(List.of("name=" + name)).build();
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.writeString(folder.resolve("summary.json"), ReportJson.toJson(report), StandardCharsets.UTF_8);
        if (keepValues) {
            Files.writeString(folder.resolve(ReplicationsCsv.FILE), ReplicationsCsv.write(report.replicationTable()),
                    StandardCharsets.UTF_8);
        }
        return folder;
    }

    private static Comparison compare(Path... folders) throws IOException {
        List<Comparison.Run> runs = new ArrayList<>();
        for (Path f : folders) {
            runs.addAll(Comparison.read(f));
        }
        return new Comparison(runs);
    }

    private static JsonNode diff(JsonNode json, String key) {
        return json.path("differencesFromFirst").path(key).get(0);
    }

    /** Values with spread: disk failures 0..99, costs around 100,000 with sd 30,000, every 9th losing an array. */
    private static double[][] base() {
        Well19937c rng = new Well19937c(20260116L);
        double[][] v = new double[N][2];
        for (int i = 0; i < N; i++) {
            v[i][0] = rng.nextInt(100);
            v[i][1] = 100_000 + 30_000 * rng.nextGaussian();
        }
        return v;
    }

    private static ReplicationResult result(double disks, double cost, boolean arrayLoss) {
        ReplicationResult.Builder b = new ReplicationResult.Builder().set(Metric.DISK_FAILURES, disks)
                .set(Metric.TOTAL_COST, cost).set(Metric.USER_HOURS_UNAVAILABLE, disks * 10).observedHours(8760);
        if (arrayLoss) {
            b.lossEvent("concurrentFailures").set(Metric.ARRAY_LOSS_EVENTS, 1).set(Metric.MAILS_LOST, cost / 10);
        }
        return b.build();
    }

    @Test
    void aRunAgainstItselfIsIdenticalReplicationByReplication() throws IOException {
        double[][] v = base();
        Path a = folder("a", 7, i -> result(v[i][0], v[i][1], i % 9 == 0), true);
        Comparison c = compare(a, a);
        JsonNode json = JSON.readTree(c.json());
        JsonNode second = json.path("runs").get(1).path("comparedWithFirst");
        assertThat(second.path("paired").asBoolean()).isTrue();
        assertThat(second.path("pairs").asInt()).isEqualTo(N);
        assertThat(second.path("test").asText()).isEqualTo("paired: common random numbers, 200 pairs");
        for (Metric m : Metric.values()) {
            JsonNode d = diff(json, m.key());
            if (ReplicationTable.METRICS.contains(m)) {
                assertThat(d.path("test").asText()).as(m.key()).isEqualTo("paired t-test");
                assertThat(d.path("difference").asDouble()).as(m.key()).isZero();
                assertThat(d.path("verdict").asText()).as(m.key()).isEqualTo("identical");
                assertThat(d.path("significant").asBoolean()).isFalse();
            } else {
                // Means over outages: never paired, and said so.
                assertThat(d.path("test").asText()).as(m.key()).isEqualTo("unpaired z-test");
                assertThat(d.path("why").asText()).contains("mean over outages");
            }
        }
        for (String p : List.of("probabilityOfDataLoss", "probabilityOfArrayLoss", "probabilityOfSectorLoss",
                "probabilityOfOutage")) {
            JsonNode d = diff(json, p);
            assertThat(d.path("test").asText()).as(p).isEqualTo("McNemar exact test");
            assertThat(d.path("verdict").asText()).as(p).isEqualTo("identical");
            assertThat(d.path("difference").asDouble()).isZero();
        }
        assertThat(c.html()).contains("B − A: paired: common random numbers, 200 pairs").contains("identical");
    }

    @Test
    void aShiftHiddenByTheSpreadIsFoundByThePairedTestOnly() throws IOException {
        double[][] v = base();
        Well19937c noise = new Well19937c(99L);
        double[] shifted = new double[N];
        for (int i = 0; i < N; i++) {
            shifted[i] = v[i][1] + 2_000 + 500 * noise.nextGaussian();
        }
        Path a = folder("a", 7, i -> result(v[i][0], v[i][1], false), true);
        // B: every replication three more disk failures (exactly) and about 2,000 more cost; the same seed.
        Path b = folder("b", 7, i -> result(v[i][0] + 3, shifted[i], false), true);
        // C: the same values as B, from another seed: independent runs, so the unpaired test is all there is.
        Path other = folder("c", 8, i -> result(v[i][0] + 3, shifted[i], false), true);
        JsonNode json = JSON.readTree(compare(a, b, other).json());

        JsonNode disks = diff(json, "diskFailures");
        assertThat(disks.path("test").asText()).isEqualTo("paired t-test");
        assertThat(disks.path("difference").asDouble()).isEqualTo(3.0);
        assertThat(disks.path("significant").asBoolean()).isTrue();
        assertThat(disks.path("verdict").asText()).isEqualTo("significant (the same difference in every replication)");

        double[] costA = new double[N];
        for (int i = 0; i < N; i++) {
            costA[i] = v[i][1];
        }
        JsonNode cost = diff(json, "totalCost");
        assertThat(cost.path("test").asText()).isEqualTo("paired t-test");
        assertThat(cost.path("pairs").asInt()).isEqualTo(N);
        assertThat(cost.path("significant").asBoolean()).isTrue();
        // Against Commons Math: t and p of the paired t-test, and the interval from the differences' spread.
        TTest tTest = new TTest();
        assertThat(cost.path("t").asDouble()).isCloseTo(tTest.pairedT(shifted, costA), within(1e-9));
        assertThat(cost.path("pValue").asDouble()).isCloseTo(tTest.pairedTTest(shifted, costA), within(1e-12));
        SummaryStatistics d = new SummaryStatistics();
        for (int i = 0; i < N; i++) {
            d.addValue(shifted[i] - costA[i]);
        }
        double half = new TDistribution(N - 1).inverseCumulativeProbability(0.975) * d.getStandardDeviation()
                / Math.sqrt(N);
        assertThat(cost.path("difference").asDouble()).isCloseTo(d.getMean(), within(1e-6));
        assertThat(cost.path("ci95Low").asDouble()).isCloseTo(d.getMean() - half, within(1e-6));
        assertThat(cost.path("ci95High").asDouble()).isCloseTo(d.getMean() + half, within(1e-6));
        assertThat(cost.path("ci95Low").asDouble()).isGreaterThan(1_800);

        // The same values unpaired (other seed): the spread of the runs hides both differences.
        JsonNode unpairedCost = json.path("differencesFromFirst").path("totalCost").get(1);
        JsonNode unpairedDisks = json.path("differencesFromFirst").path("diskFailures").get(1);
        for (JsonNode u : List.of(unpairedCost, unpairedDisks)) {
            assertThat(u.path("test").asText()).isEqualTo("unpaired z-test");
            assertThat(u.path("paired").asBoolean()).isFalse();
            assertThat(u.path("significant").asBoolean()).isFalse();
            assertThat(u.path("why").asText()).isEqualTo("unpaired: different seeds (A 7, C 8): independent runs");
        }
        // ... and what it computes is the z of the two means over their standard errors.
        assertThat(unpairedCost.path("difference").asDouble()).isCloseTo(d.getMean(), within(1e-6));
        assertThat(Math.abs(unpairedCost.path("z").asDouble())).isLessThan(1.96);
        JsonNode third = json.path("runs").get(2).path("comparedWithFirst");
        assertThat(third.path("paired").asBoolean()).isFalse();
    }

    @Test
    void pairedTAgreesWithCommonsMathWhereTheVerdictIsClose() {
        Well19937c rng = new Well19937c(5L);
        for (double shift : new double[] {0.1, 0.3, 0.5}) {
            double[] x = new double[50];
            double[] y = new double[50];
            for (int i = 0; i < x.length; i++) {
                x[i] = 10 * rng.nextGaussian();
                y[i] = x[i] + shift + rng.nextGaussian();
            }
            Comparison.Difference d = Comparison.pairedT(x, y);
            TTest t = new TTest();
            assertThat(d.statistic()).isCloseTo(t.pairedT(y, x), within(1e-9));
            assertThat(d.pValue()).isCloseTo(t.pairedTTest(y, x), within(1e-9));
            assertThat(d.significant()).isEqualTo(t.pairedTTest(y, x, 0.05));
            assertThat(d.test()).isEqualTo(Comparison.Test.PAIRED_T);
        }
    }

    @Test
    void mcNemarOnKnownDiscordantPairs() throws IOException {
        // A loses an array in replications 0..9; B in 1..18: only A in 1 (replication 0), only B in 9 (10..18).
        Path a = folder("a", 7, i -> result(1, 1000, i < 10), true);
        Path b = folder("b", 7, i -> result(1, 1000, i >= 1 && i < 19), true);
        JsonNode json = JSON.readTree(compare(a, b).json());
        for (String key : List.of("probabilityOfDataLoss", "probabilityOfArrayLoss")) {
            JsonNode d = diff(json, key);
            assertThat(d.path("test").asText()).isEqualTo("McNemar exact test");
            assertThat(d.path("onlyFirst").asLong()).isEqualTo(1);
            assertThat(d.path("onlyThis").asLong()).isEqualTo(9);
            assertThat(d.path("difference").asDouble()).isEqualTo(8.0 / N);
            // Two-sided exact binomial: 2 P(X <= 1), X ~ Binomial(10, 1/2) = 2 * 11 / 1024.
            double p = 2 * new BinomialDistribution(null, 10, 0.5).cumulativeProbability(1);
            assertThat(p).isCloseTo(22.0 / 1024, within(1e-15));
            assertThat(d.path("pValue").asDouble()).isCloseTo(p, within(1e-12));
            assertThat(d.path("significant").asBoolean()).isTrue();
        }
        // Unpaired (B's folder without replications.csv) the same counts, 10 and 18 of 200, are not significant:
        // z = 0.04 / sqrt(0.07 * 0.93 * 2 / 200) = 1.568.
        Path bare = folder("bare", 7, i -> result(1, 1000, i >= 1 && i < 19), false);
        JsonNode unpaired = JSON.readTree(compare(a, bare).json());
        JsonNode d = diff(unpaired, "probabilityOfDataLoss");
        assertThat(d.path("test").asText()).isEqualTo("two-proportion z-test");
        assertThat(d.path("z").asDouble()).isCloseTo(0.04 / Math.sqrt(0.07 * 0.93 * 2 / 200), within(1e-12));
        assertThat(d.path("significant").asBoolean()).isFalse();
        assertThat(d.path("why").asText()).isEqualTo("unpaired: B's folder has no replications.csv (written for runs"
                + " of at most 10,000 replications)");
        assertThat(unpaired.path("runs").get(1).path("replicationValues").asBoolean()).isFalse();
    }

    @Test
    void oneReplayFolderComparesItsVariantsPaired() throws IOException {
        double[][] v = base();
        Path replay = Files.createDirectories(dir.resolve("replay"));
        Files.writeString(replay.resolve("replay.json"), "{}");
        Path variants = Files.createDirectories(replay.resolve("variants"));
        Files.move(folder("as-it-happened", 2008, i -> result(v[i][0], v[i][1], i % 9 == 0), true),
                variants.resolve("as-it-happened"));
        Files.move(folder("raid6", 2008, i -> result(v[i][0], v[i][1] + 10, false), true), variants.resolve("raid6"));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new org.mailsim.cli.CompareCommand());
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(err));
        int exit = cli.execute(replay.toString(), "--out", dir.resolve("cmp").toString());
        assertThat(exit).as(err.toString()).isZero();
        JsonNode json = JSON.readTree(dir.resolve("cmp").resolve("compare.json").toFile());
        assertThat(json.path("runs").get(1).path("comparedWithFirst").path("test").asText())
                .isEqualTo("paired: common random numbers, 200 pairs");
        assertThat(diff(json, "totalCost").path("verdict").asText())
                .isEqualTo("significant (the same difference in every replication)");
        JsonNode loss = diff(json, "probabilityOfDataLoss");
        assertThat(loss.path("onlyFirst").asLong()).isEqualTo(23); // replications 0, 9, ..., 198
        assertThat(loss.path("onlyThis").asLong()).isZero();
    }

    @Test
    void everyFieldOfCompareJsonIsDocumented() throws IOException {
        double[][] v = base();
        Path a = folder("a", 7, i -> result(v[i][0], v[i][1], i % 9 == 0), true);
        Path b = folder("b", 7, i -> result(v[i][0] + 1, v[i][1], i % 7 == 0), true);
        Set<String> fields = new TreeSet<>();
        collect(JSON.readTree(compare(a, b).json()), fields);
        Path doc = Path.of("..", "docs", "json-contract.md");
        String text = Files.readString(Files.exists(doc) ? doc : Path.of("docs", "json-contract.md"));
        List<String> missing = fields.stream().filter(f -> !text.contains("`" + f + "`")).toList();
        assertThat(missing).as("compare.json fields not in docs/json-contract.md").isEmpty();
    }

    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                fields.add(f);
                collect(node.get(f), fields);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, fields));
        }
    }
}
