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
     * Resident bytes per simulated disk and per storage group of one replication, measured on the storage model
     * (about 1.4 KB a disk, 2026-12); the estimate is meant to refuse only what surely does not fit.
     */
    static final long BYTES_PER_DISK = 1400;
    static final long BYTES_PER_GROUP = 2000;

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
        long heap = Runtime.getRuntime().maxMemory();
        int atOnce = Math.max(1, Math.min(threads, spec.replications()));
        long perReplication = spec.storage().disks() * BYTES_PER_DISK
                + (long) spec.storage().groups() * BYTES_PER_GROUP;
        if (heap == Long.MAX_VALUE || (double) perReplication * atOnce <= heap) {
            return;
        }
        long fitDisks = heap / atOnce / BYTES_PER_DISK;
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
