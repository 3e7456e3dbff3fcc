package org.mailsim.run;

import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs replications on several threads and hands their results to a consumer strictly in replication order,
 * so whatever the thread count the consumer sees the same sequence and the merged statistics are
 * byte-identical. At most a small window of finished-but-unconsumed results is held in memory.
 *
 * <p>A replication may use a workspace (a model built once, reset per replication): each worker thread gets its
 * own from the supplier, once, and reuses it for every replication it runs. A replication's result must not
 * depend on what its workspace ran before.
 */
public final class ReplicationRunner {
    private final int threads;

    public ReplicationRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** All available cores. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Listens to progress: {@link #completed} on the consuming thread after each replication is merged; for a
     * listener that {@link #followsReplications}, {@link #running} from the threads running replications too.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void completed(int done, int total);

        /** True when {@link #running} is wanted (it costs a call every few thousand events). */
        default boolean followsReplications() {
            return false;
        }

        /**
         * How far replication {@code index} of {@code total} (counted as {@link #completed} counts, from 0) has got:
         * {@code fraction} of its simulated horizon and {@code events} fired. Called now and then, from the thread
         * running it, so from several threads at once; must be quick.
         */
        default void running(int index, int total, double fraction, long events) {
        }

        /** The run ended early (a replication failed): a display should clear itself before the error is told. */
        default void abandoned() {
        }
    }

    /**
     * Runs replications 0 .. {@code replications - 1} with {@code replication} and passes each result to
     * {@code consumer} in index order. A replication's exception ends the run and is rethrown (unwrapped).
     */
    public <R> void run(int replications, IntFunction<R> replication, Consumer<? super R> consumer, Progress progress) {
        run(replications, () -> null, (Object none, int i) -> replication.apply(i), consumer, progress);
    }

    /** A replication that runs in a per-thread workspace. */
    @FunctionalInterface
    public interface InWorkspace<W, R> {
        R apply(W workspace, int index);
    }

    /**
     * As {@link #run(int, IntFunction, Consumer, Progress)}, each replication running in its thread's workspace,
     * made by {@code workspace} when the thread runs its first replication.
     */
    public <W, R> void run(int replications, Supplier<? extends W> workspace, InWorkspace<? super W, R> replication,
                           Consumer<? super R> consumer, Progress progress) {
        if (replications < 0) {
            throw new IllegalArgumentException("replications must be non-negative, got " + replications);
        }
        if (threads == 1 || replications <= 1) {
            W mine = replications > 0 ? workspace.get() : null;
            for (int i = 0; i < replications; i++) {
                consumer.accept(replication.apply(mine, i));
                progress.completed(i + 1, replications);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        // Local to this run: the workspaces go when the pool's threads end.
        ThreadLocal<W> workspaces = ThreadLocal.withInitial(workspace);
        try {
            int window = threads * 4;
            ArrayDeque<Future<R>> pending = new ArrayDeque<>(window);
            int submitted = 0;
            for (int done = 0; done < replications; done++) {
                while (submitted < replications && pending.size() < window) {
                    int index = submitted++;
                    pending.addLast(pool.submit(() -> replication.apply(workspaces.get(), index)));
                }
                consumer.accept(await(pending.removeFirst()));
                progress.completed(done + 1, replications);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a replication", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ThreadFactory daemonThreads() {
        return runnable -> {
            Thread thread = new Thread(runnable, "mailsim-replication");
            thread.setDaemon(true);
            return thread;
        };
    }
}
