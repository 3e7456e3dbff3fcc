package org.mailsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;

class ReportTableTest {
    @Test
    void everyMetricHasOneAlignedLine() {
        String table = ReportTable.render(ReportFixtures.report(ReportFixtures.withLoss()));
        List<String> lines = Arrays.asList(table.split("\n"));
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("metric ")).findFirst().orElseThrow());
        List<String> block = lines.subList(header, header + 1 + Metric.values().length);
        // Right-aligned means column: every row's mean ends where the header's "mean" ends.
        int meanEnd = block.get(0).indexOf("mean") + "mean".length();
        int ciStart = block.get(0).indexOf("95% CI");
        for (int i = 0; i < Metric.values().length; i++) {
            String row = block.get(i + 1);
            assertThat(row).startsWith(Metric.values()[i].label());
            assertThat(row.charAt(meanEnd - 1)).as(row).isNotEqualTo(' ');
            assertThat(row.charAt(meanEnd)).as(row).isEqualTo(' ');
            assertThat(row.charAt(ciStart)).as(row).isEqualTo('[');
        }
        assertThat(table).contains("P(any data loss in the fleet within 5 years)  0.0250")
                .contains("5 of 200 replications").contains("MTTDL").contains("95% CI [")
                .doesNotContain("no loss observed");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotEndWith(" "));
    }

    @Test
    void noLossIsABoundNeverAZero() {
        String table = ReportTable.render(ReportFixtures.report(ReportFixtures.noLoss()));
        assertThat(table).contains("no loss observed; upper bound").contains("no loss observed; lower bound")
                .contains("< 0.0295").contains("> ")
                .contains("hours to restore send/receive (per storage outage)").contains("(no storage outage)");
    }
}
