package org.mailsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.mailsim.run.ReplicationRunner;

/**
 * A one-line progress bar on stderr: bar, percent, replications done and the estimated time left. It appears
 * only after the first second (short runs stay silent), redraws at most a few times a second, and erases
 * itself when the run completes so the summary that follows starts on a clean line. Use {@link #forTerminal}
 * to get one only when stderr is an interactive terminal.
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
    public void completed(int done, int total) {
        long now = nanoClock.getAsLong();
        long elapsed = now - startNanos;
        if (done >= total) {
            if (lastLineLength > 0) {
                out.print("\r" + " ".repeat(lastLineLength) + "\r");
                out.flush();
                lastLineLength = 0;
            }
            return;
        }
        if (elapsed < SHOW_AFTER_NANOS || now - lastDrawNanos < REDRAW_EVERY_NANOS && lastLineLength > 0) {
            return;
        }
        lastDrawNanos = now;
        String line = line(done, total, elapsed);
        // Pad over a longer previous line (the ETA can shrink by a few characters).
        String pad = " ".repeat(Math.max(0, lastLineLength - line.length()));
        out.print("\r" + line + pad);
        out.flush();
        lastLineLength = line.length();
    }

    /** The bar's text for {@code done} of {@code total} after {@code elapsedNanos}. */
    static String line(int done, int total, long elapsedNanos) {
        double fraction = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.floor(fraction * BAR_WIDTH);
        StringBuilder bar = new StringBuilder(BAR_WIDTH + 2).append('[');
        for (int i = 0; i < BAR_WIDTH; i++) {
            bar.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        bar.append(']');
        String eta = "--:--";
        if (done > 0) {
            // Replications take about equally long, so the time left scales with the work left.
            double secondsLeft = elapsedNanos / 1e9 * (total - done) / done;
            eta = clock(secondsLeft);
        }
        return String.format(Locale.ROOT, "%s %3d%%  %,d/%,d  ETA %s", bar, (int) Math.floor(100 * fraction),
                done, total, eta);
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
