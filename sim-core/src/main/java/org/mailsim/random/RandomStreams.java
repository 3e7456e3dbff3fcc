package org.mailsim.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams for one replication of a run.
 *
 * <p>Replication {@code i} of a run with seed {@code s} always gets the same streams, whatever thread runs it,
 * and each model component draws from its own named substream, so adding a component (or a draw to one) never
 * shifts the numbers another component sees. The 128-bit state of each XoRoShiRo128++ stream is derived from
 * (seed, replication, component name) by SplitMix64 finalisation, the seeding method the generator's authors
 * recommend; streams seeded this way are, for simulation purposes, independent.
 */
public final class RandomStreams {
    private static final RandomSource SOURCE = RandomSource.XO_RO_SHI_RO_128_PP;

    private final long seed;
    private final long replication;

    private RandomStreams(long seed, long replication) {
        this.seed = seed;
        this.replication = replication;
    }

    public static RandomStreams forReplication(long seed, long replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication index must be non-negative, got " + replication);
        }
        return new RandomStreams(seed, replication);
    }

    public long seed() {
        return seed;
    }

    public long replication() {
        return replication;
    }

    /** The stream of the named component, e.g. {@code "disk-lifetimes"} or {@code "group-3/shocks"}. */
    public UniformRandomProvider stream(String component) {
        return stream(hash(component));
    }

    /** The stream of a component identified by a precomputed 64-bit key (for hot loops over many disks). */
    public RestorableUniformRandomProvider stream(long componentKey) {
        long x = mix(seed ^ 0x6a09e667f3bcc909L);
        x = mix(x ^ replication);
        x = mix(x ^ componentKey);
        long s0 = mix(x + 0x9E3779B97F4A7C15L);
        long s1 = mix(x + 2 * 0x9E3779B97F4A7C15L);
        if ((s0 | s1) == 0) {
            s1 = 1; // the all-zero state is the one state XoRoShiRo cannot leave
        }
        return SOURCE.create(new long[] {s0, s1});
    }

    /** A stable 64-bit key for a component name (FNV-1a over UTF-8, then mixed). */
    public static long hash(String component) {
        long h = 0xcbf29ce484222325L;
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser (Steele, Lea and Flood, 2014): a bijective avalanche on 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
