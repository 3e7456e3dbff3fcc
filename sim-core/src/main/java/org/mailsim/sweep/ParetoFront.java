package org.mailsim.sweep;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Pareto-optimal configurations when both coordinates are to be minimised (cost and a risk). A point is on the
 * front unless another is no worse on both and strictly better on one; points with equal coordinates are all on
 * it, and a point with an undefined (NaN) coordinate is neither on the front nor dominates anything.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Flags, in {@code items} order, of the items on the front of ({@code x}, {@code y}). */
    public static <T> boolean[] of(List<T> items, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        int n = items.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x.applyAsDouble(items.get(i));
            ys[i] = y.applyAsDouble(items.get(i));
        }
        return of(xs, ys);
    }

    /** Quadratic in the number of points: a few milliseconds for thousands of configurations. */
    public static boolean[] of(double[] x, double[] y) {
        int n = x.length;
        boolean[] front = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                continue;
            }
            boolean dominated = false;
            for (int j = 0; j < n && !dominated; j++) {
                dominated = j != i && x[j] <= x[i] && y[j] <= y[i] && (x[j] < x[i] || y[j] < y[i]);
            }
            front[i] = !dominated;
        }
        return front;
    }
}
