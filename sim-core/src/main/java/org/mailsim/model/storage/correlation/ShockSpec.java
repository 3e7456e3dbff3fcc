package org.mailsim.model.storage.correlation;

import java.util.Objects;
import org.mailsim.random.Distribution;

/**
 * Shocks (enclosure or controller fault, power event, data-centre move) arriving as a Poisson process at
 * {@code ratePerHour} per target ({@link Scope#ARRAY}: per array, e.g. its enclosure; {@link Scope#GROUP}: per
 * storage group, hitting every array of the group). Each shock fails, or takes offline for {@code offlineTime},
 * {@code disksPerArray} distinct disks chosen at random in each array it hits. Offline disks come back with their
 * data unless their array was lost meanwhile.
 */
public record ShockSpec(String name, double ratePerHour, Scope scope, Effect effect, int disksPerArray,
                        Distribution offlineTime) {
    public enum Scope { ARRAY, GROUP }

    public enum Effect { FAIL, OFFLINE }

    public ShockSpec {
        Objects.requireNonNull(name, "shock name");
        Objects.requireNonNull(scope, "shock scope");
        Objects.requireNonNull(effect, "shock effect");
        if (!(ratePerHour > 0) || Double.isInfinite(ratePerHour)) {
            throw new IllegalArgumentException("shock rate must be positive and finite, got " + ratePerHour);
        }
        if (disksPerArray < 1) {
            throw new IllegalArgumentException("a shock hits at least one disk per array, got " + disksPerArray);
        }
        if (effect == Effect.OFFLINE && offlineTime == null) {
            throw new IllegalArgumentException("an offline shock needs an offline time");
        }
    }
}
