package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailsim.report.sweep.SweepCharts;
import org.mailsim.run.Metric;
import org.mailsim.stats.MetricSummary;
import org.mailsim.stats.Proportions;
import org.mailsim.sweep.ConfigurationRunner;
import org.mailsim.sweep.SweepPoint;
import org.mailsim.sweep.SweepState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mailsim sweep} end to end on a real scenario file, with a formula standing in for the simulation. */
class SweepCommandTest {
    private static final String SCENARIO = """
            name: raid-budget-test
            seed: 11
            replications: 40
            storage:
              raid:
                level: raid6
                width: 8
              disk:
                capacity: 4TB
                lifetime: {distribution: exponential, mean: 1000000h}
            sweep:
              storage.raid.width: [6, 8, 12]
              storage.spares.kind: [none, hot]
            """;

    @TempDir
    Path dir;

    /** Exit code, stdout and stderr of one invocation. */
    record Result(int exit, String out, String err) {
    }

    /** Cost up with width and spares, user-hours down with spares; P(loss) from a count out of the replications. */
    static SweepPoint formula(Map<String, String> overrides, List<String> sets) {
        int width = Integer.parseInt(overrides.get("storage.raid.width"));
        int spares = overrides.get("storage.spares.kind").equals("hot") ? 1 : 0;
        long replications = 40;
        for (String s : sets) {
            if (s.startsWith("replications=")) {
                replications = Long.parseLong(s.substring(13));
            }
        }
        double cost = 1000.0 * width / 3 + 300.0 * spares / 7;
        double userHours = width * 10.0 / 7 / (1 + spares);
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric m : Metric.values()) {
            double mean = m == Metric.TOTAL_COST ? cost : m == Metric.USER_HOURS_UNAVAILABLE ? userHours : width / 9.0;
            metrics.put(m, new MetricSummary(replications, mean, mean * 0.9, mean * 1.1, mean, mean, mean, mean));
        }
        long losses = Math.max(0, width - 6 - 2 * spares);
        org.mailsim.stats.Estimate p = Proportions.probability(losses, replications);
        return new SweepPoint(metrics, p, Proportions.meanTimeFromExposure(87_600.0 * replications, losses),
                replications, Map.of(org.mailsim.run.Severity.ARRAY_LOSS, p, org.mailsim.run.Severity.SECTOR_LOSS, p,
                        org.mailsim.run.Severity.OUTAGE, p), new org.mailsim.run.RunExtent(87_600, false, 40, 5_120));
    }

    private Result run(SweepCommand.RunnerFactory factory, String... args) {
        CommandLine cli = new CommandLine(factory == null ? new SweepCommand() : new SweepCommand(factory));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static SweepCommand.RunnerFactory formulaRunners(AtomicInteger calls, int failAfter) {
        return (file, sets, threads) -> (ConfigurationRunner) overrides -> {
            if (failAfter >= 0 && calls.get() >= failAfter) {
                throw new IllegalStateException("simulated crash");
            }
            calls.incrementAndGet();
            return formula(overrides, sets);
        };
    }

    private Path scenario(String text) throws IOException {
        Path file = dir.resolve("budget.yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void runsTheGridAndWritesTableChartsAndSummary() throws IOException {
        Path file = scenario(SCENARIO);
        Path out = dir.resolve("out");
        AtomicInteger calls = new AtomicInteger();
        Result r = run(formulaRunners(calls, -1), file.toString(), "--out", out.toString(), "--threads", "1",
                "--target", "userHoursUnavailable <= 9 and probabilityOfDataLoss <= 0.1");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(calls.get()).isEqualTo(6);
        // One progress line per configuration on stderr, in grid order.
        assertThat(r.err().lines().filter(l -> l.startsWith("[")).toList()).hasSize(6)
                .first().asString().startsWith("[1/6] c0000-").contains("storage.raid.width=6 storage.spares.kind=none");
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertThat(csv).hasSize(7);
        assertThat(csv.get(0)).startsWith("configuration,storage.raid.width,storage.spares.kind,replications [replications],"
                + "totalCost.mean [USD],");
        // userHours <= 9: w6 s0 8.57, w6 s1, w8 s1, w12 s1; P(loss) <= 0.1: losses w - 6 - 2s = 0, 0, 0, 2 of 40
        // (0.05). The cheapest: w6 s0 (2000).
        assertThat(r.out()).contains("Cheapest meeting userHoursUnavailable <= 9.0 and probabilityOfDataLoss <= 0.1: "
                + "c0000-");
        assertThat(csv.get(1)).endsWith(",true,true");
        for (String chart : List.of(SweepCharts.USER_HOURS_FILE, SweepCharts.LOSS_FILE)) {
            byte[] png = Files.readAllBytes(out.resolve(chart));
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        }
        assertThat(Files.readString(out.resolve("sweep-summary.txt"))).contains("Pareto front")
                .contains("seed 11, 40 replications per configuration");
    }

    @Test
    void costColumnsAreHeadedWithTheScenariosCurrency() throws IOException {
        Path file = scenario(SCENARIO.replace("sweep:", "costs: {currency: EUR}\nsweep:"));
        Path out = dir.resolve("out");
        Result r = run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        String header = Files.readAllLines(out.resolve("sweep.csv")).get(0);
        assertThat(header).contains(",totalCost.mean [EUR],", ",costPerUsableTerabytePerYear.estimate [EUR/TB/y],")
                .doesNotContain("USD");
    }

    @Test
    void killedSweepResumesToAByteIdenticalTable() throws IOException {
        Path file = scenario(SCENARIO);
        Path reference = dir.resolve("reference");
        assertThat(run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", reference.toString())
                .exit()).isEqualTo(0);

        Path out = dir.resolve("out");
        Result killed = run(formulaRunners(new AtomicInteger(), 4), file.toString(), "--out", out.toString());
        assertThat(killed.exit()).isEqualTo(1);
        assertThat(killed.err()).contains("configuration c0004-").contains("simulated crash")
                .contains("run the same command again to resume").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.resolve("sweep.csv")).doesNotExist();

        AtomicInteger calls = new AtomicInteger();
        Result resumed = run(formulaRunners(calls, -1), file.toString(), "--out", out.toString(), "--threads", "3");
        assertThat(resumed.exit()).as(resumed.err()).isEqualTo(0);
        assertThat(resumed.err()).contains("resuming: 4 of 6 configurations already finished");
        assertThat(calls.get()).isEqualTo(2);
        assertThat(Files.readAllBytes(out.resolve("sweep.csv")))
                .isEqualTo(Files.readAllBytes(reference.resolve("sweep.csv")));
    }

    @Test
    void shardsRunEveryNthConfigurationAndTheirGatheredStateGivesTheWholeTable() throws IOException {
        Path file = scenario(SCENARIO);
        Path reference = dir.resolve("reference");
        assertThat(run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", reference.toString())
                .exit()).isEqualTo(0);

        Path gathered = dir.resolve("gathered").resolve(SweepState.FOLDER);
        Files.createDirectories(gathered);
        for (int i = 0; i < 4; i++) {
            Path out = dir.resolve("shard-" + i);
            AtomicInteger calls = new AtomicInteger();
            Result r = run(formulaRunners(calls, -1), file.toString(), "--out", out.toString(), "--shard", i + "/4");
            assertThat(r.exit()).as(r.err()).isEqualTo(0);
            // 6 configurations over 4 shards: c0, c4 | c1, c5 | c2 | c3.
            assertThat(calls.get()).isEqualTo(i < 2 ? 2 : 1);
            assertThat(r.err().lines().filter(l -> l.startsWith("[")).map(l -> l.substring(l.indexOf(' ') + 1,
                    l.indexOf(' ') + 6)).toList()).isEqualTo(i == 0 ? List.of("c0000", "c0004")
                            : i == 1 ? List.of("c0001", "c0005") : List.of("c000" + i));
            assertThat(r.out()).contains("shard " + i + "/4: " + calls.get() + " of the sweep's 6 configurations");
            assertThat(out.resolve("sweep.csv")).doesNotExist();
            try (var states = Files.list(out.resolve(SweepState.FOLDER))) {
                for (Path state : states.toList()) {
                    Files.copy(state, gathered.resolve(state.getFileName()));
                }
            }
        }
        // A shard run again finds its configurations finished.
        AtomicInteger again = new AtomicInteger();
        Result rerun = run(formulaRunners(again, -1), file.toString(), "--out", dir.resolve("shard-1").toString(),
                "--shard", "1/4");
        assertThat(rerun.exit()).isEqualTo(0);
        assertThat(again.get()).isZero();
        assertThat(rerun.err()).contains("resuming: 2 of this shard's 2 configurations already finished");

        AtomicInteger calls = new AtomicInteger();
        Result whole = run(formulaRunners(calls, -1), file.toString(), "--out", gathered.getParent().toString());
        assertThat(whole.exit()).as(whole.err()).isEqualTo(0);
        assertThat(calls.get()).isZero();
        assertThat(Files.readAllBytes(gathered.getParent().resolve("sweep.csv")))
                .isEqualTo(Files.readAllBytes(reference.resolve("sweep.csv")));

        Result tooMany = run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out",
                dir.resolve("x").toString(), "--shard", "0/7");
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--shard 0/7: the sweep has only 6 configurations");
        Result malformed = run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out",
                dir.resolve("x").toString(), "--shard", "4");
        assertThat(malformed.exit()).isEqualTo(2);
        assertThat(malformed.err()).contains("Invalid value for option '--shard': expected I/N");
    }

    @Test
    void stateOfADifferentSweepIsRefusedWithExitTwo() throws IOException {
        Path file = scenario(SCENARIO);
        Path out = dir.resolve("out");
        assertThat(run(formulaRunners(new AtomicInteger(), 2), file.toString(), "--out", out.toString()).exit())
                .isEqualTo(1);
        Result otherSeed = run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", out.toString(),
                "--seed", "12");
        assertThat(otherSeed.exit()).isEqualTo(2);
        assertThat(otherSeed.err()).contains("holds the results of a different sweep").contains("seed 11 there, 12 now");
        Result otherSet = run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", out.toString(),
                "--set", "storage.disk.capacity=8TB");
        assertThat(otherSet.exit()).isEqualTo(2);
        assertThat(otherSet.err()).contains("the scenario (or its --set values) changed");
        // Comments and the sweep block's own values do not change the sweep's identity.
        Path edited = scenario("# a comment\n" + SCENARIO.replace("[6, 8, 12]", "[6, 8, 12, 16]"));
        AtomicInteger calls = new AtomicInteger();
        Result extended = run(formulaRunners(calls, -1), edited.toString(), "--out", out.toString());
        assertThat(extended.exit()).as(extended.err()).isEqualTo(0);
        assertThat(calls.get()).isEqualTo(6); // 8 configurations, 2 finished before
        assertThat(Files.list(out.resolve(SweepState.FOLDER)).count()).isEqualTo(8);
    }

    @Test
    void invalidInputExitsTwoWithoutStackTraces() throws IOException {
        Path file = scenario(SCENARIO);
        String o = dir.resolve("out").toString();
        List<Result> results = new ArrayList<>();
        results.add(run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", o, "--target", "uptime >= 1"));
        results.add(run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", o, "--set",
                "storage.spares.kind=cold"));
        results.add(run(formulaRunners(new AtomicInteger(), -1), dir.resolve("missing.yaml").toString(), "--out", o));
        results.add(run(formulaRunners(new AtomicInteger(), -1), scenario(SCENARIO.substring(0,
                SCENARIO.indexOf("sweep:"))).toString(), "--out", o));
        results.add(run(formulaRunners(new AtomicInteger(), -1), scenario(SCENARIO.replace("[6, 8, 12]",
                "[6, 8, 0]")).toString(), "--out", o));
        results.add(run(formulaRunners(new AtomicInteger(), -1), file.toString(), "--out", o, "--replications", "0"));
        results.add(run(formulaRunners(new AtomicInteger(), -1), file.toString()));
        // Costs in two currencies cannot share a table (nor sweep.csv's "[USD]" headers).
        results.add(run(formulaRunners(new AtomicInteger(), -1), scenario(SCENARIO.replace("  storage.spares.kind:",
                "  costs.currency: [USD, EUR]\n  storage.spares.kind:")).toString(), "--out", o));
        List<String> expected = List.of("unknown quantity 'uptime'", "conflicts with the swept key storage.spares.kind",
                "missing.yaml", "no sweep: block", "storage.raid.width", "at least 1", "--out",
                "prices in EUR, the scenario in USD: a sweep compares costs in one currency");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            assertThat(r.exit()).as("case %d: %s", i, r.err()).isEqualTo(2);
            assertThat(r.err()).as("case %d", i).contains(expected.get(i)).doesNotContain("\tat ");
        }
        assertThat(Files.exists(dir.resolve("out").resolve("sweep.csv"))).isFalse();
    }

    @Test
    void registeredInMainAndRunsTheRealModel() throws IOException {
        Path file = scenario(SCENARIO.replace("  storage.spares.kind: [none, hot]\n", ""));
        assertThat(Main.commandLine().getSubcommands()).containsKey("sweep");
        Result r = run(null, file.toString(), "--out", dir.resolve("out").toString(), "--replications", "3",
                "--threads", "2");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        List<String> rows = Files.readAllLines(dir.resolve("out").resolve("sweep.csv"));
        assertThat(rows).hasSize(4); // header and one row per RAID-6 width
    }
}
