package org.mailsim.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Many random streams of one kind (one per disk, one per array) kept as primitive state: two {@code long}s per
 * stream in one array, instead of a generator object each. Stream {@code i} seeded with
 * {@code seed(i, streams, key)} yields exactly the numbers of {@code streams.stream(key)} (XoRoShiRo128++), so
 * packing changes no result; seeding is a few multiplications, so a model can reseed every stream for each
 * replication without allocating.
 *
 * <p>{@link #at} returns one reusable view of stream {@code i} for code written against
 * {@link UniformRandomProvider}; the view is valid until the next {@code at} call. Its {@code nextLong} and
 * {@code nextDouble} are the generator's; the other methods are the interface's defaults built on them. Not
 * thread-safe: one instance per model.
 */
public final class PackedStreams {
    private final long[] state;
    private final Cursor cursor = new Cursor();

    public PackedStreams(int count) {
        state = new long[2 * count];
    }

    public int count() {
        return state.length / 2;
    }

    /** Seeds stream {@code index} as {@code streams.stream(componentKey)} would start. */
    public void seed(int index, RandomStreams streams, long componentKey) {
        streams.seed(componentKey, state, 2 * index);
    }

    /** The next 64 bits of stream {@code index}: one XoRoShiRo128++ step (Blackman and Vigna, 2019). */
    public long nextLong(int index) {
        int o = 2 * index;
        long s0 = state[o];
        long s1 = state[o + 1];
        long result = Long.rotateLeft(s0 + s1, 17) + s0;
        s1 ^= s0;
        state[o] = Long.rotateLeft(s0, 49) ^ s1 ^ (s1 << 21);
        state[o + 1] = Long.rotateLeft(s1, 28);
        return result;
    }

    /** A uniform in [0, 1) from stream {@code index}, as {@link UniformRandomProvider#nextDouble()} makes it. */
    public double nextDouble(int index) {
        return (nextLong(index) >>> 11) * 0x1.0p-53;
    }

    /** Stream {@code index} as a {@link UniformRandomProvider}, valid until the next call. */
    public UniformRandomProvider at(int index) {
        cursor.index = index;
        return cursor;
    }

    private final class Cursor implements UniformRandomProvider {
        int index;

        @Override
        public long nextLong() {
            return PackedStreams.this.nextLong(index);
        }

        @Override
        public double nextDouble() {
            return PackedStreams.this.nextDouble(index);
        }
    }
}
