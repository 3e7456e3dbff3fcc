package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run spread over machines as an engine would do it (a Slurm array, GNU parallel): the packaged command runs
 * {@code --shard I/3 --results-out part-I.jsonl} three times, in separate JVMs, with different thread counts, and
 * {@code mailsim merge} combines the parts (the Dreamwiz replay, with incidents, phases and a reported timeline;
 * the portal baseline, where no loss is seen, runs in-process to keep the suite quick). The merged report must be the one-machine run's, byte for byte: stdout
 * JSON, summary.json, summary.csv, incidents.csv and every chart; index.html differs only in its line of
 * thread count and wall-clock time. Parts of another run, or a missing or repeated shard, are refused with exit 2.
 */
class ShardedRunAcceptanceTest {
    static final Path SCENARIOS = MalformedScenarioTest.ROOT.resolve("scenarios").toAbsolutePath().normalize();
    static final String DREAMWIZ = SCENARIOS.resolve("dreamwiz-2008.yaml").toString();
    static final String REPLICATIONS = "7";

    @TempDir
    static Path work;

    static List<Path> dreamwizParts;

    /** The Dreamwiz replay's shards, shared by the refusal tests. */
    @BeforeAll
    static void shardDreamwiz() throws Exception {
        dreamwizParts = shards(DREAMWIZ, work.resolve("dreamwiz-parts"));
    }

    /**
     * The packaged jar in a JVM of its own, as an engine starts it on each machine; or in this JVM, which is
     * quicker (the version then reads "development", so a run and its merge must both be in-process or both not).
     */
    static MalformedScenarioTest.Result mailsim(boolean packaged, Path dir, String... args) throws Exception {
        return packaged ? MalformedScenarioTest.subprocess(dir, 120, args) : MalformedScenarioTest.inProcess(args);
    }

    static boolean packaged(String scenario) {
        return scenario.endsWith("dreamwiz-2008.yaml");
    }

    static List<Path> shards(String scenario, Path folder) throws Exception {
        Files.createDirectories(folder);
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path part = folder.resolve("part-" + i + ".jsonl");
            MalformedScenarioTest.Result r = mailsim(packaged(scenario), folder, "run", scenario,
                    "--replications", REPLICATIONS, "--threads", Integer.toString(1 + i % 2), "--quiet",
                    "--shard", i + "/3", "--results-out", part.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            parts.add(part);
        }
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("a shard writes its part and no report").containsExactly("part-0.jsonl", "part-1.jsonl",
                            "part-2.jsonl");
        }
        return parts;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dreamwiz-2008.yaml", "portal-baseline.yaml"})
    void threeShardsMergedGiveTheOneMachineReportByteForByte(String name) throws Exception {
        String scenario = SCENARIOS.resolve(name).toString();
        Path dir = Files.createDirectories(work.resolve(name));
        Path whole = dir.resolve("whole");
        MalformedScenarioTest.Result run = mailsim(packaged(scenario), dir, "run", scenario,
                "--replications", REPLICATIONS, "--format", "json", "--quiet", "--out", whole.toString(),
                "--results-out", dir.resolve("whole.jsonl").toString());
        assertThat(run.exit()).as(run.err()).isZero();

        List<Path> parts = name.startsWith("dreamwiz") ? dreamwizParts : shards(scenario, dir.resolve("parts"));
        Path merged = dir.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", scenario));
        // Any order: the merge orders the parts by the replications they hold.
        args.add(parts.get(2).toString());
        args.add(parts.get(0).toString());
        args.add(parts.get(1).toString());
        args.addAll(List.of("--replications", REPLICATIONS, "--format", "json", "--quiet", "--out",
                merged.toString()));
        MalformedScenarioTest.Result merge = mailsim(packaged(scenario), dir, args.toArray(String[]::new));
        assertThat(merge.exit()).as(merge.err()).isZero();
        assertThat(merge.out()).isEqualTo(run.out());
        assertSameReport(merged, whole);
        if (name.startsWith("dreamwiz")) {
            assertThat(merge.out()).contains("\"phases\"", "\"reportedTimeline\"");
        }

        // The one-machine run's own results file is a part too (shard 0/1): merged alone, the same report again.
        Path again = dir.resolve("again");
        MalformedScenarioTest.Result alone = mailsim(packaged(scenario), dir, "merge", scenario,
                dir.resolve("whole.jsonl").toString(), "--replications", REPLICATIONS, "--format", "json", "--quiet",
                "--out", again.toString());
        assertThat(alone.exit()).as(alone.err()).isZero();
        assertThat(alone.out()).isEqualTo(run.out());
        assertSameReport(again, whole);
    }

    private static void assertSameReport(Path actual, Path expected) throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(expected)) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        try (Stream<Path> list = Files.list(actual)) {
            assertThat(list.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(files);
        }
        assertThat(files).contains("summary.json", "summary.csv", "incidents.csv", "replications.csv", "index.html");
        for (String file : files) {
            if (file.equals("index.html")) {
                // The meta line states threads and wall-clock time: the merge's, not the run's.
                assertThat(withoutMeta(actual.resolve(file))).isEqualTo(withoutMeta(expected.resolve(file)));
            } else {
                assertThat(Files.readAllBytes(actual.resolve(file))).as(file)
                        .isEqualTo(Files.readAllBytes(expected.resolve(file)));
            }
        }
    }

    private static List<String> withoutMeta(Path html) throws IOException {
        return Files.readAllLines(html).stream().filter(l -> !l.startsWith("<p class=\"meta\">")).toList();
    }

    private static MalformedScenarioTest.Result merge(String scenario, Path out, Path... parts) {
        List<String> args = new ArrayList<>(List.of("merge", scenario));
        for (Path part : parts) {
            args.add(part.toString());
        }
        args.addAll(List.of("--replications", REPLICATIONS, "--quiet", "--out", out.toString()));
        return MalformedScenarioTest.inProcess(args.toArray(String[]::new));
    }

    private static void assertRefused(MalformedScenarioTest.Result r, Path out, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).as("no report for a refused merge").doesNotExist();
    }

    @Test
    void aMissingShardIsRefused() {
        Path out = work.resolve("refused-missing");
        MalformedScenarioTest.Result r = merge(DREAMWIZ, out, dreamwizParts.get(0), dreamwizParts.get(2));
        // 7 replications in 3 shards: 0..1, 2..3, 4..6.
        assertRefused(r, out, "mailsim merge: no part holds replications 2..3 (shard 1/3:");
    }

    @Test
    void aDuplicatedShardIsRefusedNamingBothFiles() throws IOException {
        Path out = work.resolve("refused-duplicate");
        Path copy = work.resolve("copy-of-part-1.jsonl");
        Files.copy(dreamwizParts.get(1), copy);
        MalformedScenarioTest.Result r = merge(DREAMWIZ, out, dreamwizParts.get(0), dreamwizParts.get(1), copy,
                dreamwizParts.get(2));
        assertRefused(r, out, copy + " (replications 2..3) and " + dreamwizParts.get(1) + " (replications 2..3) both "
                + "hold replications 2..3");
        MalformedScenarioTest.Result twice = merge(DREAMWIZ, out, dreamwizParts.get(0), dreamwizParts.get(1),
                dreamwizParts.get(1), dreamwizParts.get(2));
        assertRefused(twice, out, dreamwizParts.get(1) + " is given twice");
    }

    @Test
    void aPartOfAnotherSeedOrScenarioIsRefusedNamingIt() {
        Path otherSeed = work.resolve("seed-9.jsonl");
        MalformedScenarioTest.Result shard = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--replications",
                REPLICATIONS, "--seed", "9", "--quiet", "--shard", "1/3", "--results-out", otherSeed.toString());
        assertThat(shard.exit()).as(shard.err()).isZero();
        Path out = work.resolve("refused-other");
        assertRefused(merge(DREAMWIZ, out, dreamwizParts.get(0), otherSeed, dreamwizParts.get(2)), out,
                otherSeed + ": not a part of this run: seed 9 there, 2008 here");

        Path otherScenario = work.resolve("gmail.jsonl");
        shard = MalformedScenarioTest.inProcess("run", SCENARIOS.resolve("gmail-2011.yaml").toString(),
                "--replications", REPLICATIONS, "--quiet", "--shard", "1/3", "--results-out", otherScenario.toString());
        assertThat(shard.exit()).as(shard.err()).isZero();
        assertRefused(merge(DREAMWIZ, out, dreamwizParts.get(0), otherScenario, dreamwizParts.get(2)), out,
                otherScenario + ": not a part of this run: results of scenario 'gmail-2011', not 'dreamwiz-2008'");

        // Same name and seed, bound otherwise by a --set: the hash tells them apart.
        Path otherSet = work.resolve("width-9.jsonl");
        shard = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--replications", REPLICATIONS, "--set",
                "storage.raid.width=9", "--quiet", "--shard", "1/3", "--results-out", otherSet.toString());
        assertThat(shard.exit()).as(shard.err()).isZero();
        assertRefused(merge(DREAMWIZ, out, dreamwizParts.get(0), otherSet, dreamwizParts.get(2)), out,
                otherSet + ": not a part of this run: the scenario was bound differently there (run with --set "
                        + "storage.raid.width=9");
    }

    @Test
    void partsOfDifferentVersionsAreRefused() throws IOException {
        Path older = work.resolve("older.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(dreamwizParts.get(1)));
        lines.set(0, lines.get(0).replaceFirst("\"version\":\"[^\"]*\"", "\"version\":\"0.0.9\""));
        Files.write(older, lines);
        Path out = work.resolve("refused-version");
        assertRefused(merge(DREAMWIZ, out, dreamwizParts.get(0), older, dreamwizParts.get(2)), out,
                older + ": written by mailsim 0.0.9, but " + dreamwizParts.get(0) + " by mailsim ",
                "run every shard with one version");
    }

    @Test
    void shardOptionsAreChecked() {
        MalformedScenarioTest.Result noFile = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--shard", "0/2");
        assertThat(noFile.exit()).isEqualTo(2);
        assertThat(noFile.err()).contains("--shard needs --results-out FILE");
        MalformedScenarioTest.Result tooMany = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--replications", "2",
                "--shard", "0/3", "--results-out", work.resolve("x.jsonl").toString());
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--shard 0/3: the run has only 2 replications");
        MalformedScenarioTest.Result exists = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--replications",
                REPLICATIONS, "--shard", "0/3", "--results-out", dreamwizParts.get(0).toString());
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(exists.err()).contains(dreamwizParts.get(0) + ": already exists; choose another --results-out or "
                + "pass --force");
        assertThat(work.resolve("x.jsonl")).doesNotExist();
        // Refused before the run: the report would then refuse the folder the results were written into.
        Path report = work.resolve("report-with-part");
        MalformedScenarioTest.Result inside = MalformedScenarioTest.inProcess("run", DREAMWIZ, "--replications", "2",
                "--out", report.toString(), "--results-out", report.resolve("part.jsonl").toString());
        assertThat(inside.exit()).isEqualTo(2);
        assertThat(inside.err()).contains("lies inside the report folder");
        assertThat(report).doesNotExist();
    }

    @Test
    void aFolderGivenAsAPartIsRefusedNamingIt() throws IOException {
        Path out = work.resolve("refused-folder");
        Path folder = Files.createDirectories(work.resolve("not-a-part"));
        MalformedScenarioTest.Result r = merge(DREAMWIZ, out, dreamwizParts.get(0), folder, dreamwizParts.get(2));
        assertRefused(r, out, folder + ": is a folder, not a results file");
    }
}
