package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailsim fit} on the shipped data: Backblaze Drive Stats (via zachmayer/backblaze_analysis) and OLCF
 * Campaign events (DOI 10.13139/OLCF/2446874).
 */
class FitCommandTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The repository's root (tests run in the module's folder). */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /** A data file of sim-core's fit tests, not copied here. */
    static String coreData(String name) {
        return ROOT.resolve("sim-core/src/test/resources/org/mailsim/fit").resolve(name).toString();
    }

    static String resource(String name) throws URISyntaxException {
        return Path.of(FitCommandTest.class.getResource(name).toURI()).toString();
    }

    @Test
    void countsTablePrintsAParsableLifetimeBlock() throws Exception {
        CliRun r = CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--model", "st4000dm000");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("2.59 [2.52, 2.66]").contains("not identifiable")
                .contains("Recommendation: Plan with Seagate ST4000DM000's own rate");
        String block = Arrays.stream(r.out().split("\\R")).filter(l -> l.startsWith("lifetime:")).findFirst()
                .orElseThrow();
        assertThat(block).isEqualTo("lifetime: {distribution: exponential, mean: 3.38e5h}");
        JsonNode parsed = YAML.readTree(block).get("lifetime");
        assertThat(parsed.get("distribution").asText()).isEqualTo("exponential");
        assertThat(parsed.get("mean").asText()).isEqualTo("3.38e5h");
    }

    @Test
    void eventsYamlParsesAndPrefersWeibull() throws Exception {
        CliRun r = CliRun.of("fit", resource("olcf-campaign-disk-events-2021-2023.csv"), "--where", "Action=replacement",
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
        // The choice follows the likelihood-ratio test of shape 1, and the words say what the shape means.
        assertThat(doc.at("/shapeTest/pValue").asDouble()).isLessThan(0.05);
        assertThat(doc.at("/shapeTest/gStatistic").asDouble()).isCloseTo(
                doc.at("/aicAdvantageOfWeibull").asDouble() + 2, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(doc.at("/recommendation/text").asText()).startsWith("The failures are not a Poisson process")
                .contains("storage.correlated.aftershock");
    }

    @Test
    void jsonOfPooledCounts() throws Exception {
        CliRun r = CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        JsonNode doc = new ObjectMapper().readTree(r.out());
        // The file's 81 rows less the two whose model field names no model (st320005xxxx: 18 drives, 6,256
        // drive-days, 7 failures; 00md00: 2 drives, 12 drive-days, none).
        assertThat(doc.at("/fit/failures").asLong()).isEqualTo(21_505);
        assertThat(doc.at("/fit/afrPerDriveYear/estimate").asDouble())
                .isEqualTo(21_505 * 365.0 / (464_594_613.0 - 6_256 - 12));
        assertThat(doc.get("models")).hasSize(79);
        assertThat(doc.get("unidentified")).hasSize(2);
        assertThat(doc.at("/unidentified/0/field").asText()).isEqualTo("st320005xxxx");
        assertThat(doc.at("/unidentified/0/line").asInt()).isEqualTo(66);
        assertThat(doc.at("/other/modelNames")).hasSize(36);
        assertThat(doc.at("/weibull/identifiable").asBoolean(true)).isFalse();
        assertThat(doc.at("/recommendation/verdict").asText()).isEqualTo("perModel");
        assertThat(doc.has("lifetime")).isFalse();
        assertThat(doc.at("/lifetimes/0/model").asText()).isEqualTo("WDC WUH721816ALE6L4");
        assertThat(doc.at("/lifetimes/0/lifetime/mean").asText()).isEqualTo("2.73e6h");
    }

    @Test
    void defaultTableListsDriveModelsAndNeverRecommendsThePoolItsTestRejected() throws Exception {
        CliRun r = CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"));
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        List<String> lines = Arrays.asList(r.out().split("\\R"));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("model ")).findFirst().orElseThrow());
        List<String> rows = lines.subList(header + 1, lines.indexOf(""));
        assertThat(rows).hasSize(1 + 43 + 1);
        assertThat(rows.get(0)).startsWith("all selected ");
        assertThat(rows.get(rows.size() - 1)).startsWith("other (36 models) ");
        for (String row : rows.subList(1, rows.size() - 1)) {
            assertThat(row).matches("(Seagate|WDC|Toshiba) [A-Z][A-Z0-9]{4,} .*");
        }
        assertThat(r.out()).doesNotContain("00md00   ").doesNotContain("st320005xxxx   ")
                .contains("left out of every fit, no drive model named: 'st320005xxxx' (line 66")
                .contains("one rate for all 79 models? likelihood-ratio G = 11,832.0 on 78 df, p < 1e-15: no")
                .contains("Recommendation: Do not plan with one lifetime for these 79 models");
        // Every scenario line is a per-model one, with its model named; the pooled mean (5.18e5h) is not offered.
        List<String> blocks = lines.stream().filter(l -> l.startsWith("lifetime:")).toList();
        assertThat(blocks).hasSize(39).allMatch(l -> l.contains("# "));
        assertThat(r.out()).doesNotContain("5.18e5h");
        String st4000 = blocks.stream().filter(l -> l.contains("Seagate ST4000DM000")).findFirst().orElseThrow();
        assertThat(YAML.readTree(st4000.substring(0, st4000.indexOf('#'))).at("/lifetime/mean").asText())
                .isEqualTo("3.38e5h");

        CliRun pooled = CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--pooled");
        assertThat(pooled.out()).contains("# storage.disk.lifetime, fleet average of all models in "
                + "backblaze-survival-by-model-2024q2.csv (--pooled): the models differ")
                .contains("lifetime: {distribution: exponential, mean: 5.18e5h}");
    }

    @Test
    void readmeExampleIsWhatTheCommandPrints() throws Exception {
        Path readme = ROOT.resolve("README.md");
        String text = Files.readString(readme);
        int examples = 0;
        for (int marker = text.indexOf("<!-- fit-example"); marker >= 0;
                marker = text.indexOf("<!-- fit-example", marker + 1)) {
            checkExample(text, marker);
            examples++;
        }
        assertThat(examples).as("the README's fit examples").isEqualTo(2);
    }

    private static void checkExample(String text, int marker) throws Exception {
        int start = text.indexOf("```\n", marker) + 4;
        List<String> example = Arrays.asList(text.substring(start, text.indexOf("```", start)).split("\n"));
        String command = example.get(0);
        assertThat(command).startsWith("$ ./mailsim fit sim-core/src/test/resources/org/mailsim/fit/");
        List<String> args = new java.util.ArrayList<>(Arrays.asList(command.substring("$ ./mailsim ".length())
                .split(" ")));
        args.set(1, ROOT.resolve(args.get(1)).toString());
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        List<String> printed = Arrays.asList(r.out().split("\\R"));
        for (String line : example.subList(1, example.size())) {
            if (!line.equals("...")) {
                assertThat(printed).as("README line printed by " + command).contains(line);
            }
        }
    }

    @Test
    void perDriveLifetimesRecommendAWeibullWhereTheShapeTestRejectsTheExponential() throws Exception {
        // Synthetic drives (synthetic-drive-lifetimes.py): SYN8000A Weibull shape 1.5, scale 80,000 h;
        // SYN8000B exponential, mean 150,000 h.
        CliRun r = CliRun.of("fit", coreData("synthetic-drive-lifetimes.csv"));
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("1,600 drives, 221 failures")
                .contains("Recommendation: Do not plan with one lifetime for these 2 models")
                .contains("SYN8000A, Weibull shape 1.54 [1.33, 1.78] (hazard rising with age")
                .contains("SYN8000B, constant hazard");
        List<String> blocks = Arrays.stream(r.out().split("\\R")).filter(l -> l.startsWith("lifetime:")).toList();
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0)).startsWith("lifetime: {distribution: weibull, shape: 1.54, scale: 73400h}")
                .endsWith("# SYN8000A");
        assertThat(blocks.get(1)).startsWith("lifetime: {distribution: exponential, mean: 1.64e5h}")
                .endsWith("# SYN8000B");

        CliRun one = CliRun.of("fit", coreData("synthetic-drive-lifetimes.csv"), "--model", "syn8000a", "--format", "json");
        assertThat(one.exit()).as(one.err()).isEqualTo(Main.EXIT_OK);
        JsonNode doc = new ObjectMapper().readTree(one.out());
        assertThat(doc.get("kind").asText()).isEqualTo("lifetimes");
        assertThat(doc.at("/recommendation/verdict").asText()).isEqualTo("singleModel");
        assertThat(doc.at("/recommendation/text").asText()).contains("The hazard rises with age (wear-out)");
        assertThat(doc.at("/lifetime/distribution").asText()).isEqualTo("weibull");
        assertThat(1.5).isBetween(doc.at("/models/0/weibull/shape/ci95Low").asDouble(),
                doc.at("/models/0/weibull/shape/ci95High").asDouble());
        assertThat(80_000.0).isBetween(doc.at("/models/0/weibull/scaleHours/ci95Low").asDouble(),
                doc.at("/models/0/weibull/scaleHours/ci95High").asDouble());
        assertThat(doc.at("/models/0/shapeTest/pValue").asDouble()).isLessThan(0.05);

        assertThat(CliRun.of("fit", coreData("synthetic-drive-lifetimes.csv"), "--capacity", "8").exit())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
    }

    @Test
    void homogeneousModelsGetThePooledLifetime(@TempDir Path dir) throws Exception {
        // Two models with the same observed rate (10 failures in 365,000 drive-days each): G = 0.
        Path same = dir.resolve("same.csv");
        Files.writeString(same, "model,n_unique,drive_days,failed\nST8000DM002,1000,365000,10\n"
                + "WDC HUH728080ALE600,1000,365000,10\n");
        CliRun r = CliRun.of("fit", same.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        assertThat(r.out()).contains("one rate for all 2 models? likelihood-ratio G = 0.0 on 1 df, p = 1.00: yes")
                .contains("Recommendation: One lifetime fits these 2 models")
                .contains("# storage.disk.lifetime, constant hazard fitted to all models in same.csv")
                // 20 failures in 730,000 drive-days: MTTF = 730,000 x 24 / 20 = 876,000 h.
                .contains("lifetime: {distribution: exponential, mean: 8.76e5h}");
    }

    @Test
    void badInputExitsTwoWithPositionAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "model,drive_days,failed\nst1,100,2\nst2,lots,3\n");
        CliRun r = CliRun.of("fit", bad.toString());
        assertThat(r.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(r.err()).contains("bad.csv:3: column 'drive_days': expected a non-negative number, got 'lots'")
                .doesNotContain("Exception").doesNotContain("\tat ");

        assertThat(CliRun.of("fit", dir.resolve("missing.csv").toString()).exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        CliRun none = CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--model", "nosuchdrive");
        assertThat(none.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(none.err()).contains("no model matches model nosuchdrive (81 models in the file)");
        Path junk = dir.resolve("junk.csv");
        Files.writeString(junk, "model,drive_days,failed\n00md00,12,0\n");
        CliRun onlyJunk = CliRun.of("fit", junk.toString());
        assertThat(onlyJunk.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(onlyJunk.err()).contains("no selected row names a drive model");
        assertThat(CliRun.of("fit", resource("backblaze-survival-by-model-2024q2.csv"), "--min-drives", "0").exit())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(CliRun.of("fit", resource("olcf-campaign-disk-events-2021-2023.csv"), "--burst-window", "soon").exit())
                .isEqualTo(Main.EXIT_INVALID_INPUT);
        Path neither = dir.resolve("neither.csv");
        Files.writeString(neither, "a,b\n1,2\n");
        CliRun unknown = CliRun.of("fit", neither.toString());
        assertThat(unknown.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(unknown.err()).contains("cannot tell the kind of data");
    }
}
