package org.mailsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.mailsim.run.ReplicationRunner;

/**
 * A one-line progress bar on stderr: bar, percent, replications done and the estimated time left. It appears
 * only after the first second (short runs stay silent), redraws at most a few times a second, and erases
 * itself when the run completes (or fails) so what follows starts on a clean line. Use {@link #forTerminal}
 * to get one only when stderr is an interactive terminal.
 *
 * <p>It also follows the replications under way ({@link #running}): each counts with the share of its horizon
 * simulated so far, so one long replication (a huge fleet, a run to the first data loss capped at millions of
 * years) moves the bar too, and the line names the next replication due and the events it has fired (against
 * the event budget, scenario key {@code maxEvents}, it tells whether the run may be stopped as a runaway).
 */
public final class ProgressBar implements ReplicationRunner.Progress {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_EVERY_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintStream out;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastDrawNanos;
    private int lastLineLength;
    private int done;
    private int total;
    /** Replications under way, by index: {fraction of the horizon, events}. */
    private final TreeMap<Integer, double[]> underway = new TreeMap<>();

    /** A bar drawing to {@code out}, timed by {@code nanoClock} (System::nanoTime outside tests). */
    public ProgressBar(PrintStream out, LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    /**
     * A progress bar on stderr when it is an interactive terminal and not {@code quiet}; otherwise
     * {@link ReplicationRunner.Progress#NONE}, so redirected output and CI logs get no control characters.
     * Create it just before the replications start: the one-second delay counts from here.
     */
    public static ReplicationRunner.Progress forTerminal(boolean quiet) {
        if (quiet || System.console() == null) {
            return ReplicationRunner.Progress.NONE;
        }
        return new ProgressBar(System.err, System::nanoTime);
    }

    @Override
    public synchronized void completed(int done, int total) {
        this.done = done;
        this.total = total;
        underway.headMap(done).clear();
        if (done >= total) {
            erase();
            return;
        }
        draw(nanoClock.getAsLong());
    }

    @Override
    public boolean followsReplications() {
        return true;
    }

    @Override
    public synchronized void running(int index, int total, double fraction, long events) {
        if (index < done) {
            return; // merged meanwhile
        }
        this.total = total;
        double[] state = underway.computeIfAbsent(index, i -> new double[2]);
        state[0] = fraction;
        state[1] = events;
        draw(nanoClock.getAsLong());
    }

    @Override
    public synchronized void abandoned() {
        erase();
        underway.clear();
    }

    private void draw(long now) {
        long elapsed = now - startNanos;
        if (elapsed < SHOW_AFTER_NANOS || now - lastDrawNanos < REDRAW_EVERY_NANOS && lastLineLength > 0) {
            return;
        }
        lastDrawNanos = now;
        double partial = 0;
        for (double[] state : underway.values()) {
            partial += state[0];
        }
        String line = line(done, partial, total, elapsed);
        if (!underway.isEmpty()) {
            var next = underway.firstEntry();
            line += "  replication " + (next.getKey() + 1) + ": " + events((long) next.getValue()[1]);
        }
        // Pad over a longer previous line (the ETA can shrink by a few characters).
        String pad = " ".repeat(Math.max(0, lastLineLength - line.length()));
        out.print("\r" + line + pad);
        out.flush();
        lastLineLength = line.length();
    }

    private void erase() {
        if (lastLineLength > 0) {
            out.print("\r" + " ".repeat(lastLineLength) + "\r");
            out.flush();
            lastLineLength = 0;
        }
    }

    /** The bar's text for {@code done} of {@code total} after {@code elapsedNanos}. */
    static String line(int done, int total, long elapsedNanos) {
        return line(done, 0, total, elapsedNanos);
    }

    /**
     * The bar's text for {@code done} of {@code total} replications, plus {@code partial} replications' worth of
     * work in those under way, after {@code elapsedNanos}.
     */
    static String line(int done, double partial, int total, long elapsedNanos) {
        double work = Math.min(total, done + partial);
        double fraction = total == 0 ? 1 : work / total;
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append(']');
        String eta = "--:--";
        if (work > 0) {
            // Replications take about equally long, so the time left scales with the work left.
            double secondsLeft = elapsedNanos / 1e9 * (total - work) / work;
            eta = clock(secondsLeft);
        }
        return String.format(Locale.ROOT, "%s %3d%%  %,d/%,d  ETA %s", bar, (int) Math.floor(100 * fraction),
                done, total, eta);
    }

    /** Events in a few characters: 950, 81.2k, 812M, 1.20G events. */
    static String events(long events) {
        if (events < 1000) {
            return events + " events";
        }
        String[] units = {"k", "M", "G", "T", "P"};
        double v = events;
        int u = -1;
        while (v >= 999.5 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        String digits = v >= 99.95 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 9.995 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
        return digits + units[u] + " events";
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = s % 3600 / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
