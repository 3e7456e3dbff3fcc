package org.mailsim.portal;

import java.util.Locale;
import org.mailsim.scenario.Scenario;

/**
 * The fleet that mailsim's speed is measured on (issue 13, {@code mailsim bench fleet}, the fleet JMH benchmark):
 * {@code arrays} storage groups of one RAID-5 array of {@code width} 4 TB disks, no read errors, Weibull lifetimes
 * (shape 1.12, scale 461,386 h), exponential 24 h rebuilds started at once (unlimited crews), 10 years, no users.
 * The same model as the textbook SSJ fleet it is compared with (docs/speed.md).
 */
public final class ReferenceFleet {
    public static final double SHAPE = 1.12;
    public static final double SCALE_HOURS = 461_386;
    public static final double REBUILD_MEAN_HOURS = 24;
    public static final double HORIZON_HOURS = 87_600;

    private ReferenceFleet() {
    }

    /** The fleet as a scenario file's text. */
    public static String yaml(int arrays, int width, int replications, long seed) {
        return String.format(Locale.ROOT, """
                name: reference-fleet
                seed: %d
                replications: %d
                horizon: %sh
                storage:
                  groups: %d
                  arraysPerGroup: 1
                  raid: {level: raid5, width: %d}
                  disk:
                    capacity: 4TB
                    lifetime: {distribution: weibull, shape: %s, scale: %sh}
                    ure: 0
                  rebuild:
                    time: {distribution: exponential, mean: %sh}
                  repairCrews: unlimited
                """, seed, replications, fmt(HORIZON_HOURS), arrays, width, fmt(SHAPE), fmt(SCALE_HOURS),
                fmt(REBUILD_MEAN_HOURS));
    }

    /** The fleet bound to the model, as {@code mailsim run} would bind its file. */
    public static PortalSpec spec(int arrays, int width, int replications, long seed) {
        return ScenarioBinding.bind(Scenario.parse(yaml(arrays, width, replications, seed)));
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
