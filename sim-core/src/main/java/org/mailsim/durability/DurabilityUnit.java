package org.mailsim.durability;

import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.repair.SpareSpec;

/**
 * What the rare-event estimator simulates as one independent unit of the fleet. Arrays are independent (their
 * disks, repairs, lots, aftershocks and per-array shocks touch no other array) unless a storage group shares a
 * spare pool or takes group-wide shocks; then the unit is the storage group, and the fleet's probability is
 * 1 - (1 - p_unit)^units exactly, because units are independent.
 *
 * @param arraysPerUnit 1 (unit = array) or the group's arrays (unit = storage group)
 * @param units         units in the fleet
 * @param coupling      why arrays are coupled (null when the unit is one array)
 */
public record DurabilityUnit(int arraysPerUnit, long units, String coupling) {
    /**
     * The unit of {@code spec}, or an IllegalArgumentException naming what the estimator cannot handle: scripted
     * faults (a replay, not a rare event), no random failures, or shocks that take disks offline.
     */
    public static DurabilityUnit of(StorageSpec spec) {
        if (!spec.randomFailures()) {
            throw new IllegalArgumentException("randomFailures is false: nothing random can lose data, so there is "
                    + "no rare event to estimate; use --estimator plain");
        }
        if (!spec.faults().isEmpty()) {
            throw new IllegalArgumentException("the scenario scripts faults (a replay); the rare-event estimator "
                    + "estimates random losses only; use --estimator plain");
        }
        String coupling = null;
        for (ShockSpec shock : spec.correlation().shocks()) {
            if (shock.effect() == ShockSpec.Effect.OFFLINE) {
                throw new IllegalArgumentException("shock '" + shock.name() + "' takes disks offline; the "
                        + "rare-event estimator handles shocks that fail disks only; use --estimator plain");
            }
            if (shock.scope() == ShockSpec.Scope.GROUP && spec.arraysPerGroup() > 1) {
                coupling = "shock '" + shock.name() + "' hits every array of a storage group";
            }
        }
        SpareSpec spares = spec.repair().spares();
        if (spares.kind() != SpareSpec.Kind.NONE && spares.scope() == SpareSpec.Scope.GROUP
                && spec.arraysPerGroup() > 1) {
            coupling = "the arrays of a storage group share its spare pool";
        }
        if (coupling != null) {
            return new DurabilityUnit(spec.arraysPerGroup(), spec.groups(), coupling);
        }
        return new DurabilityUnit(1, (long) spec.groups() * spec.arraysPerGroup(), null);
    }

    /** "array" or "storage group". */
    public String name() {
        return coupling == null ? "array" : "storage group";
    }
}
