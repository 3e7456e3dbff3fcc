package org.mailsim.model.storage;

import java.util.List;
import java.util.Objects;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.correlation.CorrelationSpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.repair.RepairSpec;

/**
 * The storage of a scenario: {@code groups} storage groups (the shards users live on) of {@code arraysPerGroup}
 * identical arrays each. {@code randomFailures} false turns off random disk failures, latent errors and shocks,
 * leaving only the {@code faults} of the script (for replays); true runs the script on top of them.
 */
public record StorageSpec(int groups, int arraysPerGroup, DiskSpec disk, ArraySpec array, RepairSpec repair,
                          CorrelationSpec correlation, List<ScriptedFault> faults, boolean randomFailures) {
    public StorageSpec {
        Objects.requireNonNull(disk, "disk");
        Objects.requireNonNull(array, "array");
        Objects.requireNonNull(repair, "repair");
        Objects.requireNonNull(correlation, "correlation (use CorrelationSpec.NONE)");
        faults = List.copyOf(faults);
        if (groups < 1 || arraysPerGroup < 1) {
            throw new IllegalArgumentException("need at least one group of one array, got " + groups + " x "
                    + arraysPerGroup);
        }
        if ((long) groups * arraysPerGroup * array.width() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many disks: " + groups + " x " + arraysPerGroup + " x "
                    + array.width());
        }
        for (ScriptedFault f : faults) {
            if (f.group() >= groups || f.array() >= arraysPerGroup) {
                throw new IllegalArgumentException("scripted fault at " + f.atHours() + " h names group " + f.group()
                        + " array " + f.array() + ", but there are " + groups + " groups of " + arraysPerGroup
                        + " arrays");
            }
            for (int d : f.disks()) {
                if (d < 0 || d >= array.width()) {
                    throw new IllegalArgumentException("scripted fault at " + f.atHours() + " h names disk " + d
                            + " of an array of " + array.width());
                }
            }
        }
    }

    /** Independent random failures, no script. */
    public static StorageSpec of(int groups, int arraysPerGroup, DiskSpec disk, ArraySpec array, RepairSpec repair) {
        return new StorageSpec(groups, arraysPerGroup, disk, array, repair, CorrelationSpec.NONE, List.of(), true);
    }

    public StorageSpec withCorrelation(CorrelationSpec newCorrelation) {
        return new StorageSpec(groups, arraysPerGroup, disk, array, repair, newCorrelation, faults, randomFailures);
    }

    public StorageSpec withFaults(List<ScriptedFault> newFaults, boolean keepRandomFailures) {
        return new StorageSpec(groups, arraysPerGroup, disk, array, repair, correlation, newFaults,
                keepRandomFailures);
    }

    public int arrays() {
        return groups * arraysPerGroup;
    }

    public int disks() {
        return arrays() * array.width();
    }

    /** User data an array holds when full: its data disks' capacity. */
    public double arrayDataBytes() {
        return array.dataDisks() * disk.capacityBytes();
    }
}
