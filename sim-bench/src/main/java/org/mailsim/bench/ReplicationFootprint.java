package org.mailsim.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.mailsim.model.storage.StorageWorkspace;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.scenario.Scenario;

/**
 * The live heap one replication holds, for the memory check of {@code mailsim run} (RunLimits in sim-cli) and
 * docs/speed.md: for each fleet given, the heap in use after full collections at checkpoints 1, 2, 4, 8, ... of
 * one replication (every 65,536 events) and once more at its end, its largest value, less the heap in use before
 * the scenario was bound. Fleets of RAID-6 arrays; differences between fleets that differ in one count give the
 * bytes a disk, an array and a group.
 *
 * <pre>
 * java -Xmx6g -Dhorizon=1000y -Dcheckpoints=8 -cp sim-bench/target/benchmarks.jar \
 *     org.mailsim.bench.ReplicationFootprint 50000,1,8,0 50000,1,32,0 200000,1,32,0
 * </pre>
 *
 * Each argument is {@code groups,arraysPerGroup,width,users}. {@code -Dhorizon} (default 40y) sets the horizon,
 * {@code -DlatentErrors=true} adds latent sector errors (1.08e-4/h) with fortnightly scrubs, {@code -Dcheckpoints=N}
 * ends a replication after N checkpoints (the event list is full from the start). Prints CSV.
 */
public final class ReplicationFootprint {
    private ReplicationFootprint() {
    }

    private static long usedAfterCollections() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Ends a replication after enough checkpoints. */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }

    public static void main(String[] args) {
        String horizon = System.getProperty("horizon", "40y");
        boolean latent = Boolean.getBoolean("latentErrors");
        int checkpoints = Integer.getInteger("checkpoints", Integer.MAX_VALUE);
        System.out.println("groups,arraysPerGroup,width,users,disks,arrays,horizon,latentErrors,events,liveBytes,"
                + "bytesPerDisk");
        // A small fleet first, so class loading and static tables are not charged to the first measured one.
        String[] fleets = prepend("1000,1,8,0", args);
        for (int i = 0; i < fleets.length; i++) {
            String[] f = fleets[i].split(",");
            String yaml = "name: footprint\nreplications: 1\nhorizon: " + horizon + "\nstorage:\n  groups: " + f[0]
                    + "\n  arraysPerGroup: " + f[1] + "\n  raid: {level: raid6, width: " + f[2] + "}\n  disk:\n"
                    + "    capacity: 4TB\n    lifetime: {distribution: weibull, shape: 1.2, scale: 461386h}\n"
                    + (latent ? "    latentErrors: {rate: 1.08e-4/h, scrub: {interval: 2w}}\n" : "")
                    + "users:\n  count: " + f[3] + "\n";
            long before = usedAfterCollections();
            PortalSpec spec = ScenarioBinding.bind(Scenario.parse(yaml, "footprint.yaml", Path.of("."), List.of()));
            StorageWorkspace workspace = new StorageWorkspace(spec.storage()); // what a worker thread holds
            long[] peak = {0};
            long[] events = {0};
            int[] reached = {0};
            try {
                PortalExperiment.Replication r = new PortalExperiment(spec).replicate(workspace, 0, (now, fired) -> {
                    reached[0]++;
                    events[0] = fired;
                    if (Integer.bitCount(reached[0]) == 1) {
                        peak[0] = Math.max(peak[0], usedAfterCollections() - before);
                    }
                    if (reached[0] >= checkpoints) {
                        throw new Enough();
                    }
                });
                events[0] = r.events();
            } catch (Enough enough) {
                // measured enough of this replication
            }
            // The workspace keeps its grown event list.
            peak[0] = Math.max(peak[0], usedAfterCollections() - before);
            if (i > 0) {
                System.out.printf(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%s,%b,%d,%d,%.0f%n", f[0], f[1], f[2], f[3],
                        spec.storage().disks(), spec.storage().arrays(), horizon, latent, events[0], peak[0],
                        (double) peak[0] / spec.storage().disks());
            }
        }
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
