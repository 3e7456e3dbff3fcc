package org.mailsim.model.storage.array;

import java.util.Objects;

/**
 * One array's geometry. {@code width} counts every disk, parity and mirrors included; {@code spans} is used by
 * raid50/raid60 (1 otherwise); {@code parity} by erasure codes (0 otherwise).
 */
public record ArraySpec(RaidLevel level, int width, int spans, int parity) {
    public static final int MAX_WIDTH = 64;

    public ArraySpec {
        Objects.requireNonNull(level, "RAID level");
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("array width must be 1.." + MAX_WIDTH + " disks, got " + width);
        }
        if (spans < 1) {
            throw new IllegalArgumentException("spans must be at least 1, got " + spans);
        }
        level.validate(width, spans, parity);
    }

    public static ArraySpec of(RaidLevel level, int width) {
        return new ArraySpec(level, width, 1, 0);
    }

    public static ArraySpec raid0(int width) {
        return of(RaidLevel.RAID0, width);
    }

    public static ArraySpec raid1() {
        return of(RaidLevel.RAID1, 2);
    }

    public static ArraySpec mirror(int copies) {
        return of(RaidLevel.MIRROR, copies);
    }

    public static ArraySpec raid5(int width) {
        return of(RaidLevel.RAID5, width);
    }

    public static ArraySpec raid6(int width) {
        return of(RaidLevel.RAID6, width);
    }

    public static ArraySpec raid10(int width) {
        return of(RaidLevel.RAID10, width);
    }

    public static ArraySpec raid50(int width, int spans) {
        return new ArraySpec(RaidLevel.RAID50, width, spans, 0);
    }

    public static ArraySpec raid60(int width, int spans) {
        return new ArraySpec(RaidLevel.RAID60, width, spans, 0);
    }

    public static ArraySpec erasure(int data, int parity) {
        return new ArraySpec(RaidLevel.ERASURE, data + parity, 1, parity);
    }

    public int tolerance() {
        return level.tolerance(this);
    }

    public int dataDisks() {
        return level.dataDisks(this);
    }

    public boolean losesData(long failedPositions) {
        return level.losesData(this, failedPositions);
    }

    public String describe() {
        return switch (level) {
            case RAID50, RAID60 -> level.key() + " of " + width + " disks in " + spans + " spans";
            case ERASURE -> "erasure " + (width - parity) + "+" + parity;
            default -> level.key() + " of " + width + " disks";
        };
    }
}
