package org.mailsim.cli;

/**
 * Shard {@code index} of {@code count} ({@code --shard I/N}): the share of a run, or of a sweep, one machine does
 * when an existing engine (a Slurm array, GNU parallel over ssh, a Kubernetes indexed job) spreads it over
 * several; the engine only has to pass each task its index and the task count.
 *
 * <p>Of a run's replications a shard takes a contiguous block: {@code floor(I*R/N)} up to
 * {@code floor((I+1)*R/N) - 1}. Replications are independent and identically distributed, so blocks balance as
 * well as strides would (sizes differ by at most one); and blocks concatenate into the run's own order, so
 * {@code mailsim merge} reads one part after the other (one open file, constant memory) instead of interleaving N
 * open files. Of a sweep's configurations a shard takes every N-th, from the I-th: configurations are not alike
 * (the grid's outer key changes slowest, so a block could hold all the costly ones) and their results are stored
 * one file each, in no order, so striding balances better at no cost.
 */
record Shard(int index, int count) {
    static final Shard WHOLE = new Shard(0, 1);

    Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("expected I/N with 0 <= I < N, e.g. 0/4 .. 3/4; got " + index + "/"
                    + count);
        }
    }

    /** Parses {@code I/N}, as given to {@code --shard}. */
    static Shard parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length != 2 || !parts[0].strip().matches("\\d{1,9}") || !parts[1].strip().matches("\\d{1,9}")) {
            throw new IllegalArgumentException("expected I/N with 0 <= I < N, e.g. 0/4 .. 3/4; got '" + text + "'");
        }
        return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
    }

    /** The first replication of this shard's block of a run of {@code replications}. */
    int first(int replications) {
        return (int) ((long) index * replications / count);
    }

    /** How many replications this shard's block holds. */
    int size(int replications) {
        return (int) ((long) (index + 1) * replications / count) - first(replications);
    }

    /** Whether this shard runs the sweep configuration at grid position {@code configurationIndex}. */
    boolean runsConfiguration(int configurationIndex) {
        return configurationIndex % count == index;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
