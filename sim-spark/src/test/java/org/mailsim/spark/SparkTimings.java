package org.mailsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mailsim.cli.Main;

/**
 * The README's Spark figures (not a test: no timed assertion belongs in one). In one JVM and one {@code local[2]}
 * context, warm after the first round, interleaved: a sweep by the mailsim command (2 threads) and on Spark; then
 * one run cut into 2 tasks and into 400, for the overhead per task. Reports under /tmp/mailsim-timings.
 *
 * <pre>
 * mvn -q -B -pl sim-spark -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java $(options of spark.java17.options in sim-spark/pom.xml) \
 *   -cp sim-spark/target/test-classes:sim-spark/target/classes:$(cat /tmp/cp.txt) org.mailsim.spark.SparkTimings \
 *   scenarios/raid-budget-sweep.yaml 20 scenarios/portal-baseline.yaml
 * </pre>
 */
public final class SparkTimings {
    private SparkTimings() {
    }

    public static void main(String[] args) {
        String sweep = args[0];
        String replications = args[1];
        String run = args[2];
        try (JavaSparkContext spark = new JavaSparkContext(new SparkConf().setMaster("local[2]")
                .setAppName("mailsim timings").set("spark.ui.enabled", "false").set("spark.log.level", "WARN"))) {
            for (int round = 0; round < 4; round++) {
                String dir = "/tmp/mailsim-timings/sweep-" + round;
                long start = System.nanoTime();
                int a = Main.commandLine().execute("sweep", sweep, "--replications", replications, "--threads", "2",
                        "--out", dir + "-local");
                double local = (System.nanoTime() - start) / 1e9;
                start = System.nanoTime();
                int b = SparkMain.execute(spark, "sweep", sweep, "--replications", replications, "--out",
                        dir + "-spark");
                double onSpark = (System.nanoTime() - start) / 1e9;
                System.err.printf("sweep round %d: local %.2f s (exit %d), local[2] %.2f s (exit %d), ratio %.2f%n",
                        round, local, a, onSpark, b, onSpark / local);
            }
            for (int round = 0; round < 4; round++) {
                for (String perTask : new String[] {"200", "1"}) {
                    spark.setLocalProperty(SparkReplications.REPLICATIONS_PER_TASK, perTask);
                    long start = System.nanoTime();
                    int code = SparkMain.execute(spark, "run", run, "--replications", "400", "--no-report",
                            "--quiet", "--format", "json");
                    System.err.printf("run round %d, %s replications per task: %.2f s (exit %d)%n", round, perTask,
                            (System.nanoTime() - start) / 1e9, code);
                }
            }
            spark.setLocalProperty(SparkReplications.REPLICATIONS_PER_TASK, null);
        }
    }
}
