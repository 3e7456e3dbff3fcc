package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** mailsim run --estimator plain|rare|auto, --precision and --max-time, end to end through the command line. */
class RunEstimatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAID6 = "../scenarios/durability-raid6.yaml";

    static JsonNode json(CliRun r) throws Exception {
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_OK);
        return JSON.readTree(r.out());
    }

    @Test
    void rareEstimateCarriesProbabilityOfDataLossAndIsTheSameForAnyThreadCount() throws Exception {
        JsonNode one = json(CliRun.of("run", RAID6, "--estimator", "rare", "--format", "json", "--no-report", "--quiet",
                "--threads", "1", "--replications", "200"));
        JsonNode two = json(CliRun.of("run", RAID6, "--estimator", "rare", "--format", "json", "--no-report", "--quiet",
                "--threads", "2", "--replications", "200"));
        JsonNode estimator = one.get("estimator");
        assertThat(estimator.get("method").asText()).isEqualTo("rare");
        assertThat(estimator.get("stoppedBy").asText()).isEqualTo("precision");
        assertThat(estimator.get("reproducible").asBoolean()).isTrue();
        assertThat(estimator.get("relativeError").asDouble()).isLessThanOrEqualTo(0.10);
        assertThat(estimator.get("effectiveSampleSize").asDouble()).isGreaterThanOrEqualTo(30);
        assertThat(estimator.get("warnings")).isEmpty();
        JsonNode p = one.get("probabilityOfDataLoss");
        assertThat(p.get("bound").isNull()).isTrue();
        assertThat(p.get("estimate").asDouble()).isEqualTo(
                estimator.get("fleet").get("probabilityOfDataLoss").get("estimate").asDouble());
        // One RAID-6 array of 10, lambda = 1/1.11e6 h, 24 h rebuilds, a year: the Markov chain gives 1.3e-9.
        assertThat(p.get("estimate").asDouble()).isBetween(1.1e-9, 1.5e-9);
        assertThat(p.get("ci95Low").asDouble()).isLessThan(p.get("estimate").asDouble());
        assertThat(estimator.get("fleet").get("sectorLoss").get("estimate").asDouble()).isZero();
        assertThat(estimator.get("fleet").get("ninesPerYear").asDouble()).isBetween(8.8, 9.0);
        // Byte-identical apart from the wall time, whatever the thread count.
        ((ObjectNode) one.get("estimator")).remove("wallSeconds");
        ((ObjectNode) two.get("estimator")).remove("wallSeconds");
        assertThat(two).isEqualTo(one);
    }

    @Test
    void autoKeepsPlainWhenThePlainRunSawEnoughLossesAndGoesRareOtherwise() throws Exception {
        JsonNode plain = json(CliRun.of("run", RAID6, "--estimator", "auto", "--set", "storage.disk.lifetime.mean=1500h",
                "--format", "json", "--no-report", "--quiet", "--replications", "300"));
        assertThat(plain.get("replicationsWithLoss").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(plain.has("estimator")).isFalse();
        JsonNode rare = json(CliRun.of("run", RAID6, "--estimator", "auto", "--format", "json", "--no-report", "--quiet",
                "--replications", "100"));
        assertThat(rare.get("estimator").get("method").asText()).isEqualTo("rare");
        JsonNode byKey = json(CliRun.of("run", RAID6, "--set", "estimator=auto", "--format", "json", "--no-report",
                "--quiet", "--replications", "100"));
        ((ObjectNode) rare.get("estimator")).remove("wallSeconds");
        ((ObjectNode) byKey.get("estimator")).remove("wallSeconds");
        assertThat(byKey).isEqualTo(rare);
    }

    @Test
    void maxTimeStopsAndSaysTheResultIsNotReproducible() throws Exception {
        JsonNode doc = json(CliRun.of("run", RAID6, "--estimator", "rare", "--precision", "0.1%", "--max-time", "2s",
                "--format", "json", "--no-report", "--quiet", "--replications", "100"));
        JsonNode estimator = doc.get("estimator");
        assertThat(estimator.get("stoppedBy").asText()).isEqualTo("max-time");
        assertThat(estimator.get("reproducible").asBoolean()).isFalse();
        assertThat(estimator.get("warnings").toString()).contains("above the asked precision")
                .contains("not reproducible");
    }

    @Test
    void refusesWhatItCannotEstimateAndBadOptions() {
        CliRun replay = CliRun.of("run", "../scenarios/dreamwiz-2008.yaml", "--estimator", "rare", "--no-report", "--quiet",
                "--replications", "2");
        assertThat(replay.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(replay.err()).contains("--estimator rare").contains("estimator plain");
        CliRun auto = CliRun.of("run", "../scenarios/dreamwiz-2008.yaml", "--estimator", "auto", "--no-report", "--quiet",
                "--replications", "2");
        assertThat(auto.exit()).as(auto.err()).isEqualTo(Main.EXIT_OK);
        assertThat(auto.err()).contains("estimator auto keeps the plain estimate");
        CliRun badPrecision = CliRun.of("run", RAID6, "--estimator", "rare", "--precision", "lots", "--no-report");
        assertThat(badPrecision.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(badPrecision.err()).contains("precision");
        CliRun badTime = CliRun.of("run", RAID6, "--estimator", "rare", "--max-time", "5 parsecs", "--no-report");
        assertThat(badTime.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(badTime.err()).contains("--max-time");
        CliRun badEstimator = CliRun.of("run", RAID6, "--estimator", "magic", "--no-report");
        assertThat(badEstimator.exit()).isEqualTo(Main.EXIT_INVALID_INPUT);
        assertThat(badEstimator.err()).contains("estimator");
    }
}
