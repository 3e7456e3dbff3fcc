package org.mailsim.spark;

import java.io.Serializable;

/**
 * One Spark task's share of the work: replications {@code first .. first + count - 1} of scenario {@code job} (a
 * run has one scenario; a sweep one per configuration). A block names replications, not a seed of its own: each
 * replication's random streams come from the scenario's seed and the replication's index, so a block computed again
 * (a retried or speculative task, another partitioning) gives the same bytes.
 *
 * @param job   index of the scenario in the job list
 * @param first first replication
 * @param count replications in the block, at least one
 */
record Block(int job, int first, int count) implements Serializable {
    private static final long serialVersionUID = 1L;

    Block {
        if (job < 0 || first < 0 || count < 1) {
            throw new IllegalArgumentException("block " + job + ":" + first + "+" + count);
        }
    }
}
