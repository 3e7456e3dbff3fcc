package org.mailsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a grid's configurations one after another, in grid order, saving each as it finishes and skipping those
 * an earlier run of the same sweep finished. Configurations run in sequence because each one's replications
 * already use every thread the runner was given; the results therefore depend neither on the thread count nor on
 * where an earlier run stopped.
 */
public final class Sweep {
    /** Progress of a sweep, for the command line's one line per configuration. */
    public interface Listener {
        /** Called once before running, with how many configurations the state already holds. */
        default void resuming(int finished, int total) {
        }

        /** Called after each configuration run now (not for resumed ones), already saved. */
        default void finished(SweepRow row, int done, int total, double seconds) {
        }
    }

    private Sweep() {
    }

    /**
     * @return one row per configuration, in grid order
     * @throws ConfigurationFailedException when the runner throws; configurations finished before are saved
     */
    public static List<SweepRow> run(SweepGrid grid, ConfigurationRunner runner, SweepState state,
            Listener listener) {
        return run(grid.configurations(), runner, state, listener);
    }

    /**
     * Runs some of a grid's configurations (a shard of the sweep), as {@link #run(SweepGrid, ConfigurationRunner,
     * SweepState, Listener)} runs all of them.
     *
     * @return one row per configuration, in the order given
     */
    public static List<SweepRow> run(List<Configuration> configurations, ConfigurationRunner runner,
            SweepState state, Listener listener) {
        List<Optional<SweepPoint>> stored = new ArrayList<>(configurations.size());
        int finished = 0;
        for (Configuration c : configurations) {
            Optional<SweepPoint> point = state.load(c);
            stored.add(point);
            if (point.isPresent()) {
                finished++;
            }
        }
        listener.resuming(finished, configurations.size());
        List<Configuration> pending = new ArrayList<>();
        for (int i = 0; i < configurations.size(); i++) {
            if (stored.get(i).isEmpty()) {
                pending.add(configurations.get(i));
            }
        }
        if (!pending.isEmpty()) {
            runner.starting(List.copyOf(pending));
        }
        List<SweepRow> rows = new ArrayList<>(configurations.size());
        int done = finished;
        for (int i = 0; i < configurations.size(); i++) {
            Configuration c = configurations.get(i);
            if (stored.get(i).isPresent()) {
                rows.add(new SweepRow(c, stored.get(i).get(), true));
                continue;
            }
            long start = System.nanoTime();
            SweepPoint point;
            try {
                point = runner.run(c.overrides());
            } catch (RuntimeException e) {
                throw new ConfigurationFailedException(c, e);
            }
            if (point == null) {
                throw new ConfigurationFailedException(c, new IllegalStateException("the runner returned no result"));
            }
            state.save(c, point);
            SweepRow row = new SweepRow(c, point, false);
            rows.add(row);
            listener.finished(row, ++done, configurations.size(), (System.nanoTime() - start) / 1e9);
        }
        return rows;
    }
}
