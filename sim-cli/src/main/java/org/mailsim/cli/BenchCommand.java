package org.mailsim.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.mailsim.engine.HoldModel;
import org.mailsim.portal.PortalExperiment;
import org.mailsim.portal.PortalSpec;
import org.mailsim.portal.ReferenceFleet;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Throughput benchmarks that print figures instead of asserting on time. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure simulator throughput.",
        subcommands = {BenchCommand.Engine.class, BenchCommand.Fleet.class})
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

    @Command(name = "fleet", mixinStandardHelpOptions = true,
            description = {"Runs the reference fleet (ARRAYS storage groups of one RAID-5 array of WIDTH 4 TB disks, "
                    + "Weibull(1.12, 461,386 h) lifetimes, exponential 24 h rebuilds, unlimited crews, 10 years, "
                    + "no users) through the same path as mailsim run, and prints its throughput.",
                    "With --format json the output is one line: {\"arrays\":A,\"width\":W,\"disks\":D,"
                            + "\"replications\":R,\"threads\":T,\"events\":E,\"wallSeconds\":S,"
                            + "\"eventsPerSecond\":X,\"replicationsPerSecond\":Y,\"peakHeapBytes\":H,"
                            + "\"lossesPerReplication\":L,\"cpuSeconds\":C}. Wall time covers the replications only "
                            + "(the scenario is bound and the JIT warmed on a few replications first); CPU seconds are "
                            + "the whole process's over that time (every thread: workers, JIT, GC), so with T threads "
                            + "on a busy machine they show the work apart from the cores it got; peak heap is the "
                            + "largest heap in use during them, garbage included."})
    static final class Fleet implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--arrays", defaultValue = "10000", description = "Arrays, one per group (default: ${DEFAULT-VALUE}).")
        int arrays;

        @Option(names = "--width", defaultValue = "10", description = "Disks per RAID-5 array (default: ${DEFAULT-VALUE}).")
        int width;

        @Option(names = "--replications", defaultValue = "100", description = "Replications (default: ${DEFAULT-VALUE}).")
        int replications;

        @Option(names = "--threads", defaultValue = "1", description = "Worker threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--seed", defaultValue = "5", description = "Seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--warmup", defaultValue = "3",
                description = "Replications run before timing on the same threads, to compile the hot path, repeated "
                        + "while the JIT is still busy (default: ${DEFAULT-VALUE}).")
        int warmup;

        /** At least and at most this many rounds of warm-up replications. */
        private static final int MIN_WARMUP_ROUNDS = 3;
        private static final int WARMUP_ROUNDS = 20;
        /** After a round the process pauses this long; the JIT is done when the process used at most JIT_QUIET of it. */
        private static final long QUIET_PAUSE_MILLIS = 100;
        private static final double JIT_QUIET = 0.1;

        @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() {
            if (arrays < 1 || width < 3 || width > 64 || replications < 1 || threads < 1 || warmup < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "need --arrays >= 1, --width 3..64, --replications >= 1, --threads >= 1, --warmup >= 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            PortalSpec fleet = ReferenceFleet.spec(arrays, width, replications, seed);
            if (warmup > 0) {
                warmUp();
            }
            LongAdder events = new LongAdder();
            resetPeakHeap();
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            PortalExperiment.Outcome outcome = new PortalExperiment(fleet)
                    .run(threads, 0, replications, r -> events.add(r.events()), ReplicationRunner.Progress.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            long peakHeap = peakHeap();
            double losses = outcome.statistics().summary(Metric.DATA_LOSS_EVENTS).mean();
            long fired = events.sum();
            if (format == Format.json) {
                out.printf(Locale.ROOT, "{\"arrays\":%d,\"width\":%d,\"disks\":%d,\"replications\":%d,\"threads\":%d,"
                                + "\"events\":%d,\"wallSeconds\":%.3f,\"eventsPerSecond\":%.0f,"
                                + "\"replicationsPerSecond\":%.2f,\"peakHeapBytes\":%d,\"lossesPerReplication\":%.4f,"
                                + "\"cpuSeconds\":%.3f}%n",
                        arrays, width, (long) arrays * width, replications, threads, fired, seconds, fired / seconds,
                        replications / seconds, peakHeap, losses, cpuSeconds);
            } else {
                out.printf(Locale.ROOT, "reference fleet: %,d RAID-5 arrays of %d disks, 10 years, %,d replications, "
                        + "%d thread(s)%n", arrays, width, replications, threads);
                out.printf(Locale.ROOT, "  events                 %,15d%n", fired);
                out.printf(Locale.ROOT, "  wall seconds           %15.3f%n", seconds);
                out.printf(Locale.ROOT, "  CPU seconds (process)  %15.3f%n", cpuSeconds);
                out.printf(Locale.ROOT, "  events/s               %,15.0f%n", fired / seconds);
                out.printf(Locale.ROOT, "  replications/s         %,15.2f%n", replications / seconds);
                out.printf(Locale.ROOT, "  peak heap              %,15.1f MB%n", peakHeap / 1e6);
                out.printf(Locale.ROOT, "  losses per replication %15.4f%n", losses);
            }
            out.flush();
            return Main.EXIT_OK;
        }

        /**
         * Runs the first {@code warmup} replications on the timed run's thread count {@value #MIN_WARMUP_ROUNDS}
         * times, then again (at most {@value #WARMUP_ROUNDS} times in all) while the JIT is still compiling, so that
         * the timed replications run compiled code on every thread. The JIT compiles on another core: one worker
         * leaves it one, two share both cores with it, so compiling during the timed part slowed two threads only
         * (1.55x to 1.75x one thread on an idle machine).
         */
        private void warmUp() {
            PortalExperiment warm = new PortalExperiment(ReferenceFleet.spec(arrays, width, warmup, seed));
            for (int round = 1; round <= WARMUP_ROUNDS; round++) {
                warm.run(threads, ReplicationRunner.Progress.NONE);
                if (round >= MIN_WARMUP_ROUNDS && jitIdle()) {
                    return;
                }
            }
        }

        /** Whether the process used next to no CPU during a short pause with no replication running. */
        private static boolean jitIdle() {
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            try {
                Thread.sleep(QUIET_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            return processCpuNanos() - cpu <= JIT_QUIET * (System.nanoTime() - start);
        }

        /** CPU time of the whole process so far, in nanoseconds; 0 where the JVM does not say. */
        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? Math.max(0, os.getProcessCpuTime()) : 0;
        }

        private static void resetPeakHeap() {
            System.gc();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
        }

        /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one moment. */
        private static long peakHeap() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }

    enum Format { table, json }
}
