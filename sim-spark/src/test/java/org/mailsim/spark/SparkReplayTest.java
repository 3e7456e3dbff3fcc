package org.mailsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code replay} on Spark ({@code local[2]}, in-process; each variant a Spark job) against the mailsim command: the
 * Dreamwiz replay and its six what-ifs give the same replay.json, replay.csv, charts and variant reports, byte for
 * byte; HTML pages differ only in their line of thread count and wall-clock time.
 */
class SparkReplayTest {
    @TempDir
    static Path work;

    @Test
    void aReplayOnSparkIsTheLocalReplayByteForByte() throws IOException {
        Path local = work.resolve("local");
        String[] args = {"replay", "dreamwiz-2008", "--scenarios", SharedSpark.SCENARIOS.toString(),
                "--replications", "2", "--format", "json", "--quiet", "--out"};
        SharedSpark.Result here = SharedSpark.mailsim(with(args, local.toString(), "--threads", "2"));
        assertThat(here.exit()).as(here.err()).isZero();
        Path spark = work.resolve("spark");
        SharedSpark.Result there = SharedSpark.spark(new SparkReplications(SharedSpark.context()),
                with(args, spark.toString()));
        assertThat(there.exit()).as(there.err()).isZero();
        assertThat(there.out()).isEqualTo(here.out()).contains("\"variants\"");

        List<Path> files = SharedSpark.files(local);
        assertThat(files).extracting(Path::toString).contains("replay.json", "replay.csv", "index.html");
        assertThat(files).anyMatch(p -> p.startsWith("variants") && p.endsWith("summary.json"));
        assertThat(SharedSpark.files(spark)).isEqualTo(files);
        for (Path f : files) {
            if (f.toString().endsWith(".html")) {
                assertThat(withoutMeta(spark.resolve(f))).as(f.toString()).isEqualTo(withoutMeta(local.resolve(f)));
            } else {
                assertThat(Files.readAllBytes(spark.resolve(f))).as(f.toString())
                        .isEqualTo(Files.readAllBytes(local.resolve(f)));
            }
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static List<String> withoutMeta(Path html) throws IOException {
        return Files.readAllLines(html).stream().filter(l -> !l.startsWith("<p class=\"meta\">")).toList();
    }
}
