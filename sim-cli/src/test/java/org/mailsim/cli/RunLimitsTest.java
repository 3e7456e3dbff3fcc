package org.mailsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.scenario.Scenario;

/** The memory a run needs, estimated before it starts from its disks, arrays and groups, against the heap. */
class RunLimitsTest {
    private static final long MB = 1_000_000;

    /** 125,000 groups of one RAID-6 array of 8 disks: 1,000,000 disks. */
    private static PortalSpec fleet(int replications, String... sets) {
        return ScenarioBinding.bind(Scenario.parse("""
                name: fleet
                replications: %d
                storage:
                  groups: 125000
                  raid: {level: raid6, width: 8}
                  disk:
                    capacity: 4TB
                    lifetime: {distribution: exponential, mean: 50y}
                """.formatted(replications), "fleet.yaml", Path.of("."), List.of(sets)));
    }

    @Test
    void theEstimateIsTheMeasuredFootprintOfDisksArraysAndGroups() {
        // 1,000,000 x 160 B + 125,000 x (90 + 110) B = 185 MB a replication.
        assertThat(RunLimits.bytesPerReplication(fleet(10))).isEqualTo(185 * MB);
        // Latent sector errors: 320 B more a disk.
        assertThat(RunLimits.bytesPerReplication(fleet(10, "storage.disk.latentErrors.rate=1e-4/h")))
                .isEqualTo(505 * MB);
    }

    @Test
    void aRunIsRefusedOnlyWhenTheReplicationsRunningAtOnceCannotFitAndSaysWhatWould() {
        PortalSpec spec = fleet(10);
        assertThatCode(() -> RunLimits.check(spec, 5, 1000 * MB)).doesNotThrowAnyException();
        // Replications beyond the threads never run at once: 2 replications on 8 threads need 370 MB.
        assertThatCode(() -> RunLimits.check(fleet(2), 8, 400 * MB)).doesNotThrowAnyException();
        InvalidInputException threads = catchThrowableOfType(() -> RunLimits.check(spec, 8, 1000 * MB),
                InvalidInputException.class);
        assertThat(threads.getMessage()).contains("needs about 1.5 GB (1,000,000 disks in 125,000 groups, 8"
                + " replications at once)", "heap holds 1.0 GB", "run with --threads 5");
        InvalidInputException disks = catchThrowableOfType(() -> RunLimits.check(spec, 1, 150 * MB),
                InvalidInputException.class);
        // 150 of the 185 MB: the same fleet with 81% of its disks.
        assertThat(disks.getMessage()).contains("needs about 0.2 GB", "at most about 810,810 disks fit");
    }
}
