package org.mailsim.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.mailsim.cli.ReplicationEngine;
import org.mailsim.cli.ReplicationLines;
import org.mailsim.cli.SweepCommand;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Scenario;
import org.mailsim.sweep.Configuration;
import org.mailsim.sweep.ConfigurationRunner;
import org.mailsim.sweep.SweepPoint;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Computes replications on a Spark cluster: the engine behind {@code run} and {@code replay}, and the runner of
 * {@code sweep}, in the Spark driver ({@link SparkMain}).
 *
 * <p>A job is a list of scenarios (one for a run; one per configuration for a sweep), each with the replications
 * to compute. They are cut into blocks of {@value #REPLICATIONS_PER_TASK} replications (by default about four tasks
 * per core of the cluster), one Spark task each ({@link BlockTask}). The scenarios travel as YAML text, broadcast
 * once per executor; executors read no file. Each task returns its replications as the lines of a results part,
 * gzipped. The driver takes the tasks' results as they finish, but hands replications on strictly in block order,
 * so they are merged in replication order through the same code as a run on one machine
 * ({@link PortalExperiment.Merge}): the figures are the same bits whatever the number of executors, the
 * partitioning, retried or speculative tasks. Memory on the driver holds only the blocks that finished ahead of
 * the one due.
 */
public final class SparkReplications implements ReplicationEngine {
    /**
     * Spark setting, or local property of the submitting thread: replications per task (default: about four tasks
     * per core the cluster offers).
     */
    public static final String REPLICATIONS_PER_TASK = "spark.mailsim.replicationsPerTask";
    private static final int TASKS_PER_CORE = 4;

    private final JavaSparkContext spark;
    private final BlockTask.Fault fault;
    private final int perTask;

    public SparkReplications(JavaSparkContext spark) {
        this(spark, BlockTask.Fault.NONE, 0);
    }

    /**
     * With a fault injected into tasks and a block size of its own (tests of retries and partitioning).
     *
     * @param perTask replications per task, or 0 for the setting or its default
     */
    SparkReplications(JavaSparkContext spark, BlockTask.Fault fault, int perTask) {
        this.spark = spark;
        this.fault = fault;
        this.perTask = perTask;
    }

    /** Replications of one scenario to compute, handed to {@code inOrder} in index order. */
    record Job(String yaml, int first, int count, Consumer<? super PortalExperiment.Replication> inOrder) {
    }

    @Override
    public void run(Scenario scenario, PortalSpec spec, int threads, int first, int count,
            Consumer<? super PortalExperiment.Replication> inOrder, ReplicationRunner.Progress progress) {
        compute(List.of(new Job(shippable(scenario), first, count, inOrder)), progress);
    }

    /** The runner of {@code sweep}: every pending configuration's blocks in one Spark job. */
    public SweepCommand.RunnerFactory sweeps() {
        return (file, sets, threads) -> new SweepRunner(file, sets);
    }

    /**
     * The scenario as the executors get it: the keys its files and --set values wrote ({@link Scenario#writtenYaml}),
     * checked to read back to the same values and defaults, so an executor binds exactly the scenario the driver
     * loaded (extends chain, --set values and all).
     */
    static String shippable(Scenario scenario) {
        String yaml = scenario.writtenYaml();
        String again = Scenario.parse(yaml).toYaml();
        if (!withoutFirstLine(again).equals(withoutFirstLine(scenario.toYaml()))) {
            throw new IllegalStateException("scenario " + scenario.name() + " does not read back from its YAML as "
                    + "run; it cannot be sent to the executors");
        }
        return yaml;
    }

    /** The YAML without its first line, the comment naming the files it was read from. */
    private static String withoutFirstLine(String yaml) {
        return yaml.substring(yaml.indexOf('\n') + 1);
    }

    /** Replications per task: the setting, or about {@value #TASKS_PER_CORE} tasks per core. */
    int replicationsPerTask(long total) {
        // A local property (JavaSparkContext.setLocalProperty) wins over the context's setting: one context, such
        // as a notebook's, can size its jobs' tasks one by one.
        String local = spark.getLocalProperty(REPLICATIONS_PER_TASK);
        long setting = perTask > 0 ? perTask
                : local != null ? Long.parseLong(local.strip()) : spark.getConf().getLong(REPLICATIONS_PER_TASK, 0);
        if (setting > 0) {
            return (int) Math.min(setting, Integer.MAX_VALUE);
        }
        long tasks = (long) TASKS_PER_CORE * Math.max(1, spark.defaultParallelism());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + tasks - 1) / tasks));
    }

    /** Cuts the jobs into blocks: in job order, each job's replications in order. */
    static List<Block> blocks(List<Job> jobs, int perTask) {
        List<Block> blocks = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            Job job = jobs.get(j);
            long end = (long) job.first() + job.count();
            for (long first = job.first(); first < end; first += perTask) {
                blocks.add(new Block(j, (int) first, (int) Math.min(perTask, end - first)));
            }
        }
        return blocks;
    }

    /** Runs the jobs' blocks as one Spark job and hands every replication on, in job and index order. */
    void compute(List<Job> jobs, ReplicationRunner.Progress progress) {
        long total = 0;
        List<String> yamls = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            total += job.count();
            yamls.add(job.yaml());
        }
        List<Block> blocks = blocks(jobs, replicationsPerTask(total));
        Broadcast<List<String>> scenarios = spark.broadcast(yamls);
        JavaRDD<Block> rdd = spark.parallelize(blocks, blocks.size());
        AtomicReferenceArray<byte[]> arrived = new AtomicReferenceArray<>(blocks.size());
        Object signal = new Object();
        List<Object> partitions = new ArrayList<>(blocks.size());
        for (int p = 0; p < blocks.size(); p++) {
            partitions.add(p);
        }
        spark.setJobDescription("mailsim: " + total + " replications in " + blocks.size() + " tasks");
        SimpleFutureAction<BoxedUnit> job = spark.sc().submitJob(rdd.rdd(), new BlockTask(scenarios, fault),
                CollectionConverters.asScala(partitions).toList(), new AbstractFunction2<Object, byte[], BoxedUnit>() {
                    @Override
                    public BoxedUnit apply(Object partition, byte[] result) {
                        // Spark's scheduler thread: keep it short; the caller's thread decodes and merges.
                        arrived.set((Integer) partition, result);
                        synchronized (signal) {
                            signal.notifyAll();
                        }
                        return BoxedUnit.UNIT;
                    }
                }, new AbstractFunction0<BoxedUnit>() {
                    @Override
                    public BoxedUnit apply() {
                        return BoxedUnit.UNIT;
                    }
                });
        boolean finished = false;
        try {
            long done = 0;
            for (int b = 0; b < blocks.size(); b++) {
                byte[] result = await(b, arrived, signal, job);
                arrived.set(b, null);
                Block block = blocks.get(b);
                decode(result, block, jobs.get(block.job()).inOrder());
                done += block.count();
                progress.completed((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE));
            }
            finished = true;
        } finally {
            if (!finished) {
                job.cancel();
                progress.abandoned();
            }
            scenarios.destroy();
        }
    }

    private static byte[] await(int block, AtomicReferenceArray<byte[]> arrived, Object signal,
            SimpleFutureAction<BoxedUnit> job) {
        synchronized (signal) {
            while (arrived.get(block) == null && !job.isCompleted()) {
                try {
                    signal.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Spark job", e);
                }
            }
        }
        byte[] result = arrived.get(block);
        if (result != null) {
            return result;
        }
        try {
            job.get();
        } catch (SparkException e) {
            throw new IllegalStateException("the Spark job failed: " + reason(e), e);
        }
        throw new IllegalStateException("the Spark job finished without the result of task " + block);
    }

    /**
     * The first line of the innermost Spark message ("Job aborted due to stage failure: Task 0 in stage 3.0 failed 4
     * times, most recent failure: ... the task's exception"), not the wrapper's "Exception thrown in awaitResult".
     */
    private static String reason(SparkException e) {
        String message = String.valueOf(e.getMessage());
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SparkException && t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }

    /** Reads a task's result back: exactly the block's replications, in order. */
    static void decode(byte[] result, Block block, Consumer<? super PortalExperiment.Replication> inOrder) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(result)), StandardCharsets.UTF_8))) {
            for (int k = 0; k < block.count(); k++) {
                String line = in.readLine();
                if (k == 0 && line != null && line.startsWith(BlockTask.BUDGET_EXHAUSTED)) {
                    // The task's replication exhausted the event budget: the local run's failure, said the same way.
                    throw new IllegalStateException(new ObjectMapper().readTree(line).path("eventBudgetExhausted")
                            .asText());
                }
                if (line == null) {
                    throw new IllegalStateException("task of replications " + block.first() + ".."
                            + (block.first() + block.count() - 1) + " returned only " + k);
                }
                inOrder.accept(ReplicationLines.read(line, block.first() + k));
            }
            if (in.readLine() != null) {
                throw new IllegalStateException("task of replications " + block.first() + ".."
                        + (block.first() + block.count() - 1) + " returned more lines than replications");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a task's results: " + e.getMessage(), e);
        }
    }

    /**
     * A sweep's configurations: {@link #starting} runs every pending one on the cluster at once, as (configuration,
     * block) tasks, and merges each in replication order; {@link #run} then hands the sweep its points in grid order.
     */
    /** A sweep configuration ready to ship: its YAML for the executors, its binding for the driver's merge. */
    private record Prepared(String yaml, PortalSpec spec) {
    }

    private final class SweepRunner implements ConfigurationRunner {
        private final Path file;
        private final List<String> sets;
        private final Map<Map<String, String>, SweepPoint> points = new HashMap<>();

        SweepRunner(Path file, List<String> sets) {
            this.file = file;
            this.sets = sets;
        }

        @Override
        public void starting(List<Configuration> pending) {
            // Loading, binding and checking a configuration costs the driver tens of milliseconds, all before the
            // job can start: on every core of the driver, not one after the other (results keep grid order).
            List<Prepared> prepared = pending.parallelStream().map(this::prepare).toList();
            List<Job> jobs = new ArrayList<>(pending.size());
            List<PortalExperiment.Merge> merges = new ArrayList<>(pending.size());
            List<org.mailsim.run.RunExtent> extents = new ArrayList<>(pending.size());
            for (Prepared p : prepared) {
                PortalExperiment.Merge merge = new PortalExperiment.Merge(p.spec());
                merges.add(merge);
                extents.add(p.spec().extent());
                jobs.add(new Job(p.yaml(), 0, p.spec().replications(), merge::add));
            }
            compute(jobs, ReplicationRunner.Progress.NONE);
            for (int i = 0; i < pending.size(); i++) {
                points.put(pending.get(i).overrides(), SweepPoint.of(merges.get(i).outcome().statistics(),
                        extents.get(i)));
            }
        }

        /** A configuration bound as the mailsim command's runner binds it: the sweep's --set values, then its own. */
        private Prepared prepare(Configuration c) {
            List<String> all = new ArrayList<>(sets);
            c.overrides().forEach((key, value) -> all.add(key + "=" + value));
            Scenario scenario = Scenario.load(file, all);
            return new Prepared(shippable(scenario), ScenarioBinding.bind(scenario));
        }

        @Override
        public SweepPoint run(Map<String, String> overrides) {
            SweepPoint point = points.remove(overrides);
            if (point == null) {
                throw new IllegalStateException("configuration " + overrides + " was not run on the cluster");
            }
            return point;
        }
    }
}
