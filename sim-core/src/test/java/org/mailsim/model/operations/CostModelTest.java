package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

class CostModelTest {
    @Test
    void tinyScenarioByHand() {
        // Prices: disk 100, server 1,000, backup 50/TB, 4-year life, power 10/disk-year, restock 5, backup ops
        // 20/TB-year, engineer 80/h, 0.5 per user-hour, 3 per user with loss.
        CostSpec prices = new CostSpec("USD", 100, 1000, 50, 4, 10, 5, 20, 80, 0.5, 3);
        // One RAID-5 array of 6 disks (parity included), 1 hot + 2 cold spares, 2 servers, 4 TB of backups.
        Fleet fleet = new Fleet(6, 1, 2, 2, 4);
        CostUsage usage = new CostUsage(3, 20, 500, 1000, 50);
        // Two years.
        CostModel.Breakdown cost = new CostModel(prices).breakdown(fleet, usage, 2 * 8760);

        Map<String, Double> items = cost.asMap();
        assertThat(items.keySet()).containsExactly(CostModel.KEYS);
        assertThat(items.get("capital.disks")).isCloseTo(6 * 100 * 0.5, within(1e-9));          // 300
        assertThat(items.get("capital.spares")).isCloseTo(3 * 100 * 0.5, within(1e-9));         // 150
        assertThat(items.get("capital.servers")).isCloseTo(2 * 1000 * 0.5, within(1e-9));       // 1,000
        assertThat(items.get("capital.backupStorage")).isCloseTo(4 * 50 * 0.5, within(1e-9));   // 100
        assertThat(items.get("running.power")).isCloseTo(7 * 10 * 2, within(1e-9));             // 140
        assertThat(items.get("running.restocking")).isCloseTo(3 * 105, within(1e-9));           // 315
        assertThat(items.get("running.backupOperation")).isCloseTo(4 * 20 * 2, within(1e-9));   // 160
        assertThat(items.get("incident.vendor")).isEqualTo(500);
        assertThat(items.get("incident.engineers")).isEqualTo(1600);
        assertThat(items.get("incident.outageCompensation")).isEqualTo(500);
        assertThat(items.get("incident.lossCompensation")).isEqualTo(150);
        assertThat(cost.total()).isCloseTo(300 + 150 + 1000 + 100 + 140 + 315 + 160 + 500 + 1600 + 500 + 150,
                within(1e-9));

        ReplicationResult.Builder b = new ReplicationResult.Builder();
        cost.contributeTo(b);
        assertThat(b.build().metric(Metric.TOTAL_COST)).isCloseTo(4915, within(1e-9));
        assertThat(cost.plus(cost).scaled(0.5)).isEqualTo(cost);
        assertThat(cost.amount("incident.engineers")).isEqualTo(1600);
    }

    @Test
    void backupStorageCapacityFollowsRetentionAndOffsiteCopies() {
        BackupPolicy nightly = BackupPolicy.full(24, 2, 400, 1e9);
        assertThat(nightly.backupStorageTerabytes(3e12)).isEqualTo(6);
        assertThat(nightly.withOffsite(24).backupStorageTerabytes(3e12)).isEqualTo(12);
        assertThat(BackupPolicy.NONE.backupStorageTerabytes(3e12)).isZero();
    }

    @Test
    void theIncidentDriverFeedsTheCostModel() {
        // The Dreamwiz-like incident of DreamwizReplayTest priced at 2008 rates: vendor 0.5 TB at $1,000/TB, and
        // 3 engineers from the alarm to service (47 h) plus 1 to closure.
        DreamwizReplayTest.Replay replay = DreamwizReplayTest.replay(BackupPolicy.NONE);
        double engineerHours = replay.response().engineerHours();
        assertThat(engineerHours).isCloseTo(3 * 47 + (replay.incident().hoursToFullRecovery() - 48), within(1e-6));
        CostModel.Breakdown cost = new CostModel(KnownPresets.PRICES_2008).breakdown(new Fleet(0, 0, 0, 0, 0),
                new CostUsage(0, engineerHours, replay.response().vendorFees(), 0, 0), 0);
        assertThat(cost.amount("incident.vendor")).isCloseTo(500, within(1e-9));
        assertThat(cost.amount("incident.engineers")).isCloseTo(60 * engineerHours, within(1e-9));
        assertThat(cost.total()).isCloseTo(500 + 60 * engineerHours, within(1e-9));
    }
}
