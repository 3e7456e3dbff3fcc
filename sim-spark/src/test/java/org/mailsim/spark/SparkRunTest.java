package org.mailsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on Spark ({@code local[2]}, in-process) against the mailsim command on this machine: the Dreamwiz
 * replay (incidents, phases, a reported timeline) gives the same stdout JSON, summary.json, summary.csv,
 * incidents.csv and charts, byte for byte, however the replications are cut into tasks and whether or not tasks
 * fail and are retried; index.html differs only in its line of thread count and wall-clock time.
 */
class SparkRunTest {
    static final String DREAMWIZ = SharedSpark.SCENARIOS.resolve("dreamwiz-2008.yaml").toString();
    static final String REPLICATIONS = "7";

    @TempDir
    static Path work;

    static Path local;
    static String localJson;

    @BeforeAll
    static void runOnThisMachine() {
        local = work.resolve("local");
        SharedSpark.Result r = SharedSpark.mailsim("run", DREAMWIZ, "--replications", REPLICATIONS, "--threads", "2",
                "--format", "json", "--quiet", "--out", local.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        localJson = r.out();
        assertThat(localJson).contains("\"phases\"", "\"reportedTimeline\"");
    }

    private static SharedSpark.Result runOnSpark(SparkReplications engine, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", DREAMWIZ, "--replications", REPLICATIONS,
                "--format", "json", "--quiet", "--out", out.toString()));
        args.addAll(List.of(more));
        return SharedSpark.spark(engine, args.toArray(String[]::new));
    }

    @Test
    void aRunOnSparkIsTheLocalRunByteForByteWhateverTheTasks() throws IOException {
        // 1 replication per task (7 tasks), 3 (3, 3, 1) and all 7 in one task.
        for (int perTask : new int[] {1, 3, 7}) {
            Path out = work.resolve("spark-" + perTask);
            SharedSpark.Result r = runOnSpark(new SparkReplications(SharedSpark.context(), BlockTask.Fault.NONE,
                    perTask), out);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).as("stdout JSON, %d replications per task", perTask).isEqualTo(localJson);
            assertSameReport(out, local);
        }
    }

    @Test
    void aTaskThatFailsAndIsRetriedChangesNothing() throws Exception {
        try (FailedAttempts failed = new FailedAttempts()) {
            // The first attempt of the tasks of replications 2..3 and 6 dies half-way through; Spark runs them again.
            Path out = work.resolve("spark-retried");
            SharedSpark.Result r = runOnSpark(new SparkReplications(SharedSpark.context(), new FirstAttemptDies(),
                    2), out);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(failed.count()).as("failed task attempts").isEqualTo(2);
            assertThat(r.out()).isEqualTo(localJson);
            assertSameReport(out, local);
        }
    }

    @Test
    void aTaskThatFailsEveryAttemptFailsTheRunWithOneLineAndNoReport() {
        Path out = work.resolve("spark-failed");
        SharedSpark.Result r = runOnSpark(new SparkReplications(SharedSpark.context(), new EveryAttemptDies(), 3),
                out);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("mailsim: the Spark job failed: ").contains("failed 4 times")
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void theEventBudgetHoldsOnTheExecutorsAndEndsTheRunAtOnceWithTheLocalMessage() throws Exception {
        SharedSpark.Result local = SharedSpark.mailsim("run", DREAMWIZ, "--replications", REPLICATIONS, "--threads",
                "2", "--max-events", "3", "--quiet", "--no-report");
        assertThat(local.exit()).as(local.err()).isEqualTo(1);
        assertThat(local.err()).startsWith("mailsim: replication 0: event budget of 3 events exhausted");
        try (FailedAttempts failed = new FailedAttempts()) {
            for (String[] budget : new String[][] {{"--max-events", "3"}, {"--set", "maxEvents=3"}}) {
                SharedSpark.Result r = SharedSpark.spark(new SparkReplications(SharedSpark.context(),
                        BlockTask.Fault.NONE, 3), "run", DREAMWIZ, "--replications", REPLICATIONS, budget[0], budget[1],
                        "--quiet", "--no-report");
                assertThat(r.exit()).as(r.err()).isEqualTo(1);
                assertThat(r.err()).as("the local run's message").isEqualTo(local.err());
            }
            // Exhausting the budget is deterministic: no task attempt is failed and retried for it.
            assertThat(failed.count()).as("failed task attempts").isZero();
        }
        // A budget the replications fit in changes no figure.
        SharedSpark.Result roomy = runOnSpark(new SparkReplications(SharedSpark.context(), BlockTask.Fault.NONE, 3),
                work.resolve("spark-budget"), "--max-events", "100000000");
        assertThat(roomy.exit()).as(roomy.err()).isZero();
        assertThat(roomy.out()).isEqualTo(localJson);
    }

    /** Counts the failed task attempts on the shared context while open. */
    static final class FailedAttempts implements AutoCloseable {
        private final AtomicInteger failed = new AtomicInteger();
        private final SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().failed()) {
                    failed.incrementAndGet();
                }
            }
        };

        FailedAttempts() {
            SharedSpark.context().sc().addSparkListener(listener);
        }

        /** The failed attempts so far, once the listener bus has delivered every event. */
        int count() throws java.util.concurrent.TimeoutException {
            SharedSpark.context().sc().listenerBus().waitUntilEmpty();
            return failed.get();
        }

        @Override
        public void close() {
            SharedSpark.context().sc().removeSparkListener(listener);
        }
    }

    /** Dies in the first attempt of the tasks holding replication 3 or 6 (with 2 a task: replications 2..3, 6). */
    static final class FirstAttemptDies implements BlockTask.Fault {
        private static final long serialVersionUID = 1L;

        @Override
        public void before(Block block, org.apache.spark.TaskContext context) {
            boolean chosen = block.first() <= 3 && 3 < block.first() + block.count() || block.first() == 6;
            if (chosen && context.attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt of replications from "
                        + block.first());
            }
        }
    }

    /** Dies in every attempt of the task holding replication 0. */
    static final class EveryAttemptDies implements BlockTask.Fault {
        private static final long serialVersionUID = 1L;

        @Override
        public void before(Block block, org.apache.spark.TaskContext context) {
            if (block.first() == 0) {
                throw new IllegalStateException("injected failure of attempt " + context.attemptNumber());
            }
        }
    }

    static void assertSameReport(Path actual, Path expected) throws IOException {
        List<Path> files = SharedSpark.files(expected);
        assertThat(SharedSpark.files(actual)).isEqualTo(files);
        assertThat(files).extracting(Path::toString).contains("summary.json", "summary.csv", "incidents.csv",
                "index.html");
        assertThat(files).anyMatch(p -> p.toString().endsWith(".png"));
        for (Path file : files) {
            if (file.toString().equals("index.html")) {
                // Its meta line states threads and wall-clock time: the run's own.
                assertThat(withoutMeta(actual.resolve(file))).isEqualTo(withoutMeta(expected.resolve(file)));
            } else {
                assertThat(Files.readAllBytes(actual.resolve(file))).as(file.toString())
                        .isEqualTo(Files.readAllBytes(expected.resolve(file)));
            }
        }
    }

    private static List<String> withoutMeta(Path html) throws IOException {
        return Files.readAllLines(html).stream().filter(l -> !l.startsWith("<p class=\"meta\">")).toList();
    }
}
