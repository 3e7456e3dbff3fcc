package org.mailsim.model.storage;

import org.mailsim.engine.Simulator;
import org.mailsim.random.RandomStreams;

/**
 * A simulator and a storage model built once for a worker thread and reset for each replication it runs, so a
 * replication's setup costs a pass over primitive arrays rather than building the fleet again.
 */
public final class StorageWorkspace {
    private final Simulator sim;
    private final StorageModel storage;

    public StorageWorkspace(StorageSpec spec) {
        this(spec, TransitionSampler.PLAIN);
    }

    public StorageWorkspace(StorageSpec spec, TransitionSampler sampler) {
        // Disks whose failure lies past the run's end are not queued: a quarter of the disks is ample at first,
        // and the event list keeps what it grows to for the next replication.
        sim = new Simulator(Math.max(1024, spec.disks() / 4));
        storage = new StorageModel(spec, sim, RandomStreams.forReplication(0, 0), sampler);
    }

    /** The simulator and model at time zero, with the streams of the next replication. */
    public StorageModel reset(RandomStreams streams) {
        sim.reset();
        storage.reset(streams);
        return storage;
    }

    public Simulator simulator() {
        return sim;
    }

    public StorageModel storage() {
        return storage;
    }
}
