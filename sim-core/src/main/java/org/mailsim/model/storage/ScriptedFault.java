package org.mailsim.model.storage;

import java.util.List;
import java.util.Objects;

/**
 * A fault injected at a set time, for replays: "fail disks 0 and 3 of array 2 of group 1 at hour 100", or "take
 * all disks of array 0 of group 4 offline at hour 30 for 96 hours". {@code disks} lists positions within the
 * array; an empty list means every disk of the array. Indices are zero-based.
 */
public record ScriptedFault(double atHours, Action action, int group, int array, List<Integer> disks,
                            double offlineHours) {
    public enum Action { FAIL, OFFLINE }

    public ScriptedFault {
        Objects.requireNonNull(action, "fault action");
        disks = List.copyOf(disks);
        if (!(atHours >= 0) || Double.isInfinite(atHours)) {
            throw new IllegalArgumentException("fault time must be a non-negative number of hours, got " + atHours);
        }
        if (group < 0 || array < 0) {
            throw new IllegalArgumentException("group and array indices are zero-based, got " + group + "/" + array);
        }
        if (action == Action.OFFLINE && !(offlineHours >= 0)) {
            throw new IllegalArgumentException("an offline fault needs a non-negative duration, got " + offlineHours);
        }
    }

    public static ScriptedFault fail(double atHours, int group, int array, Integer... disks) {
        return new ScriptedFault(atHours, Action.FAIL, group, array, List.of(disks), 0);
    }

    public static ScriptedFault offline(double atHours, double forHours, int group, int array, Integer... disks) {
        return new ScriptedFault(atHours, Action.OFFLINE, group, array, List.of(disks), forHours);
    }
}
