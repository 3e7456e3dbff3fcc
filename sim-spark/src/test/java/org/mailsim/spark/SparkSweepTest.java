package org.mailsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} on Spark ({@code local[2]}, in-process; every (configuration, block) pair a task) against the
 * mailsim command on this machine: the same sweep.csv, charts, summary and saved state, byte for byte; and a sweep
 * resumed on Spark from a local sweep's state runs nothing again and writes the same table.
 */
class SparkSweepTest {
    @TempDir
    static Path work;

    /** Four configurations of the portal baseline, five replications each. */
    private static Path sweepFile() throws IOException {
        Path file = work.resolve("small-sweep.yaml");
        if (!Files.exists(file)) {
            // A base lies in the scenario's folder tree (issue 17: extends never reads files elsewhere).
            Files.copy(SharedSpark.SCENARIOS.resolve("portal-baseline.yaml"), work.resolve("portal-baseline.yaml"));
            Files.writeString(file, String.join("\n",
                    "name: small-sweep",
                    "extends: portal-baseline.yaml",
                    "replications: 5",
                    "sweep:",
                    "  storage.raid.level: [raid5, raid6]",
                    "  backups.policy: [none, incremental]",
                    "sweepTarget: probabilityOfDataLoss <= 0.5",
                    ""));
        }
        return file;
    }

    @Test
    void aSweepOnSparkIsTheLocalSweepByteForByte() throws IOException {
        String file = sweepFile().toString();
        Path local = work.resolve("local");
        SharedSpark.Result here = SharedSpark.mailsim("sweep", file, "--out", local.toString(), "--threads", "2");
        assertThat(here.exit()).as(here.err()).isZero();

        Path spark = work.resolve("spark");
        // Two replications a task: each configuration's five in blocks of 2, 2 and 1, twelve tasks in all.
        SharedSpark.Result there = SharedSpark.spark(new SparkReplications(SharedSpark.context(),
                BlockTask.Fault.NONE, 2), "sweep", file, "--out", spark.toString());
        assertThat(there.exit()).as(there.err()).isZero();
        assertThat(there.out()).isEqualTo(here.out().replace(local.toString(), spark.toString()));

        List<Path> files = SharedSpark.files(local);
        assertThat(files).extracting(Path::toString).contains("sweep.csv", "sweep-summary.txt",
                "sweep-cost-vs-user-hours.png", "sweep-cost-vs-loss-probability.png");
        assertThat(files.stream().filter(p -> p.toString().endsWith(".state"))).hasSize(4);
        assertThat(SharedSpark.files(spark)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readAllBytes(spark.resolve(f))).as(f.toString())
                    .isEqualTo(Files.readAllBytes(local.resolve(f)));
        }

        // The state of the local sweep is the Spark sweep's too: resumed there, nothing is run, the same table.
        Path resumed = work.resolve("resumed");
        Files.createDirectories(resumed.resolve(".sweep-state"));
        for (Path f : files) {
            if (f.toString().endsWith(".state")) {
                Files.copy(local.resolve(f), resumed.resolve(f));
            }
        }
        SharedSpark.Result again = SharedSpark.spark(new SparkReplications(SharedSpark.context(),
                (block, context) -> {
                    throw new IllegalStateException("no configuration should run again");
                }, 2), "sweep", file, "--out", resumed.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("resuming: 4 of 4 configurations already finished");
        assertThat(Files.readAllBytes(resumed.resolve("sweep.csv"))).isEqualTo(
                Files.readAllBytes(local.resolve("sweep.csv")));
    }
}
