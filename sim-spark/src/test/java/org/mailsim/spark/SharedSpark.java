package org.mailsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.mailsim.cli.Main;
import picocli.CommandLine;

/**
 * One in-process Spark for every test of this module (starting one costs seconds): two worker threads
 * ({@code local[2]}), and up to four attempts per task ({@code local[N,F]} is how local mode takes
 * {@code spark.task.maxFailures}, which it otherwise ignores), so the retry tests can fail a task and see it retried.
 */
final class SharedSpark {
    static final Path ROOT = Path.of(System.getProperty("mailsim.root", "..")).toAbsolutePath().normalize();
    static final Path SCENARIOS = ROOT.resolve("scenarios");

    private static JavaSparkContext context;

    private SharedSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2,4]")
                    .setAppName("mailsim tests")
                    .set("spark.task.maxFailures", "4")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.showConsoleProgress", "false");
            context = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop, "mailsim-tests-spark-stop"));
        }
        return context;
    }

    /** What a command printed and returned. */
    record Result(int exit, String out, String err) {
    }

    /** The mailsim command, in this JVM. */
    static Result mailsim(String... args) {
        return execute(Main.commandLine(), args);
    }

    /** The Spark driver's command line with {@code engine}, in this JVM. */
    static Result spark(SparkReplications engine, String... args) {
        return execute(SparkMain.commandLine(engine), args);
    }

    private static Result execute(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The files of a folder, by name, sorted (hidden state folders included, recursively). */
    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(folder::relativize).sorted().toList();
        }
    }
}
