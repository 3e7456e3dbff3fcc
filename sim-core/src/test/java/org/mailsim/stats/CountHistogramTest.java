package org.mailsim.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.RunStatistics;

class CountHistogramTest {
    @Test
    void countsExactlyWithAnOverflowBinAndMerges() {
        CountHistogram a = new CountHistogram(4);
        for (double v : new double[] {0, 0, 1, 2, 3, 7, 2.9}) {
            a.add(v);
        }
        assertThat(a.counts()).containsExactly(2, 1, 2, 2);
        CountHistogram b = new CountHistogram(4);
        b.add(1);
        a.merge(b);
        assertThat(a.counts()).containsExactly(2, 2, 2, 2);
        assertThatThrownBy(() -> a.add(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.merge(new CountHistogram(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runStatisticsCountsLossEventsAndGivesQuantiles() {
        RunStatistics stats = new RunStatistics();
        for (int i = 0; i < 10; i++) {
            ReplicationResult.Builder b = new ReplicationResult.Builder().set(Metric.DISK_FAILURES, i);
            if (i < 3) {
                b.lossEvent("x");
            }
            if (i == 0) {
                b.lossEvent("y");
            }
            stats.add(b.observedHours(1).build());
        }
        long[] counts = stats.dataLossEventCounts();
        assertThat(counts).hasSize(RunStatistics.LOSS_EVENT_BINS);
        assertThat(counts[0]).isEqualTo(7);
        assertThat(counts[1]).isEqualTo(2);
        assertThat(counts[2]).isEqualTo(1);
        assertThat(stats.quantile(Metric.DISK_FAILURES, 0)).isEqualTo(0);
        assertThat(stats.quantile(Metric.DISK_FAILURES, 1)).isEqualTo(9);
        assertThat(stats.quantile(Metric.HOURS_TO_RESTORE_SERVICE, 0.5)).isNaN();
        assertThatThrownBy(() -> stats.quantile(Metric.DISK_FAILURES, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
