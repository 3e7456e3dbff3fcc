package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known-answer tests, in the manner of Commons RNG's: a fixed scenario and seed must print exactly the output pinned
 * in {@code src/test/resources/golden}. Tolerance tests pass when a change reorders random draws or alters a rule;
 * these do not, so every change to published numbers is seen and must be made on purpose.
 *
 * <p>When a change alters results deliberately, regenerate the files with {@code src/test/regenerate-golden.sh}
 * (it runs this test with {@code -Dgolden.update=true}) and say in the commit message why the numbers moved.
 *
 * <p>The cases cover the three kinds of run and the sweep: storage only (the Elerath-Pecht fleet), a portal with
 * users, traffic and backups (the baseline on RAID 5, so that losses and restores happen), an outage replay with
 * its what-ifs (Dreamwiz 2008) and a budget sweep (its table and summary). They run in-process, so the version reads
 * "development" and the files do not change with each release; with two threads, so thread-independence is pinned
 * too (other tests compare thread counts directly).
 */
class GoldenOutputTest {
    static final Path GOLDEN = MalformedScenarioTest.ROOT.resolve("src/test/resources/golden").toAbsolutePath()
            .normalize();
    static final Path SCENARIOS = MalformedScenarioTest.ROOT.resolve("scenarios").toAbsolutePath().normalize();
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path work;

    /** A pinned case: the arguments, and which outputs to compare (stdout and files of the output folder). */
    record Case(String name, List<String> args, List<String> files) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        String s = SCENARIOS.toString();
        return Stream.of(
                new Case("storage-elerath-pecht", List.of("run", s + "/elerath-pecht-2009.yaml",
                        "--replications", "4", "--threads", "2", "--format", "json", "--no-report", "--quiet"),
                        List.of()),
                new Case("portal-raid5-backups", List.of("run", s + "/portal-baseline.yaml",
                        "--replications", "4", "--threads", "2", "--set", "storage.raid.level=raid5",
                        "--format", "json", "--no-report", "--quiet"), List.of()),
                new Case("replay-dreamwiz-2008", List.of("replay", "dreamwiz-2008", "--scenarios", s,
                        "--replications", "3", "--threads", "2", "--format", "json", "--quiet", "--out", "OUT"),
                        List.of()),
                new Case("sweep-raid-budget", List.of("sweep", s + "/raid-budget-sweep.yaml",
                        "--replications", "2", "--threads", "2", "--out", "OUT"),
                        List.of("sweep.csv", "sweep-summary.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsExactlyThePinnedOne(Case c) throws IOException {
        Path out = work.resolve("out");
        List<String> args = new ArrayList<>();
        for (String a : c.args()) {
            args.add(a.equals("OUT") ? out.toString() : a);
        }
        MalformedScenarioTest.Result r = MalformedScenarioTest.inProcess(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();

        List<String[]> outputs = new ArrayList<>();   // {golden file name, actual text}
        if (c.files().isEmpty()) {
            outputs.add(new String[] {c.name() + ".json", r.out()});
        }
        for (String f : c.files()) {
            outputs.add(new String[] {c.name() + "." + f, Files.readString(out.resolve(f), StandardCharsets.UTF_8)});
        }
        for (String[] o : outputs) {
            check(GOLDEN.resolve(o[0]), o[1]);
        }
    }

    private static void check(Path golden, String actual) throws IOException {
        // Replays name their scenario files and command line; the checkout's location is not part of the result.
        actual = actual.replace(SCENARIOS.toString(), "<scenarios>");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail(golden + " is missing: run src/test/regenerate-golden.sh");
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail(golden.getFileName() + " differs from the pinned output at " + firstDifference(expected, actual)
                    + ".\nIf the change is deliberate, run src/test/regenerate-golden.sh and say why in the commit.");
        }
    }

    /** Where two texts first differ, as "line N" with both lines, so a failure reads without a diff tool. */
    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ":\n  pinned: " + el + "\n  now:    " + al;
            }
        }
        return "the end (line endings?)";
    }
}
