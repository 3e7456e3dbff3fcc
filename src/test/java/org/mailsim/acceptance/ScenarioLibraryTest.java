package org.mailsim.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario library (scenarios/, recursively): every file validates with {@code mailsim validate} (which also
 * binds it to the model), is commented, names itself uniquely (report folders never collide), and runs with
 * {@code --replications 2 --format json}, printing exactly one JSON document of the docs/json-contract.md contract.
 */
class ScenarioLibraryTest {
    static final Path LIBRARY = MalformedScenarioTest.ROOT.resolve("scenarios").toAbsolutePath().normalize();

    static List<Path> library() throws IOException {
        try (Stream<Path> files = Files.walk(LIBRARY)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void libraryHoldsTheRequiredScenarios() throws IOException {
        assertThat(library()).extracting(p -> LIBRARY.relativize(p).toString().replace('\\', '/'))
                .contains("portal-baseline.yaml", "raid-comparison.yaml", "raid-comparison/raid5.yaml",
                        "raid-comparison/raid6.yaml", "raid-comparison/raid10.yaml", "elerath-pecht-2009.yaml",
                        "bigger-disks.yaml", "datacenter-move.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void validatesAndIsCommented(Path file) throws IOException {
        MalformedScenarioTest.Result r = MalformedScenarioTest.inProcess("validate", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(file + ": ok" + System.lineSeparator());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text.lines().filter(l -> l.strip().startsWith("#")).count())
                .as("a library scenario says why its numbers are what they are").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void runsAndPrintsTheJsonContract(Path file, @TempDir Path out) throws IOException {
        MalformedScenarioTest.Result r = MalformedScenarioTest.inProcess("run", file.toString(), "--replications",
                "2", "--threads", "2", "--format", "json", "--quiet", "--out", out.resolve("report").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.path("scenario").asText()).isEqualTo(name(file));
        assertThat(doc.path("replications").asInt()).isEqualTo(2);
        assertThat(doc.path("horizonHours").asDouble()).isPositive();
        for (String field : List.of("metrics", "probabilityOfDataLoss", "mttdlHours", "lossByCause", "incidents",
                "cost")) {
            assertThat(doc.has(field)).as(field).isTrue();
        }
        for (String metric : List.of("diskFailures", "dataLossEvents", "mailsLost", "bytesLost", "usersWithLoss",
                "userHoursUnavailable", "mailsDeferred", "mailsBounced", "hoursToRestoreService",
                "hoursToFullRecovery", "totalCost")) {
            JsonNode m = doc.path("metrics").path(metric);
            for (String stat : List.of("mean", "ci95Low", "ci95High", "p50", "p95", "p99", "max")) {
                assertThat(m.has(stat)).as(metric + "." + stat).isTrue();
            }
        }
        // Every scenario of the library has disks that fail within its horizon.
        assertThat(doc.path("metrics").path("diskFailures").path("mean").asDouble()).isPositive();
    }

    @Test
    void namesAreUnique() throws IOException {
        List<String> names = library().stream().map(ScenarioLibraryTest::name).toList();
        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void wholeLibraryAsSubprocessWritesNothing(@TempDir Path workDir) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("validate"));
        for (Path p : library()) {
            args.add(p.toString());
        }
        MalformedScenarioTest.Result r = MalformedScenarioTest.subprocess(workDir, 60, args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.endsWith(": ok")).count()).isEqualTo(library().size());
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("files written by validate").isEmpty();
        }
    }

    private static String name(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("name:")).findFirst()
                    .map(l -> l.substring(5).strip()).orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
