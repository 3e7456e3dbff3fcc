package org.mailsim.model.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ForegroundLoadTest {
    /** Idle first half of the week, load 2 (after normalisation) in the second half. */
    private static WeeklyProfile idleThenBusy() {
        double[] r = new double[168];
        Arrays.fill(r, 84, 168, 4);
        return new WeeklyProfile(r);
    }

    @Test
    void rebuildFinishTimeOverAKnownProfile() {
        // u = 0.25: speed 1 while idle, 1 - 0.25 * 2 = 0.5 under load.
        ForegroundLoad load = new ForegroundLoad(idleThenBusy(), 0.25, 0.05);
        assertThat(load.foregroundLoad(100)).isEqualTo(2);
        assertThat(load.rebuildSpeedFactor(100)).isEqualTo(0.5);
        assertThat(load.rebuildSpeedFactor(10)).isEqualTo(1);
        // From hour 80, 10 idle-hours: 4 at full speed, then 6 at half speed take 12 h.
        assertThat(load.rebuildFinishTime(80, 10)).isCloseTo(96, within(1e-12));
        // A week does 84 + 42 = 126; 200 from hour 0 = one week and 74 h into the next idle half.
        assertThat(load.rebuildFinishTime(0, 200)).isCloseTo(168 + 74, within(1e-9));
        assertThat(load.rebuildWork(80, 96)).isCloseTo(10, within(1e-12));
        assertThat(load.meanRebuildSpeedFactor()).isCloseTo(126.0 / 168, within(1e-12));
    }

    @Test
    void minimumShareBoundsTheSlowdown() {
        ForegroundLoad load = new ForegroundLoad(idleThenBusy(), 0.9, 0.1);
        assertThat(load.rebuildSpeedFactor(100)).isEqualTo(0.1);
        assertThat(load.rebuildFinishTime(84, 1)).isCloseTo(94, within(1e-9));
    }

    @Test
    void defaultsSlowRebuildsInBusinessHoursMoreThanAtNight() {
        ForegroundLoad load = ForegroundLoad.defaults();
        double businessHour = load.rebuildSpeedFactor(9); // day 0, hour 9
        double night = load.rebuildSpeedFactor(3);
        assertThat(businessHour).isLessThan(0.3);
        assertThat(night).isGreaterThan(0.98);
        assertThat(load.meanRebuildSpeedFactor()).isCloseTo(0.8, within(0.02));
        assertThat(ForegroundLoad.idle().rebuildFinishTime(5, 12)).isCloseTo(17, within(1e-12));
    }
}
