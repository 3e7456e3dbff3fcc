package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;

class ReportJsonTest {
    private static final List<String> CONTRACT = List.of("scenario", "seed", "replications", "horizonHours",
            "metrics", "probabilityOfDataLoss", "mttdlHours", "lossByCause", "incidents", "cost");
    private static final List<String> SUMMARY_FIELDS = List.of("mean", "ci95Low", "ci95High", "p50", "p95", "p99",
            "max");
    private static final List<String> ESTIMATE_FIELDS = List.of("estimate", "ci95Low", "ci95High");

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void contractFieldsComeFirstInOrderWithTheirTypes() throws Exception {
        JsonNode root = mapper.readTree(ReportJson.toJson(ReportFixtures.report(ReportFixtures.withLoss())));
        List<String> names = new ArrayList<>();
        root.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, CONTRACT.size())).containsExactlyElementsOf(CONTRACT);

        assertThat(root.get("scenario").isTextual()).isTrue();
        assertThat(root.get("seed").isIntegralNumber()).isTrue();
        assertThat(root.get("replications").asLong()).isEqualTo(ReportFixtures.REPLICATIONS);
        assertThat(root.get("horizonHours").isNumber()).isTrue();

        JsonNode metrics = root.get("metrics");
        List<String> metricNames = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(metricNames::add);
        assertThat(metricNames.subList(0, 12)).containsExactly("diskFailures", "dataLossEvents", "mailsLost",
                "bytesLost", "usersWithLoss", "userHoursUnavailable", "mailsDeferred", "mailsBounced",
                "hoursToRestoreService", "hoursToFullRecovery", "totalCost", "mailsFailedToSend"); // the eleven, then
        // extensions, in their enum order
        assertThat(metricNames).containsExactlyElementsOf(java.util.Arrays.stream(org.mailsim.run.Metric.values())
                .map(org.mailsim.run.Metric::key).toList());
        for (String metric : metricNames) {
            for (String field : SUMMARY_FIELDS) {
                assertThat(metrics.get(metric).get(field).isNumber()).as(metric + "." + field).isTrue();
            }
        }
        for (String estimate : List.of("probabilityOfDataLoss", "mttdlHours")) {
            for (String field : ESTIMATE_FIELDS) {
                assertThat(root.get(estimate).get(field).isNumber()).as(estimate + "." + field).isTrue();
            }
        }
        assertThat(root.get("lossByCause").isObject()).isTrue();
        assertThat(root.get("incidents").isArray()).isTrue();
        assertThat(root.get("cost").isObject()).isTrue();
        // After the contract: how the MTTDL was estimated (some replications were cut off by the horizon).
        assertThat(root.get("mttdlMethod").asText()).isEqualTo("exponentialApproximation");
        assertThat(root.has("mttdlWarning")).isTrue();
    }

    @Test
    void valuesAreThoseOfTheHandMadeRun() throws Exception {
        JsonNode root = mapper.readTree(ReportJson.toJson(ReportFixtures.report(ReportFixtures.withLoss())));
        // Disk failures i % 5 over 200 replications: 0..4 forty times each, mean 2, max 4.
        assertThat(root.at("/metrics/diskFailures/mean").asDouble()).isCloseTo(2.0, within(1e-12));
        assertThat(root.at("/metrics/diskFailures/max").asDouble()).isEqualTo(4.0);
        // Six loss events (one replication has two) in 200 replications.
        assertThat(root.at("/metrics/dataLossEvents/mean").asDouble()).isCloseTo(6.0 / 200, within(1e-12));
        assertThat(root.at("/probabilityOfDataLoss/estimate").asDouble()).isCloseTo(5.0 / 200, within(1e-12));
        assertThat(root.at("/probabilityOfDataLoss/bound").isNull()).isTrue();
        // Incidents: restore 60 + i for i = 0, 40, ..., 160 -> mean 140.
        assertThat(root.at("/metrics/hoursToRestoreService/mean").asDouble()).isCloseTo(140, within(1e-9));
        assertThat(root.at("/metrics/hoursToRestoreService/count").asLong()).isEqualTo(5);
        assertThat(root.at("/lossByCause/double failure in rebuild").asLong()).isEqualTo(5);
        assertThat(root.at("/lossByCause/latent error, \"quoted\"").asLong()).isEqualTo(1);
        assertThat(root.get("incidents")).hasSize(5);
        JsonNode first = root.get("incidents").get(0);
        assertThat(first.get("storageGroup").asText()).isEqualTo("group-0");
        assertThat(first.get("phases")).hasSize(4);
        assertThat(first.at("/phases/1/name").asText()).isEqualTo("provision replacement storage");
        assertThat(first.at("/phases/1/endHours").asDouble()).isEqualTo(1060);
        List<String> costKeys = new ArrayList<>();
        root.get("cost").fieldNames().forEachRemaining(costKeys::add);
        assertThat(costKeys).containsExactly("disks", "power", "vendor recovery");
        assertThat(root.at("/cost/power").asDouble()).isEqualTo(3400.5);
        // The reported timeline beside the simulated one, by the replay's one definition: per replication, until its
        // last incident reached the milestone, 0 for the 195 replications nobody was cut off in. Restore 60 + i for
        // the five: 700 / 200; the merge ends at 260 + i: 1,700 / 200.
        assertThat(root.at("/reportedTimeline/0/simulatedHours").asDouble()).isCloseTo(700.0 / 200, within(1e-9));
        assertThat(root.at("/reportedTimeline/1/simulatedHours").asDouble()).isCloseTo(1700.0 / 200, within(1e-9));
        assertThat(root.at("/reportedTimeline/2/simulatedHours").isNull()).isTrue();
    }

    @Test
    void noLossGivesBoundsAndNullsNeverNonFiniteNumbers() throws Exception {
        String json = ReportJson.toJson(ReportFixtures.report(ReportFixtures.noLoss()));
        assertThat(json).doesNotContain("Infinity").doesNotContain("NaN");
        JsonNode root = mapper.readTree(json);
        assertThat(root.at("/probabilityOfDataLoss/bound").asText()).isEqualTo("upper");
        // Rule of three: the one-sided 95% bound 1 - 0.05^(1/n) for n = 100.
        assertThat(root.at("/probabilityOfDataLoss/estimate").asDouble())
                .isCloseTo(1 - Math.pow(0.05, 1.0 / 100), within(1e-12));
        assertThat(root.at("/probabilityOfDataLoss/ci95Low").asDouble()).isEqualTo(0.0);
        assertThat(root.at("/mttdlHours/bound").asText()).isEqualTo("lower");
        assertThat(root.at("/mttdlHours/ci95High").isNull()).isTrue();
        assertThat(root.at("/metrics/hoursToRestoreService/mean").isNull()).isTrue();
        assertThat(root.at("/metrics/hoursToRestoreService/count").asLong()).isZero();
        assertThat(root.get("incidents")).isEmpty();
        assertThat(root.get("lossByCause")).isEmpty();
    }

    @Test
    void sameRunGivesByteIdenticalJson() {
        String a = ReportJson.toJson(ReportFixtures.report(ReportFixtures.withLoss()));
        String b = ReportJson.toJson(ReportFixtures.report(ReportFixtures.withLoss()));
        assertThat(a).isEqualTo(b).endsWith("}\n");
    }

    @Test
    void everyMetricHasQuantilesOnTheGrid() {
        RunReport report = ReportFixtures.report(ReportFixtures.withLoss());
        for (Metric metric : Metric.values()) {
            assertThat(report.quantiles().get(metric)).hasSize(RunReport.QUANTILE_GRID.size());
        }
        List<Double> disk = report.quantiles().get(Metric.DISK_FAILURES);
        assertThat(disk.get(0)).isEqualTo(0.0);
        assertThat(disk.get(100)).isEqualTo(4.0);
        // Exact loss-event counts: 195 replications with none, 4 with one, 1 with two.
        assertThat(report.dataLossEventCounts().subList(0, 4)).containsExactly(195L, 4L, 1L, 0L);
    }
}
