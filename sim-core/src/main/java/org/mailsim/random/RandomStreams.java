package org.mailsim.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * Independent random streams for one replication of a run.
 *
 * <p>Replication {@code i} of a run with seed {@code s} always gets the same streams, whatever thread runs it,
 * and each model component draws from its own named substream, so adding a component (or a draw to one) never
 * shifts the numbers another component sees. The 128-bit state of each XoRoShiRo128++ stream is derived from
 * (seed, replication, component name) by SplitMix64 finalisation, the seeding method the generator's authors
 * recommend; streams seeded this way are, for simulation purposes, independent.
 *
 * <p>The generator is constructed directly from its two state words (no reflective factory), and
 * {@link #seed(long, long[], int)} writes the same two words into a primitive array instead, for models that keep
 * one stream per disk: see {@link PackedStreams}. Either way a component's numbers are the same.
 */
public final class RandomStreams {
    private final long seed;
    private final long replication;
    private final long replicationKey; // the part of the derivation shared by every component of this replication

    private RandomStreams(long seed, long replication) {
        this.seed = seed;
        this.replication = replication;
        this.replicationKey = mix(mix(seed ^ 0x6a09e667f3bcc909L) ^ replication);
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
        long[] state = new long[2];
        seed(componentKey, state, 0);
        return new XoRoShiRo128PlusPlus(state[0], state[1]);
    }

    /**
     * Writes the 128-bit XoRoShiRo128++ state of the component's stream to {@code state[offset]} and
     * {@code state[offset + 1]}: the stream {@link #stream(long)} returns, without an object.
     */
    public void seed(long componentKey, long[] state, int offset) {
        long x = mix(replicationKey ^ componentKey);
        long s0 = mix(x + 0x9E3779B97F4A7C15L);
        long s1 = mix(x + 2 * 0x9E3779B97F4A7C15L);
        if ((s0 | s1) == 0) {
            s1 = 1; // the all-zero state is the one state XoRoShiRo cannot leave
        }
        state[offset] = s0;
        state[offset + 1] = s1;
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
