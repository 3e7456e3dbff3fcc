package org.mailsim.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SweepParetoTest {

    @Test
    void handMadeFront() {
        //             0    1    2    3    4    5    6
        double[] cost = {1, 2, 3, 2, 5, 4, 3};
        double[] risk = {9, 5, 5, 7, 1, 2, 3};
        // 0: cheapest -> front. 1: (2,5) front. 2: (3,5) dominated by 1. 3: (2,7) dominated by 1.
        // 4: (5,1) lowest risk -> front. 5: (4,2) front. 6: (3,3) front.
        assertThat(ParetoFront.of(cost, risk)).containsExactly(true, true, false, false, true, true, true);
    }

    @Test
    void equalPointsAreBothOnTheFrontAndTiesOnOneAxisDominate() {
        double[] cost = {1, 1, 1, 2};
        double[] risk = {3, 3, 4, 3};
        // 0 and 1 equal: neither strictly better, both kept. 2: same cost, more risk -> dominated.
        // 3: same risk, more cost -> dominated.
        assertThat(ParetoFront.of(cost, risk)).containsExactly(true, true, false, false);
    }

    @Test
    void undefinedPointsAreNeitherOnTheFrontNorDominating() {
        double[] cost = {Double.NaN, 2, 3};
        double[] risk = {0, 5, Double.NaN};
        assertThat(ParetoFront.of(cost, risk)).containsExactly(false, true, false);
        assertThat(ParetoFront.of(new double[0], new double[0])).isEmpty();
    }

    @Test
    void latticeFronts() {
        int n = 36;
        double[] cost = new double[n];
        double[] risk = new double[n];
        for (int i = 0; i < n; i++) {
            cost[i] = i / 6;
            risk[i] = i % 6;
        }
        boolean[] front = ParetoFront.of(cost, risk);
        for (int i = 0; i < n; i++) {
            // On a full lattice only (0,0) is undominated.
            assertThat(front[i]).as("point %d", i).isEqualTo(i == 0);
        }
        // Shift every column up except its lowest point, placed on the anti-diagonal: the front is that diagonal.
        for (int i = 0; i < n; i++) {
            risk[i] = 5 - cost[i] + (i % 6) * 10;
        }
        front = ParetoFront.of(cost, risk);
        for (int i = 0; i < n; i++) {
            assertThat(front[i]).as("point %d", i).isEqualTo(i % 6 == 0);
        }
    }
}
