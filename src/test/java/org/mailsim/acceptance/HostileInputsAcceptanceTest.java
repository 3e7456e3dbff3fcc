package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailsim.acceptance.MalformedScenarioTest.subprocess;
import static org.mailsim.acceptance.MalformedScenarioTest.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile cases of a review of main (issue 17), each run through the packaged command: exit code, a message
 * naming the file (and line) or option, no stack trace, and nothing written, replaced or deleted that mailsim did not
 * write. Cases of a scenario's values are in the malformed corpus ({@link MalformedScenarioTest}) and in
 * HostileValuesTest (every schema key).
 */
class HostileInputsAcceptanceTest {
    private static final String SCENARIO = """
            name: hostile
            replications: 4
            horizon: 1y
            storage:
              groups: 2
              raid: {level: raid5, width: 4}
              disk:
                capacity: 1TB
                lifetime: {distribution: exponential, mean: 5y}
            """;

    @TempDir
    Path dir;

    private Path scenario() throws IOException {
        return Files.writeString(dir.resolve("hostile.yaml"), SCENARIO);
    }

    private static void refused(MalformedScenarioTest.Result r, String... fragments) {
        assertThat(r.exit()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains(fragments).doesNotContain("Exception", "\tat ");
    }

    @Test
    void resultsOutWithForceReplacesOnlyAResultsFileNeverTheScenarioAnotherFileOrADevice() throws Exception {
        Path file = scenario();
        Path notes = Files.writeString(dir.resolve("notes.txt"), "mine\n");
        Map<String, String> before = tree(dir);
        for (Path target : List.of(file, notes, Path.of("/dev/null"))) {
            refused(subprocess(dir, 60, "run", file.toString(), "--results-out", target.toString(), "--force",
                    "--no-report", "--quiet"), "--results-out " + target, "not replacing it, even with --force");
        }
        assertThat(tree(dir)).isEqualTo(before);
        assertThat(file).hasContent(SCENARIO.stripTrailing());
        // A results file mailsim wrote is replaced with --force.
        Path part = dir.resolve("part.jsonl");
        assertThat(subprocess(dir, 60, "run", file.toString(), "--results-out", part.toString(), "--no-report",
                "--quiet").exit()).isZero();
        assertThat(subprocess(dir, 60, "run", file.toString(), "--results-out", part.toString(), "--force",
                "--no-report", "--quiet", "--seed", "9").exit()).isZero();
        assertThat(Files.readAllLines(part).get(0)).contains("\"seed\":9");
    }

    @Test
    void forceNeverDeletesAFolderMerelyHoldingASummaryJson() throws Exception {
        Path file = scenario();
        Path lookalike = Files.createDirectories(dir.resolve("mine/sub"));
        Files.writeString(dir.resolve("mine/summary.json"), "{}");
        Files.writeString(lookalike.resolve("thesis.tex"), "years of work");
        Map<String, String> before = tree(dir);
        refused(subprocess(dir, 60, "run", file.toString(), "--out", dir.resolve("mine").toString(), "--force",
                "--quiet"), "is not a mailsim report folder", "not replacing it, even with --force");
        assertThat(tree(dir)).isEqualTo(before);
        // A report mailsim wrote carries its marker and is replaced with --force.
        Path report = dir.resolve("report");
        assertThat(subprocess(dir, 60, "run", file.toString(), "--out", report.toString(), "--quiet").exit()).isZero();
        assertThat(report.resolve(".mailsim-report")).hasContent("mailsim-report 1");
        assertThat(subprocess(dir, 60, "run", file.toString(), "--out", report.toString(), "--force", "--quiet")
                .exit()).isZero();
    }

    @Test
    void mergeRefusesAnEditedOrNegativeValueAndAnotherSeedsBodyNamingThePart() throws Exception {
        Path file = scenario();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path other = dir.resolve("other.jsonl");
        assertThat(subprocess(dir, 60, "run", file.toString(), "--shard", "0/2", "--results-out", a.toString(),
                "--quiet").exit()).isZero();
        assertThat(subprocess(dir, 60, "run", file.toString(), "--shard", "1/2", "--results-out", b.toString(),
                "--quiet").exit()).isZero();
        assertThat(subprocess(dir, 60, "run", file.toString(), "--shard", "1/2", "--results-out", other.toString(),
                "--seed", "2", "--quiet").exit()).isZero();
        List<String> lines = Files.readAllLines(b);
        List<String> edited = new ArrayList<>(lines);
        edited.set(1, lines.get(1).replaceFirst("\"diskFailures\":[0-9.E-]+", "\"diskFailures\":-33000000"));
        assertThat(edited.get(1)).isNotEqualTo(lines.get(1));
        Path negative = Files.write(dir.resolve("negative.jsonl"), edited);
        List<String> spliced = new ArrayList<>(Files.readAllLines(other));
        spliced.set(0, lines.get(0));
        Path mixed = Files.write(dir.resolve("spliced.jsonl"), spliced);
        Map<String, String> before = tree(dir);
        for (Path damaged : List.of(negative, mixed)) {
            refused(subprocess(dir, 60, "merge", file.toString(), a.toString(), damaged.toString(), "--no-report",
                    "--quiet"), damaged + ": damaged: its checksum does not match its content");
        }
        assertThat(tree(dir)).isEqualTo(before);
        assertThat(subprocess(dir, 60, "merge", file.toString(), a.toString(), b.toString(), "--no-report",
                "--quiet").exit()).isZero();
    }

    @Test
    void devicesAndFifosAreRefusedAsScenarioBaseFitInputAndPart() throws Exception {
        Path file = scenario();
        Path fifo = dir.resolve("fifo.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        Path base = Files.writeString(dir.resolve("child.yaml"), "extends: fifo.yaml\nname: child\n");
        refused(subprocess(dir, 20, "validate", "/dev/zero"), "/dev/zero:1:1: is not a regular file");
        refused(subprocess(dir, 20, "validate", fifo.toString()), fifo + ":1:1: is not a regular file");
        refused(subprocess(dir, 20, "validate", base.toString()), "fifo.yaml:1:1: is not a regular file");
        refused(subprocess(dir, 20, "fit", "/dev/urandom"), "/dev/urandom: is not a regular file");
        refused(subprocess(dir, 20, "merge", file.toString(), "/dev/zero", "--no-report"),
                "/dev/zero: is not a regular file");
    }

    @Test
    void extendsNeverEchoesAFileOutsideTheScenarioTree() throws Exception {
        Path child = Files.writeString(dir.resolve("child.yaml"), "name: child\nextends: /etc/passwd\n");
        MalformedScenarioTest.Result r = subprocess(dir, 20, "validate", child.toString());
        refused(r, child + ":2:10: extends:", "absolute path");
        assertThat(r.err()).doesNotContain("root:");
        // A YAML file that is not a scenario, inside the tree: a short, escaped excerpt at most.
        Path text = Files.writeString(dir.resolve("secrets.yaml"), "token-" + "x".repeat(5000) + "\n");
        Path other = Files.writeString(dir.resolve("other.yaml"), "name: other\nextends: secrets.yaml\n");
        r = subprocess(dir, 20, "validate", other.toString());
        refused(r, "secrets.yaml:1:1:", "(5006 characters)");
        assertThat(r.err().length()).isLessThan(1000);
        // A binary file: its bad byte located, nothing echoed.
        byte[] binary = new byte[200_000];
        new java.util.Random(1).nextBytes(binary);
        binary[0] = 'n';
        binary[1] = '\n';
        binary[2] = (byte) 0xff;
        Path bin = Files.write(dir.resolve("binary.yaml"), binary);
        r = subprocess(dir, 20, "validate", bin.toString());
        refused(r, bin + ":2:1: byte 0xff is not UTF-8 text");
        assertThat(r.err().length()).isLessThan(1000);
    }

    @Test
    void encodingErrorsAreLocatedAtTheirLine() throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, (SCENARIO + "description: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        refused(subprocess(dir, 20, "validate", latin1.toString()), latin1 + ":10:17: byte 0xe9 is not UTF-8");
    }

    @Test
    void runawayAndOversizedRunsAreRefusedUpFront() throws Exception {
        Path file = scenario();
        Map<String, String> before = tree(dir);
        refused(subprocess(dir, 20, "run", file.toString(), "--threads", "100000", "--no-report"),
                "--threads", "accepted: 1 ..");
        // 10 million groups of 64 disks: about 100 GB a replication, beyond any default heap.
        refused(subprocess(dir, 20, "run", file.toString(), "--set", "storage.groups=10000000", "--set",
                "storage.raid.width=64", "--no-report"), "the run needs about", "but the Java heap holds",
                "raise the heap");
        refused(subprocess(dir, 20, "run", file.toString(), "--out", "/", "--force"),
                "the root folder cannot be a report folder");
        refused(subprocess(dir, 20, "run", file.toString(), "--out", file.resolve("x").toString()),
                "is a file, not a folder");
        assertThat(tree(dir)).isEqualTo(before);
        // The event budget is an option: a replication that needs more stops with a clear message, exit 1.
        MalformedScenarioTest.Result r = subprocess(dir, 60, "run", file.toString(), "--max-events", "3",
                "--set", "storage.groups=50", "--no-report", "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("event budget of 3 events exhausted").doesNotContain("\tat ");
    }

    @Test
    void theEventBudgetIsAScenarioKeyThatMaxEventsOverridesAndChangesNoResult() throws Exception {
        Path file = Files.writeString(dir.resolve("budget.yaml"), SCENARIO + "maxEvents: 3\n");
        Map<String, String> before = tree(dir);
        refused(subprocess(dir, 20, "run", file.toString(), "--max-events", "0", "--no-report"),
                "--max-events 0: accepted: a whole number, 1 .. 1000000000000000");
        refused(subprocess(dir, 20, "run", file.toString(), "--set", "maxEvents=-5", "--no-report"),
                "--set maxEvents=-5: maxEvents:", "below the minimum 1");
        assertThat(tree(dir)).isEqualTo(before);
        // maxEvents: 3 in the file: the first replication stops, naming how to raise the budget.
        MalformedScenarioTest.Result r = subprocess(dir, 60, "run", file.toString(), "--no-report", "--quiet");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("mailsim: replication 0: event budget of 3 events exhausted")
                .contains("scenario key maxEvents", "--max-events").doesNotContain("\tat ");
        // --max-events wins over the file, and the budget is no part of a run's identity: a shard run with a
        // budget of its own merges with one run with the file's, into the whole run's figures.
        MalformedScenarioTest.Result whole = subprocess(dir, 60, "run", file.toString(), "--max-events",
                "1000000", "--no-report", "--quiet", "--format", "json");
        assertThat(whole.exit()).as(whole.err()).isZero();
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertThat(subprocess(dir, 60, "run", file.toString(), "--shard", "0/2", "--results-out", a.toString(),
                "--max-events", "1000000", "--quiet").exit()).isZero();
        assertThat(subprocess(dir, 60, "run", file.toString(), "--shard", "1/2", "--results-out", b.toString(),
                "--set", "maxEvents=2000000", "--quiet").exit()).isZero();
        MalformedScenarioTest.Result merged = subprocess(dir, 60, "merge", file.toString(), a.toString(),
                b.toString(), "--no-report", "--format", "json");
        assertThat(merged.exit()).as(merged.err()).isZero();
        assertThat(metrics(merged.out())).isEqualTo(metrics(whole.out())).contains("diskFailures");
    }

    /** The figures of a run's JSON (its metrics object), without the fields that name how it was run. */
    private static String metrics(String json) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("metrics").toString();
    }

    @Test
    void defaultReportFoldersOfRunsInTheSameSecondDoNotCollide() throws Exception {
        Path file = scenario();
        for (int i = 0; i < 3; i++) {
            assertThat(subprocess(dir, 60, "run", file.toString(), "--quiet").exit()).isZero();
        }
        try (var reports = Files.list(dir.resolve("reports"))) {
            assertThat(reports.filter(p -> Files.isRegularFile(p.resolve(".mailsim-report")))).hasSize(3);
        }
    }

    @Test
    void helpOfEveryCommandExitsZero() throws Exception {
        for (String command : List.of("validate", "bench", "run", "merge", "sweep", "replay", "fit")) {
            MalformedScenarioTest.Result r = subprocess(dir, 20, command, "--help");
            assertThat(r.exit()).as(command + " --help: " + r.err()).isZero();
            assertThat(r.out()).startsWith("Usage: mailsim " + command);
        }
    }
}
