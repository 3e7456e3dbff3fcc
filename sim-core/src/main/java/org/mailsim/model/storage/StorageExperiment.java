package org.mailsim.model.storage;

import org.mailsim.engine.Simulator;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.ReplicationResult;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.run.RunStatistics;

/**
 * Runs replications of a storage-only experiment: build the model, run it to the horizon (or to its first data
 * loss), record the result, merge the statistics in replication order.
 */
public final class StorageExperiment {
    private final StorageSpec spec;
    private final Horizon horizon;
    private final TransitionSampler sampler;

    public StorageExperiment(StorageSpec spec, Horizon horizon) {
        this(spec, horizon, TransitionSampler.PLAIN);
    }

    public StorageExperiment(StorageSpec spec, Horizon horizon, TransitionSampler sampler) {
        this.spec = spec;
        this.horizon = horizon;
        this.sampler = sampler;
    }

    /** Runs {@code replications} replications on {@code threads} threads; the result does not depend on threads. */
    public RunStatistics run(long seed, int replications, int threads) {
        return run(seed, replications, threads, ReplicationRunner.Progress.NONE);
    }

    public RunStatistics run(long seed, int replications, int threads, ReplicationRunner.Progress progress) {
        RunStatistics statistics = new RunStatistics();
        new ReplicationRunner(threads).run(replications, () -> new StorageWorkspace(spec, sampler),
                (StorageWorkspace w, int i) -> replicate(w, seed, i), statistics::add, progress);
        return statistics;
    }

    /** One replication. */
    public ReplicationResult replicate(long seed, int replication) {
        return replicate(new StorageWorkspace(spec, sampler), seed, replication);
    }

    /** One replication in {@code workspace} (one of this experiment's spec and sampler, used by one thread). */
    public ReplicationResult replicate(StorageWorkspace workspace, long seed, int replication) {
        StorageModel model = workspace.reset(RandomStreams.forReplication(seed, replication));
        Simulator sim = workspace.simulator();
        if (horizon.untilFirstDataLoss()) {
            model.addListener(new StorageListener() {
                @Override
                public void dataLost(double hours, int group, int array, LossCause cause, double bytes) {
                    sim.stop();
                }
            });
        }
        model.start(horizon.hours());
        sim.run(horizon.hours());
        ReplicationResult.Builder result = new ReplicationResult.Builder();
        model.recordInto(result);
        double firstLoss = model.firstLossHours();
        result.observedHours(Double.isNaN(firstLoss) ? horizon.hours() : firstLoss);
        return result.build();
    }
}
