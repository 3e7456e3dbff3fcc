package org.mailsim.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.TaskContext;
import org.apache.spark.broadcast.Broadcast;
import org.mailsim.cli.ReplicationLines;
import org.mailsim.engine.EventBudgetExceededException;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.ScenarioBinding;
import org.mailsim.run.ReplicationRunner;
import org.mailsim.scenario.Scenario;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What an executor runs for one partition (one {@link Block}): binds the block's scenario from its YAML text (sent
 * once per executor as a broadcast), computes the block's replications in index order and returns them as the
 * replication lines of a results part ({@link ReplicationLines}), gzipped. The task uses {@code spark.task.cpus}
 * threads; the result does not depend on it. A replication that exhausts the scenario's event budget
 * ({@code maxEvents}) would exhaust it in every attempt: the task then returns {@link #budgetExhausted} instead of
 * failing, so Spark does not run it again, and the driver fails the run with the local run's message.
 */
final class BlockTask extends AbstractFunction1<Iterator<Block>, byte[]> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Bound scenarios by YAML text, kept for the executor's later tasks (binding is not free; a sweep has a few). */
    private static final Map<String, PortalExperiment> EXPERIMENTS = new ConcurrentHashMap<>();
    private static final int CACHED = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs before a block is computed: a no-op, except for tests that make a task attempt fail. */
    interface Fault extends Serializable {
        Fault NONE = (block, context) -> { };

        void before(Block block, TaskContext context);
    }

    private final Broadcast<List<String>> scenarios;
    private final Fault fault;

    BlockTask(Broadcast<List<String>> scenarios, Fault fault) {
        this.scenarios = scenarios;
        this.fault = fault;
    }

    @Override
    public byte[] apply(Iterator<Block> blocks) {
        if (!blocks.hasNext()) {
            throw new IllegalStateException("a partition without a block");
        }
        Block block = blocks.next();
        if (blocks.hasNext()) {
            throw new IllegalStateException("a partition with more than one block");
        }
        TaskContext context = TaskContext.get();
        fault.before(block, context);
        PortalExperiment experiment = experiment(scenarios.value().get(block.job()));
        int threads = context == null ? 1 : Math.max(1, context.cpus());
        try {
            return compute(experiment, block, threads);
        } catch (EventBudgetExceededException e) {
            return budgetExhausted(e);
        }
    }

    private static byte[] compute(PortalExperiment experiment, Block block, int threads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(block.count() * 256);
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes, 1 << 16), StandardCharsets.UTF_8)) {
            int[] next = {block.first()};
            experiment.replicate(threads, block.first(), block.count(), replication -> {
                try {
                    ReplicationLines.write(out, next[0]++, replication);
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, ReplicationRunner.Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first line of a task's result that stands for an exhausted event budget instead of replications. */
    static final String BUDGET_EXHAUSTED = "{\"eventBudgetExhausted\":";

    /** A task's result saying that a replication exhausted its event budget: one line, the message. */
    static byte[] budgetExhausted(EventBudgetExceededException e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new GZIPOutputStream(bytes), StandardCharsets.UTF_8)) {
            out.write(BUDGET_EXHAUSTED + JSON.writeValueAsString(e.getMessage()) + "}\n");
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return bytes.toByteArray();
    }

    private static PortalExperiment experiment(String yaml) {
        PortalExperiment cached = EXPERIMENTS.get(yaml);
        if (cached != null) {
            return cached;
        }
        PortalExperiment bound = new PortalExperiment(ScenarioBinding.bind(Scenario.parse(yaml)));
        if (EXPERIMENTS.size() >= CACHED) {
            EXPERIMENTS.clear();
        }
        EXPERIMENTS.put(yaml, bound);
        return bound;
    }
}
