package org.mailsim.model.storage;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A continuous-time Markov chain with transient states 0..n-1 and one absorbing state (data loss), solved
 * exactly: mean time to absorption from state 0 by the linear system -Q_T tau = 1 (LU decomposition), and
 * P(absorbed by t) by uniformisation.
 */
public final class AbsorbingChain {
    private final int n;
    private final double[][] rates; // rates[i][j], j == n is the absorbing state

    public AbsorbingChain(int transientStates) {
        this.n = transientStates;
        this.rates = new double[n][n + 1];
    }

    public AbsorbingChain rate(int from, int to, double rate) {
        rates[from][to] += rate;
        return this;
    }

    public AbsorbingChain toLoss(int from, double rate) {
        return rate(from, n, rate);
    }

    private double out(int i) {
        double s = 0;
        for (int j = 0; j <= n; j++) {
            if (j != i) {
                s += rates[i][j];
            }
        }
        return s;
    }

    public double meanTimeToAbsorption() {
        RealMatrix a = new Array2DRowRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.setEntry(i, j, i == j ? out(i) : -rates[i][j]);
            }
        }
        RealVector ones = new ArrayRealVector(n, 1.0);
        return new LUDecomposition(a).getSolver().solve(ones).getEntry(0);
    }

    /** P(absorbed by t) from state 0, by uniformisation in steps short enough that e^(-Lambda step) is safe. */
    public double absorbedBy(double t) {
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            lambda = Math.max(lambda, out(i));
        }
        lambda *= 1.05;
        double[][] p = new double[n + 1][n + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                if (i == n) {
                    p[i][j] = i == j ? 1 : 0;
                } else {
                    p[i][j] = i == j ? 1 - out(i) / lambda : rates[i][j] / lambda;
                }
            }
        }
        int steps = (int) Math.ceil(lambda * t / 50);
        double dt = t / steps;
        double[] pi = new double[n + 1];
        pi[0] = 1;
        for (int s = 0; s < steps; s++) {
            pi = uniformise(pi, p, lambda * dt);
        }
        return pi[n];
    }

    private static double[] uniformise(double[] pi, double[][] p, double lt) {
        int m = pi.length;
        double[] result = new double[m];
        double[] term = pi.clone();
        double weight = Math.exp(-lt);
        double total = 0;
        for (int k = 0; total < 1 - 1e-15 && k < 10_000; k++) {
            if (k > 0) {
                double[] next = new double[m];
                for (int i = 0; i < m; i++) {
                    if (term[i] != 0) {
                        for (int j = 0; j < m; j++) {
                            next[j] += term[i] * p[i][j];
                        }
                    }
                }
                term = next;
                weight *= lt / k;
            }
            total += weight;
            for (int j = 0; j < m; j++) {
                result[j] += weight * term[j];
            }
        }
        return result;
    }
}
