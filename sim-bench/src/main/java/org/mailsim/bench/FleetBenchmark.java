package org.mailsim.bench;

import java.util.concurrent.TimeUnit;
import org.mailsim.engine.Simulator;
import org.mailsim.model.storage.StorageModel;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.StorageWorkspace;
import org.mailsim.portal.ReferenceFleet;
import org.mailsim.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The storage model of the reference fleet ({@link ReferenceFleet}: RAID-5 arrays of 10 disks, Weibull lifetimes,
 * exponential 24 h rebuilds, 10 years), its two costs measured apart:
 * <ul>
 *   <li>{@code setup}: readying a replication (reset the thread's simulator and model, seed every disk's streams,
 *       draw and schedule the failures due within the 10 years), per replication;</li>
 *   <li>{@code event}: one event of a running fleet (a failure: spare, rebuild; a rebuild's end: a new disk's
 *       lifetime), in steady state, per event;</li>
 *   <li>{@code replication}: a whole replication of the storage model (setup and its ~31,000 events at 10,000
 *       arrays), to check that the two add up.</li>
 * </ul>
 * Run: {@code mvn -q -pl sim-bench -am package -DskipTests && java -jar sim-bench/target/benchmarks.jar Fleet}
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class FleetBenchmark {
    private static final int EVENTS_PER_INVOCATION = 10_000;

    @Param({"10000"})
    int arrays;

    private StorageSpec spec;
    private StorageWorkspace workspace;
    private int replication;

    @Setup(Level.Trial)
    public void build() {
        spec = ReferenceFleet.spec(arrays, 10, 1, 5).storage();
        workspace = new StorageWorkspace(spec);
    }

    /** A fleet running without end, restarted every iteration (so lost arrays, which stay lost, stay few). */
    @Setup(Level.Iteration)
    public void restart() {
        StorageModel model = workspace.reset(RandomStreams.forReplication(5, replication++));
        model.start();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int setup() {
        StorageModel model = workspace.reset(RandomStreams.forReplication(5, replication++));
        model.start(ReferenceFleet.HORIZON_HOURS);
        return workspace.simulator().pendingEvents();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double event() {
        Simulator sim = workspace.simulator();
        sim.step(EVENTS_PER_INVOCATION);
        return sim.now();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public long replication() {
        StorageModel model = workspace.reset(RandomStreams.forReplication(5, replication++));
        model.start(ReferenceFleet.HORIZON_HOURS);
        workspace.simulator().run(ReferenceFleet.HORIZON_HOURS);
        return model.diskFailures();
    }
}
