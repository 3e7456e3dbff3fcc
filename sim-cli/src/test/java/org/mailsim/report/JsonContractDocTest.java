package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.RunExtent;
import org.mailsim.sweep.Configuration;
import org.mailsim.sweep.SweepPoint;
import org.mailsim.sweep.SweepRow;
import org.mailsim.sweep.SweepTable;
import org.mailsim.sweep.Target;

/**
 * docs/json-contract.md names every field of the run JSON and every column of sweep.csv: a field the code writes
 * and the page does not name (in backquotes) fails here, so a new metric cannot ship undocumented.
 */
class JsonContractDocTest {
    /** Objects whose keys are data (cause names, cost categories), not fields of the contract. */
    private static final Set<String> DATA_KEYED = Set.of("lossByCause", "cost");

    private static String contract() throws IOException {
        Path doc = Path.of("..", "docs", "json-contract.md");
        if (!Files.exists(doc)) {
            doc = Path.of("docs", "json-contract.md");
        }
        return Files.readString(doc, StandardCharsets.UTF_8);
    }

    @Test
    void everyFieldOfTheRunJsonIsDocumented() throws IOException {
        String doc = contract();
        RunReport report = RunReport.builder("x", ReportFixtures.withLoss()).horizonHours(ReportFixtures.HORIZON)
                .extent(new RunExtent(ReportFixtures.HORIZON, false, 40, 5_120)).version("test")
                .reportedTimeline(List.of(new Milestone("service restored", 72, "hoursToRestoreService")))
                .cost(ReportFixtures.cost()).build();
        Set<String> fields = new TreeSet<>();
        collect(ReportJson.toTree(report), fields);
        assertThat(fields).contains("severity", "sectorLossUsersWithLoss", "expectedUsersWithLossPerYear",
                "dataLossEventsPerArrayYear", "rawBytesLost");
        List<String> missing = new ArrayList<>();
        for (String field : fields) {
            if (!doc.contains("`" + field + "`")) {
                missing.add(field);
            }
        }
        assertThat(missing).as("fields written but not documented in docs/json-contract.md").isEmpty();
    }

    @Test
    void everyMetricIsDocumentedWithItsKind() throws IOException {
        String doc = contract();
        for (Metric metric : Metric.values()) {
            String kind = metric.kind().name().toLowerCase(java.util.Locale.ROOT);
            assertThat(doc).as(metric.key()).contains("| `" + metric.key() + "` | " + kind + " |");
        }
    }

    @Test
    void everyColumnOfTheSweepCsvIsDocumented() throws IOException {
        String doc = contract();
        SweepPoint point = org.mailsim.sweep.SweepPoint.of(ReportFixtures.withLoss(),
                new RunExtent(ReportFixtures.HORIZON, false, 40, 5_120));
        Configuration c = new Configuration(0, "c0000-aaaaaaaa", java.util.Map.of("k", "a"), "aaaaaaaaaaaaaaaa");
        SweepTable table = new SweepTable(List.of("k"), List.of(new SweepRow(c, point, false)), Target.NONE);
        String header = table.toCsv("USD").lines().findFirst().orElseThrow();
        List<String> missing = new ArrayList<>();
        for (String named : header.split(",")) {
            // "NAME [UNIT]": the page names the column; the units are in its table of units.
            String column = named.replaceFirst(" \\[[^\\]]*\\]$", "");
            if (!column.equals(named)) {
                String unit = named.substring(column.length() + 2, named.length() - 1);
                if (!doc.contains("`" + unit + "`")) {
                    missing.add(named + " (its unit)");
                }
            }
            if (column.equals("k")) {
                continue; // a swept key
            }
            String base = column.contains(".") ? column.substring(0, column.indexOf('.')) : column;
            if (!doc.contains("`" + base + "`") && !doc.contains("`" + column + "`")) {
                missing.add(column);
            }
        }
        assertThat(missing).as("sweep.csv columns not documented in docs/json-contract.md").isEmpty();
    }

    private static void collect(JsonNode node, Set<String> fields) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, fields);
            }
        } else if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                fields.add(name);
                if (!DATA_KEYED.contains(name)) {
                    collect(node.get(name), fields);
                }
            }
        }
    }
}
