package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code mailsim fit} on the shipped data: Backblaze Drive Stats (via zachmayer/backblaze_analysis) and OLCF
 * Campaign events (DOI 10.13139/OLCF/2446874).
 */
class FitCommandTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static String resource(String name) throws URISyntaxException {
        return Path.of(FitCommandTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void countsTablePrintsAParsableLifetimeBlock() throws Exception {
        Run r = run("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--model", "st4000dm000");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("2.59 [2.52, 2.66]").contains("not identifiable");
        String block = Arrays.stream(r.out().split("\\R")).filter(l -> l.startsWith("lifetime:")).findFirst()
                .orElseThrow();
        assertThat(block).isEqualTo("lifetime: {distribution: exponential, mean: 3.38e5h}");
        JsonNode parsed = YAML.readTree(block).get("lifetime");
        assertThat(parsed.get("distribution").asText()).isEqualTo("exponential");
        assertThat(parsed.get("mean").asText()).isEqualTo("3.38e5h");
    }

    @Test
    void eventsYamlParsesAndPrefersWeibull() throws Exception {
        Run r = run("fit", resource("olcf-campaign-disk-events-2021-2023.csv"), "--where", "Action=replacement",
                "--fleet-size", "10000", "--format", "yaml");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        JsonNode doc = YAML.readTree(r.out());
        assertThat(doc.get("events").asInt()).isEqualTo(247);
        assertThat(doc.get("preferred").asText()).isEqualTo("weibull");
        JsonNode between = doc.get("timeBetweenFailures");
        assertThat(between.get("distribution").asText()).isEqualTo("weibull");
        assertThat(between.get("shape").asDouble()).isBetween(doc.at("/weibull/shape/ci95Low").asDouble(),
                doc.at("/weibull/shape/ci95High").asDouble());
        assertThat(between.get("scale").asText()).endsWith("h");
        assertThat(doc.at("/lifetime/distribution").asText()).isEqualTo("exponential");
        // 10,000 disks x the mean gap (77.5 h) = 7.75e5 h.
        assertThat(doc.at("/lifetime/mean").asText()).isEqualTo("7.75e5h");
        assertThat(doc.at("/bursts/followers").asInt()).isEqualTo(51);
    }

    @Test
    void jsonOfPooledCounts() throws Exception {
        Run r = run("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.at("/fit/failures").asLong()).isEqualTo(21_512);
        assertThat(doc.at("/fit/afrPerDriveYear/estimate").asDouble()).isEqualTo(21_512 * 365.0 / 464_594_613.0);
        assertThat(doc.get("models")).hasSize(81);
        assertThat(doc.at("/weibull/identifiable").asBoolean(true)).isFalse();
    }

    @Test
    void badInputExitsTwoWithPositionAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "model,drive_days,failed\nst1,100,2\nst2,lots,3\n");
        Run r = run("fit", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("bad.csv:3: column 'drive_days': expected a non-negative number, got 'lots'")
                .doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(run("fit", dir.resolve("missing.csv").toString()).exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        Run none = run("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--model", "nosuchdrive");
        assertThat(none.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(none.err()).contains("no model matches model nosuchdrive (81 models in the file)");
        assertThat(run("fit", resource("olcf-campaign-disk-events-2021-2023.csv"), "--burst-window", "soon").exit())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
        Path neither = dir.resolve("neither.csv");
        Files.writeString(neither, "a,b\n1,2\n");
        Run unknown = run("fit", neither.toString());
        assertThat(unknown.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("cannot tell the kind of data");
    }
}
