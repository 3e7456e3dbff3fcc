package org.mailsim.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class PackedStreamsTest {

    /** A packed stream is the very stream RandomStreams hands out as an object: same numbers, draw for draw. */
    @Test
    void packedStreamsRepeatTheObjectStreams() {
        RandomStreams streams = RandomStreams.forReplication(42, 7);
        PackedStreams packed = new PackedStreams(100);
        for (int i = 0; i < 100; i++) {
            packed.seed(i, streams, RandomStreams.hash("disk-" + i));
        }
        for (int i = 0; i < 100; i++) {
            UniformRandomProvider object = streams.stream(RandomStreams.hash("disk-" + i));
            for (int k = 0; k < 50; k++) {
                if (k % 2 == 0) {
                    assertThat(packed.nextLong(i)).isEqualTo(object.nextLong());
                } else {
                    assertThat(packed.at(i).nextDouble()).isEqualTo(object.nextDouble());
                }
            }
        }
    }

    @Test
    void knownAnswersThroughThePackedPath() {
        PackedStreams packed = new PackedStreams(1);
        packed.seed(0, RandomStreams.forReplication(42, 7), RandomStreams.hash("disk-lifetimes"));
        assertThat(new long[] {packed.nextLong(0), packed.nextLong(0), packed.nextLong(0)})
                .containsExactly(RandomStreamsTest.KNOWN_42_7_DISK_LIFETIMES);
    }

    /**
     * Streams are built without the reflective factory; they must start where the factory's generator, given the
     * same two state words, starts (so results did not change when the factory was dropped).
     */
    @Test
    void directConstructionMatchesTheFactory() {
        RandomStreams streams = RandomStreams.forReplication(-3, 123_456);
        long[] state = new long[2];
        for (long key = 0; key < 200; key++) {
            streams.seed(key * 0x9E3779B97F4A7C15L, state, 0);
            UniformRandomProvider factory = RandomSource.XO_RO_SHI_RO_128_PP.create(state.clone());
            UniformRandomProvider direct = streams.stream(key * 0x9E3779B97F4A7C15L);
            for (int k = 0; k < 20; k++) {
                assertThat(direct.nextLong()).isEqualTo(factory.nextLong());
            }
        }
    }
}
