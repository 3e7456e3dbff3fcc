package org.mailsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each replication's values, in order, for paired comparisons; none at all past the cap. */
class ReplicationTableTest {
    private static ReplicationResult replication(int i) {
        ReplicationResult.Builder b = new ReplicationResult.Builder().set(Metric.DISK_FAILURES, i % 7)
                .set(Metric.TOTAL_COST, 1000 + i / 3.0);
        if (i % 5 == 0) {
            b.lossEvent("concurrentFailures").set(Metric.ARRAY_LOSS_EVENTS, 1);
        }
        if (i % 4 == 1) {
            b.set(Metric.OUTAGES_WITHOUT_LOSS, 2);
        }
        return b.build();
    }

    @Test
    void keepsEveryReplicationsValuesAndIndicatorsInOrder() {
        RunStatistics stats = new RunStatistics();
        for (int i = 0; i < 300; i++) {
            stats.add(replication(i));
        }
        ReplicationTable table = stats.table().copy();
        assertThat(table.complete()).isTrue();
        assertThat(table.rows()).isEqualTo(300);
        assertThat(ReplicationTable.INDICATORS).containsExactly("lostData", "arrayLoss", "outage", "sectorLoss");
        assertThat(ReplicationTable.METRICS).hasSize(Metric.values().length - 2)
                .doesNotContain(Metric.HOURS_TO_RESTORE_SERVICE, Metric.HOURS_TO_FULL_RECOVERY);
        long lost = 0;
        for (int i = 0; i < 300; i++) {
            assertThat(table.value(i, Metric.DISK_FAILURES)).isEqualTo(i % 7);
            assertThat(table.value(i, Metric.TOTAL_COST)).isEqualTo(1000 + i / 3.0);
            assertThat(table.indicator(i, 0)).isEqualTo(i % 5 == 0);
            assertThat(table.indicator(i, 1)).isEqualTo(i % 5 == 0);
            assertThat(table.indicator(i, 2)).isEqualTo(i % 4 == 1);
            assertThat(table.indicator(i, 3)).isFalse();
            lost += table.indicator(i, 0) ? 1 : 0;
        }
        // The indicators count what the statistics count.
        assertThat(lost).isEqualTo(stats.replicationsWithLoss());
        assertThat(stats.probability(Severity.OUTAGE).estimate()).isEqualTo(75 / 300.0);
        assertThatThrownBy(() -> table.value(0, Metric.HOURS_TO_FULL_RECOVERY))
                .isInstanceOf(IllegalArgumentException.class);
        // A copy does not change with its source.
        stats.add(replication(300));
        assertThat(table.rows()).isEqualTo(300);
        assertThat(stats.table().rows()).isEqualTo(301);
    }

    @Test
    void aRunPastTheCapKeepsNone() {
        ReplicationTable table = new ReplicationTable();
        ReplicationResult r = replication(3);
        for (int i = 0; i < ReplicationTable.MAX_REPLICATIONS; i++) {
            table.add(r);
        }
        assertThat(table.complete()).isTrue();
        assertThat(table.rows()).isEqualTo(ReplicationTable.MAX_REPLICATIONS);
        table.add(r);
        assertThat(table.complete()).isFalse();
        assertThat(table.rows()).isZero();
        assertThat(table.replications()).isEqualTo(ReplicationTable.MAX_REPLICATIONS + 1L);
        table.add(r);
        assertThat(table.complete()).isFalse();
        assertThat(new ReplicationTable().complete()).as("empty").isFalse();
    }
}
