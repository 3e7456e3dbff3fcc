package org.mailsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mailsim.cli.Main;
import org.mailsim.cli.ReplayCommand;
import org.mailsim.cli.RunCommand;
import org.mailsim.cli.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark driver: {@code spark-submit --class org.mailsim.spark.SparkMain mailsim-spark.jar run|sweep|replay
 * SCENARIO [the mailsim command's options]}. The commands are the mailsim command's own (same options, checks,
 * report folders, exit codes); only their replications are computed on the cluster ({@link SparkReplications}).
 * Files (scenarios, reports, sweep state) are read and written by the driver; executors get the scenarios as text.
 */
@Command(name = "mailsim-spark", mixinStandardHelpOptions = true, versionProvider = SparkMain.Version.class,
        description = {"mailsim's run, sweep and replay with the replications computed on an Apache Spark cluster; "
                + "results are byte for byte those of the mailsim command.",
                "Replications per task: --conf " + SparkReplications.REPLICATIONS_PER_TASK + "=N (default: about "
                        + "four tasks per core)."})
public final class SparkMain {
    private SparkMain() {
    }

    public static void main(String[] args) {
        SparkConf conf = new SparkConf().setAppName("mailsim " + String.join(" ", args));
        int code;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            code = commandLine(new SparkReplications(spark)).execute(args);
        }
        System.exit(code);
    }

    /** The driver's command line with {@code engine} computing the replications. */
    static CommandLine commandLine(SparkReplications engine) {
        CommandLine cli = new CommandLine(new SparkMain());
        cli.addSubcommand(new RunCommand(engine));
        cli.addSubcommand(new SweepCommand(engine.sweeps()));
        cli.addSubcommand(new ReplayCommand(engine));
        cli.addSubcommand(new CommandLine.HelpCommand());
        return Main.configure(cli);
    }

    /** Runs the driver's command line on an existing Spark context (tests, notebooks); returns the exit code. */
    public static int execute(JavaSparkContext spark, String... args) {
        return commandLine(new SparkReplications(spark)).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mailsim " + Main.version() + " (Spark " + org.apache.spark.package$.MODULE$
                    .SPARK_VERSION() + ")"};
        }
    }
}
