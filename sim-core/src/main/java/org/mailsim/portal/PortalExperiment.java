package org.mailsim.portal;

import java.util.Map;
import java.util.function.Consumer;
import org.mailsim.engine.EventBudgetExceededException;
import org.mailsim.engine.Simulator;
import org.mailsim.model.operations.CostModel;
import org.mailsim.model.operations.Fleet;
import org.mailsim.model.storage.StorageWorkspace;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;

/**
 * Runs a portal's replications in parallel and merges them, in replication order, into statistics and the mean
 * cost breakdown: the pipeline's "run replications, merge statistics" step.
 */
public final class PortalExperiment {
    private final PortalSpec spec;
    private final Fleet storageOnlyFleet; // the same in every replication of a spec without users; else null

    public PortalExperiment(PortalSpec spec) {
        this.spec = spec;
        this.storageOnlyFleet = PortalReplication.storageOnlyFleet(spec);
    }

    /** What a run produced. {@code meanCost} is the cost breakdown averaged over replications, in stable key order. */
    public record Outcome(PortalSpec spec, RunStatistics statistics, Map<String, Double> meanCost) {
    }

    public Outcome run(int threads, ReplicationRunner.Progress progress) {
        return run(threads, 0, spec.replications(), replication -> { }, progress);
    }

    /**
     * Runs replications {@code first .. first + count - 1} only (one shard of a run spread over machines) and
     * hands each one, in index order, to {@code tap} before merging it.
     */
    public Outcome run(int threads, int first, int count, Consumer<? super Replication> tap,
            ReplicationRunner.Progress progress) {
        Merge merge = new Merge(spec);
        replicate(threads, first, count, r -> {
            tap.accept(r);
            merge.add(r);
        }, progress);
        return merge.outcome();
    }

    /**
     * Runs replications {@code first .. first + count - 1} on {@code threads} threads and hands each one, in index
     * order, to {@code inOrder} on the calling thread: a block of a run, as a shard or a cluster task computes it.
     */
    public void replicate(int threads, int first, int count, Consumer<? super Replication> inOrder,
            ReplicationRunner.Progress progress) {
        if (first < 0 || count < 1 || (long) first + count > spec.replications()) {
            throw new IllegalArgumentException("replications " + first + ".." + ((long) first + count - 1)
                    + " are not within 0.." + (spec.replications() - 1));
        }
        // Each worker thread builds the storage once and resets it for every replication it runs.
        boolean follow = progress.followsReplications();
        double horizon = spec.horizon().hours();
        try {
            new ReplicationRunner(threads).run(count, () -> new StorageWorkspace(spec.storage()),
                    (StorageWorkspace w, int k) -> replicate(w, first + k, !follow ? null
                            : (now, events) -> progress.running(k, count, Math.min(1, now / horizon), events)),
                    inOrder, progress);
        } catch (RuntimeException | Error e) {
            progress.abandoned();
            throw e;
        }
    }

    /** One replication's result and cost; deterministic in (seed, index). */
    public Replication replicate(int index) {
        return replicate(new StorageWorkspace(spec.storage()), index);
    }

    /** One replication in {@code workspace} (one of this spec's storage, used by one thread at a time). */
    public Replication replicate(StorageWorkspace workspace, int index) {
        return replicate(workspace, index, null);
    }

    /**
     * One replication in {@code workspace}, telling {@code checkpoint} (null for none) how far it has got every
     * {@value Simulator#CHECKPOINT_EVERY} events; the result is the same with or without.
     */
    public Replication replicate(StorageWorkspace workspace, int index, Simulator.Checkpoint checkpoint) {
        PortalReplication replication = new PortalReplication(spec, index, workspace, checkpoint, storageOnlyFleet);
        ReplicationResult result;
        try {
            result = replication.run();
        } catch (EventBudgetExceededException e) {
            throw new EventBudgetExceededException(e.budget(), e.simulatedTime(), "replication " + index + ": ",
                    "raise the budget (scenario key maxEvents, or mailsim run --max-events N) only if it really"
                            + " needs more");
        }
        return new Replication(result, replication.cost(), replication.eventsFired());
    }

    /**
     * One replication's result and cost, and how many events it fired (for throughput figures; 0 when the
     * replication was read back from saved results).
     */
    public record Replication(ReplicationResult result, CostModel.Breakdown cost, long events) {
        public Replication(ReplicationResult result, CostModel.Breakdown cost) {
            this(result, cost, 0);
        }
    }

    /**
     * Merges replications, handed over in index order, into an {@link Outcome}. The one way results are combined:
     * by a run as its replications finish, and by {@code mailsim merge} from the saved results of a run spread
     * over machines, so both give the same bits.
     */
    public static final class Merge {
        private final PortalSpec spec;
        private final RunStatistics statistics = new RunStatistics();
        private final double[] total = new double[CostModel.KEYS.length]; // item by item, in replication order
        private long count;

        public Merge(PortalSpec spec) {
            this.spec = spec;
        }

        public void add(Replication replication) {
            statistics.add(replication.result());
            CostModel.Breakdown cost = replication.cost();
            for (int i = 0; i < total.length; i++) {
                total[i] = count == 0 ? cost.amount(i) : total[i] + cost.amount(i);
            }
            count++;
        }

        /** The merged outcome; the cost is averaged over the replications added. */
        public Outcome outcome() {
            if (count == 0) {
                throw new IllegalStateException("no replications merged");
            }
            return new Outcome(spec, statistics, new CostModel.Breakdown(total).scaled(1.0 / count).asMap());
        }
    }
}
