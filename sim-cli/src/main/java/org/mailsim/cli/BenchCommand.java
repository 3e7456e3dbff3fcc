package org.mailsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mailsim.engine.HoldModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Throughput benchmarks that print figures instead of asserting on time. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure simulator throughput.",
        subcommands = {BenchCommand.Engine.class})
final class BenchCommand {

    @Command(name = "engine", mixinStandardHelpOptions = true,
            description = {"Runs the hold model (pop the earliest event, reschedule it after an exponential delay) "
                    + "on mailsim's kernel and on java.util.PriorityQueue, and prints events per second.",
                    "With --format json the output is one line: {\"pending\":N,\"events\":M,\"eventsPerSecond\":X,"
                            + " ...} with the PriorityQueue figures as extra fields."})
    static final class Engine implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pending", defaultValue = "100000", description = "Events kept in the queue (default: ${DEFAULT-VALUE}).")
        int pending;

        @Option(names = "--events", defaultValue = "20000000", description = "Events to fire (default: ${DEFAULT-VALUE}).")
        long events;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Option(names = "--baseline", negatable = true, defaultValue = "true",
                description = "Also time java.util.PriorityQueue on the same loop (default: ${DEFAULT-VALUE}).")
        boolean baseline;

        @Option(names = "--rounds", defaultValue = "3",
                description = "Timed rounds of each loop; medians are reported (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the delays (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            if (pending < 1 || events < 1 || rounds < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--pending, --events and --rounds must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            // Warm-up on a tenth of the work so the JIT has compiled both loops before they are timed, then
            // alternate the two loops round by round so machine noise hits both alike; report medians.
            long warm = Math.max(1, events / 10);
            HoldModel.runKernel(pending, warm, seed);
            if (baseline) {
                HoldModel.runPriorityQueue(pending, warm, seed);
            }
            double[] kernelRounds = new double[rounds];
            double[] queueRounds = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                kernelRounds[r] = eventsPerSecond(() -> HoldModel.runKernel(pending, events, seed));
                if (baseline) {
                    queueRounds[r] = eventsPerSecond(() -> HoldModel.runPriorityQueue(pending, events, seed));
                }
            }
            double kernel = median(kernelRounds);
            double queue = baseline ? median(queueRounds) : Double.NaN;
            if (format == Format.json) {
                // One JSON document on one line; the PriorityQueue figures ride along as extra fields.
                String extra = baseline ? String.format(Locale.ROOT,
                        ",\"baseline\":\"java.util.PriorityQueue\",\"baselineEventsPerSecond\":%.0f,\"ratio\":%.3f",
                        queue, kernel / queue) : "";
                out.printf(Locale.ROOT, "{\"pending\":%d,\"events\":%d,\"eventsPerSecond\":%.0f%s}%n",
                        pending, events, kernel, extra);
            } else {
                out.printf(Locale.ROOT, "hold model, %,d pending, %,d events, median of %d rounds%n",
                        pending, events, rounds);
                out.printf(Locale.ROOT, "  mailsim kernel (radix heap)          %,15.0f events/s%n", kernel);
                if (baseline) {
                    out.printf(Locale.ROOT, "  java.util.PriorityQueue             %,15.0f events/s%n", queue);
                    out.printf(Locale.ROOT, "  ratio                               %15.2f x%n", kernel / queue);
                }
            }
            out.flush();
            return Main.EXIT_OK;
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private double eventsPerSecond(Runnable work) {
            long start = System.nanoTime();
            work.run();
            return events / ((System.nanoTime() - start) / 1e9);
        }
    }

    enum Format { table, json }
}
