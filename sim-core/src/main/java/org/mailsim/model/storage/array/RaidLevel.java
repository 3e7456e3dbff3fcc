package org.mailsim.model.storage.array;

import java.util.Locale;

/**
 * The redundancy schemes mailsim knows, as a registry: each level knows how many disks hold data, how many
 * failures it always survives, and whether a given set of failed positions loses data. A set of failed positions
 * is a bit mask (bit i = position i), so arrays have at most 64 disks.
 *
 * <p>Layouts: raid10 mirrors positions (2i, 2i+1); raid50/raid60 split the width into {@code spans} consecutive
 * sub-arrays striped together (losing any sub-array loses the array); erasure is {@code width - parity} data
 * plus {@code parity} parity disks (MDS: any {@code parity} losses are survived).
 */
public enum RaidLevel {
    RAID0("raid0") {
        @Override
        public int tolerance(ArraySpec a) {
            return 0;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width();
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return failed != 0;
        }
    },
    /** Two-way mirror; use {@link #MIRROR} for more copies. */
    RAID1("raid1") {
        @Override
        void validate(int width, int spans, int parity) {
            if (width != 2) {
                throw new IllegalArgumentException("raid1 has width 2 (use mirror for N copies), got " + width);
            }
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 1;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return 1;
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return Long.bitCount(failed) >= 2;
        }
    },
    /** N-way mirror: {@code width} copies, lost when every copy has failed. */
    MIRROR("mirror") {
        @Override
        public int tolerance(ArraySpec a) {
            return a.width() - 1;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return 1;
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return Long.bitCount(failed) >= a.width();
        }
    },
    RAID5("raid5") {
        @Override
        void validate(int width, int spans, int parity) {
            requireWidth(this, width, 3);
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 1;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() - 1;
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return Long.bitCount(failed) >= 2;
        }
    },
    RAID6("raid6") {
        @Override
        void validate(int width, int spans, int parity) {
            requireWidth(this, width, 4);
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 2;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() - 2;
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return Long.bitCount(failed) >= 3;
        }
    },
    /** Striped mirrored pairs: loses data only when both disks of one pair fail. */
    RAID10("raid10") {
        @Override
        void validate(int width, int spans, int parity) {
            if (width < 4 || width % 2 != 0) {
                throw new IllegalArgumentException("raid10 needs an even width of at least 4, got " + width);
            }
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 1;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() / 2;
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            // A pair is lost when both its bits are set: AND the even bits with the odd bits shifted down.
            return (failed & (failed >>> 1) & 0x5555_5555_5555_5555L) != 0;
        }
    },
    RAID50("raid50") {
        @Override
        void validate(int width, int spans, int parity) {
            requireSpans(this, width, spans, 3);
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 1;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() - a.spans();
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return anySpanExceeds(a, failed, 1);
        }
    },
    RAID60("raid60") {
        @Override
        void validate(int width, int spans, int parity) {
            requireSpans(this, width, spans, 4);
        }

        @Override
        public int tolerance(ArraySpec a) {
            return 2;
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() - 2 * a.spans();
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return anySpanExceeds(a, failed, 2);
        }
    },
    /** A k+m maximum-distance-separable erasure code: {@code parity} = m. */
    ERASURE("erasure") {
        @Override
        void validate(int width, int spans, int parity) {
            if (parity < 1 || parity >= width) {
                throw new IllegalArgumentException("erasure needs 1 <= parity < width, got parity " + parity
                        + " of width " + width);
            }
        }

        @Override
        public int tolerance(ArraySpec a) {
            return a.parity();
        }

        @Override
        public int dataDisks(ArraySpec a) {
            return a.width() - a.parity();
        }

        @Override
        public boolean losesData(ArraySpec a, long failed) {
            return Long.bitCount(failed) > a.parity();
        }
    };

    private final String key;

    RaidLevel(String key) {
        this.key = key;
    }

    /** The scenario name, e.g. {@code raid6}. */
    public String key() {
        return key;
    }

    /** Failures the array survives whichever disks they hit. */
    public abstract int tolerance(ArraySpec array);

    /** Disks' worth of user data the array holds. */
    public abstract int dataDisks(ArraySpec array);

    /** Whether the array has lost data when the positions set in {@code failed} are unreadable. */
    public abstract boolean losesData(ArraySpec array, long failed);

    void validate(int width, int spans, int parity) {
    }

    /** The level named {@code key} (case-insensitive), e.g. from a scenario file. */
    public static RaidLevel byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (RaidLevel level : values()) {
            if (level.key.equals(k)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown RAID level '" + key + "'; expected one of "
                + java.util.Arrays.stream(values()).map(RaidLevel::key).toList());
    }

    private static void requireWidth(RaidLevel level, int width, int min) {
        if (width < min) {
            throw new IllegalArgumentException(level.key + " needs at least " + min + " disks, got " + width);
        }
    }

    private static void requireSpans(RaidLevel level, int width, int spans, int minPerSpan) {
        if (spans < 2 || width % spans != 0 || width / spans < minPerSpan) {
            throw new IllegalArgumentException(level.key + " needs at least 2 spans of " + minPerSpan
                    + " or more disks dividing the width evenly, got width " + width + " with " + spans
                    + " spans");
        }
    }

    private static boolean anySpanExceeds(ArraySpec a, long failed, int tolerance) {
        int per = a.width() / a.spans();
        long spanMask = per == 64 ? -1L : (1L << per) - 1;
        for (int s = 0; s < a.spans(); s++) {
            if (Long.bitCount((failed >>> (s * per)) & spanMask) > tolerance) {
                return true;
            }
        }
        return false;
    }
}
