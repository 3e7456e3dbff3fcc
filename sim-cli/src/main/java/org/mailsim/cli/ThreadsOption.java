package org.mailsim.cli;

import org.mailsim.run.ReplicationRunner;
import picocli.CommandLine.Option;

/**
 * {@code --threads T}: how many threads run replications (results are identical for any count). At most
 * {@link #MAX_PER_CORE} per core: more only costs memory and switching (100,000 would start tens of thousands of
 * operating-system threads).
 */
final class ThreadsOption {
    static final int MAX_PER_CORE = 4;

    @Option(names = "--threads", paramLabel = "T", converter = Converters.Threads.class,
            description = "Threads (default: all cores; at most 4 per core); results are identical for any count.")
    Integer threads;

    /** The thread count to run with: the option, or every core. */
    int count() {
        return threads != null ? threads : ReplicationRunner.defaultThreads();
    }

    static int max() {
        return Math.max(8, MAX_PER_CORE * Runtime.getRuntime().availableProcessors());
    }
}
