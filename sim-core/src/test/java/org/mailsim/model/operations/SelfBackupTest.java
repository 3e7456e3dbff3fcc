package org.mailsim.model.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SelfBackupTest {
    /** E[g(U)] for U ~ Uniform(0, n) by the midpoint rule. */
    private static double expectOverPhase(double n, java.util.function.DoubleUnaryOperator g) {
        int steps = 200_000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += g.applyAsDouble((i + 0.5) * n / steps);
        }
        return sum / steps;
    }

    @Test
    void closedFormsMatchTheAverageOverExportPhases() {
        SelfBackup self = new SelfBackup(0.2, 168);
        for (double w : new double[] {0, 10, 84, 167, 168, 500, Double.POSITIVE_INFINITY}) {
            double hours = expectOverPhase(168, u -> Math.min(w, u));
            assertThat(self.expectedUnexportedHours(w)).as("W=%s", w).isCloseTo(hours, within(1e-6));
            for (double k : new double[] {0.001, 0.05, 2}) {
                double p = expectOverPhase(168, u -> 1 - Math.exp(-k * Math.min(w, u)));
                assertThat(self.probabilityOfLoss(k, w)).as("W=%s k=%s", w, k).isCloseTo(p, within(1e-6));
            }
        }
        assertThat(self.unexportedWeight(42)).isEqualTo(0.75);
        assertThat(self.unexportedWeight(200)).isZero();
    }
}
