package org.mailsim.cli;

import java.util.List;
import java.util.Locale;
import org.mailsim.portal.PortalSpec;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Schema;
import picocli.CommandLine.Option;

/**
 * Bounds on a run, checked before it starts so that what cannot finish fails in a second, not after minutes: the
 * memory the replications running at once need against the Java heap, and the event budget of one replication
 * ({@code --max-events}, the scenario key {@code maxEvents} given on the command line).
 */
final class RunLimits {
    /**
     * Heap one replication holds per simulated disk, array and storage group, measured on the storage model on
     * primitive arrays (2026-12-02) with sim-bench's {@code ReplicationFootprint}: the heap in use after full
     * collections at checkpoints of one replication, less the heap in use before its scenario was bound, for RAID-6
     * fleets of 0.4-6.4 million disks, then differences between fleets that differ in one count (docs/speed.md,
     * "Memory"). Per disk 126 B at most when every disk's failure is pending in the event list (a 1000-year
     * horizon; 40 years: 108 B), 372 B with latent sector errors and scrubs; per array 70 B; per group 40 B and 45 B
     * more with users. Each figure below is the largest measured times 1.25, rounded up, as room for the collector:
     * a heap nearly full of live data spends its time collecting and then fails.
     */
    static final long BYTES_PER_DISK = 160;
    /** More per disk when the disks have latent sector errors (see {@link #BYTES_PER_DISK}). */
    static final long BYTES_PER_DISK_WITH_LATENT_ERRORS = 320;
    static final long BYTES_PER_ARRAY = 90;
    static final long BYTES_PER_GROUP = 110;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Events one replication may fire before it is stopped as a runaway (default: the scenario's"
                    + " maxEvents, 2,000,000,000 unless set). Same as --set maxEvents=N; changes no result.")
    Long maxEvents;

    /**
     * The --set overrides this option stands for: {@code maxEvents=N} (a key of the scenario, so every engine, a
     * cluster's executors included, runs with the same budget).
     *
     * @throws InvalidInputException when N is outside the key's range
     */
    List<String> overrides() {
        if (maxEvents == null) {
            return List.of();
        }
        if (maxEvents < Long.parseLong(Schema.MAX_EVENTS.min())
                || maxEvents > Long.parseLong(Schema.MAX_EVENTS.max())) {
            throw new InvalidInputException("--max-events " + maxEvents + ": accepted: "
                    + Schema.MAX_EVENTS.accepted());
        }
        return List.of(Schema.MAX_EVENTS.path() + "=" + maxEvents);
    }

    /**
     * Refuses a run that cannot fit the heap, saying what would.
     *
     * @throws InvalidInputException with the estimate, the heap and what fits
     */
    void check(PortalSpec spec, int threads) {
        check(spec, threads, Runtime.getRuntime().maxMemory());
    }

    /** The heap one replication of {@code spec} needs (see {@link #BYTES_PER_DISK}). */
    static long bytesPerReplication(PortalSpec spec) {
        long perDisk = BYTES_PER_DISK
                + (spec.storage().disk().latentErrors().enabled() ? BYTES_PER_DISK_WITH_LATENT_ERRORS : 0);
        return spec.storage().disks() * perDisk + (long) spec.storage().arrays() * BYTES_PER_ARRAY
                + (long) spec.storage().groups() * BYTES_PER_GROUP;
    }

    /** As {@link #check(PortalSpec, int)} against a heap of {@code heap} bytes. */
    static void check(PortalSpec spec, int threads, long heap) {
        int atOnce = Math.max(1, Math.min(threads, spec.replications()));
        long perReplication = bytesPerReplication(spec);
        if (heap == Long.MAX_VALUE || (double) perReplication * atOnce <= heap) {
            return;
        }
        // The same fleet shape, scaled down to what fits.
        long fitDisks = (long) (spec.storage().disks() * ((double) heap / atOnce / perReplication));
        String advice = perReplication <= heap
                ? "run with --threads " + Math.max(1, heap / perReplication) + " (results are identical for any"
                        + " count), or raise the heap"
                : "at most about " + String.format(Locale.ROOT, "%,d", fitDisks) + " disks fit; use fewer groups or"
                        + " arrays, or raise the heap";
        throw new InvalidInputException(String.format(Locale.ROOT, "the run needs about %.1f GB (%,d disks in %,d"
                + " groups, %d replication%s at once) but the Java heap holds %.1f GB; %s (MAILSIM_JAVA_OPTS=-Xmx16g"
                + " ./mailsim ...)", perReplication * (double) atOnce / 1e9, spec.storage().disks(),
                spec.storage().groups(), atOnce, atOnce == 1 ? "" : "s", heap / 1e9, advice));
    }

    ReplicationRunner.Progress progress(boolean quiet) {
        return ProgressBar.forTerminal(quiet);
    }
}
