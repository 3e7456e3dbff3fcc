package org.mailsim.model.storage;

import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RebuildSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.random.Distributions;

/** Published parameter sets, ready to run or to compare against. */
public final class StoragePresets {
    private StoragePresets() {
    }

    /**
     * Elerath and Pecht (2009, IEEE Trans. Computers 58(3)): RAID-5 of {@code width} disks, failures
     * Weibull(1.2, 461,386 h), restore Weibull(2, 12 h, location 6 h), latent defects at 1.08e-4 per hour found by
     * scrubs after Weibull(3, 168 h, location 6 h). Their latent defects stand for read errors, so no separate URE
     * rate is set. Rebuild starts at once (no spare constraint); a lost array is replaced at once.
     */
    public static StorageSpec elerathPecht2009(int width, int arrays, double capacityBytes) {
        DiskSpec disk = DiskSpec.of(capacityBytes, Distributions.weibull(1.2, 461_386))
                .withLatentErrors(LatentErrorSpec.of(1.08e-4, new ScrubSpec(Distributions.weibull(3, 168, 6))));
        RepairSpec repair = RepairSpec.of(RebuildSpec.taking(Distributions.weibull(2, 12, 6)));
        return StorageSpec.of(1, arrays, disk, ArraySpec.raid5(width), repair);
    }
}
