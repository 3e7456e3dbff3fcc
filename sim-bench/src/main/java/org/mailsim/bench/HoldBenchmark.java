package org.mailsim.bench;

import java.util.concurrent.TimeUnit;
import org.mailsim.engine.HoldModel;
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
 * The hold model on mailsim's kernel and on java.util.PriorityQueue, in events per second (each operation is one
 * pop plus one push at a constant queue size). Run:
 * {@code mvn -q -pl sim-bench -am package -DskipTests && java -jar sim-bench/target/benchmarks.jar Hold}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HoldBenchmark {
    private static final int EVENTS_PER_INVOCATION = 10_000;

    @Param({"1000", "100000", "1000000"})
    int pending;

    private HoldModel.Loop kernel;
    private HoldModel.Loop priorityQueue;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = HoldModel.kernel(pending, 1);
        priorityQueue = HoldModel.priorityQueue(pending, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double kernel() {
        return kernel.advance(EVENTS_PER_INVOCATION);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public double priorityQueue() {
        return priorityQueue.advance(EVENTS_PER_INVOCATION);
    }
}
