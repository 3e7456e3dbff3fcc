package org.mailsim.model.mail;

import java.util.Arrays;

/**
 * How users are spread over storage groups: a user count per group. Only counts are kept, never users, so a
 * population of ten million costs what ten thousand do.
 */
public record Sharding(long[] usersPerGroup) {
    public Sharding {
        if (usersPerGroup.length == 0) {
            throw new IllegalArgumentException("need at least one storage group");
        }
        usersPerGroup = usersPerGroup.clone();
        for (long u : usersPerGroup) {
            if (u < 0) {
                throw new IllegalArgumentException("user counts must be non-negative, got " + u);
            }
        }
    }

    /** {@code users} spread as evenly as possible: the first {@code users % groups} groups get one more. */
    public static Sharding even(long users, int groups) {
        if (groups <= 0 || users < 0) {
            throw new IllegalArgumentException("need groups > 0 and users >= 0, got " + groups + ", " + users);
        }
        long[] counts = new long[groups];
        long each = users / groups;
        long extra = users % groups;
        for (int g = 0; g < groups; g++) {
            counts[g] = each + (g < extra ? 1 : 0);
        }
        return new Sharding(counts);
    }

    /**
     * {@code users} in proportion to {@code weights} (e.g. bigger arrays take more users), by the largest
     * remainder method so that the counts add up exactly.
     */
    public static Sharding proportional(long users, double[] weights) {
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be non-negative and finite, got " + w);
            }
            total += w;
        }
        if (weights.length == 0 || !(total > 0)) {
            throw new IllegalArgumentException("need at least one positive weight");
        }
        long[] counts = new long[weights.length];
        double[] remainder = new double[weights.length];
        long assigned = 0;
        for (int g = 0; g < weights.length; g++) {
            double exact = users * (weights[g] / total);
            counts[g] = (long) Math.floor(exact);
            remainder[g] = exact - counts[g];
            assigned += counts[g];
        }
        Integer[] order = new Integer[weights.length];
        for (int g = 0; g < order.length; g++) {
            order[g] = g;
        }
        Arrays.sort(order, (x, y) -> Double.compare(remainder[y], remainder[x]));
        for (int j = 0; assigned < users; j = (j + 1) % order.length) {
            counts[order[j]]++;
            assigned++;
        }
        return new Sharding(counts);
    }

    public int groups() {
        return usersPerGroup.length;
    }

    public long users(int group) {
        return usersPerGroup[group];
    }

    public long totalUsers() {
        long sum = 0;
        for (long u : usersPerGroup) {
            sum += u;
        }
        return sum;
    }

    @Override
    public long[] usersPerGroup() {
        return usersPerGroup.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sharding s && Arrays.equals(usersPerGroup, s.usersPerGroup);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(usersPerGroup);
    }

    @Override
    public String toString() {
        return "Sharding(" + totalUsers() + " users in " + groups() + " groups)";
    }
}
