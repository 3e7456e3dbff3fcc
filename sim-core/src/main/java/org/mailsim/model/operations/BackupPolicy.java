package org.mailsim.model.operations;

import static org.mailsim.model.operations.Throughput.requireNonNegative;
import static org.mailsim.model.operations.Throughput.requireRate;

import java.util.Objects;

/**
 * How a storage group's mail is backed up (the scenario's {@code backup:} section). Times in hours, rates per
 * second. Backups start on a fixed schedule of slots at {@code startOffsetHours + k * interval}.
 *
 * <p><b>Overruns.</b> A backup takes time: a full copy max(files / filesPerSecond, bytes / bytesPerSecond), so a
 * file-heavy group can still be copying when its next slot comes. Rule chosen (what cron-driven backup jobs with
 * a lock file do): <em>a slot that comes while a backup of the group is still running is skipped</em>; the next
 * backup starts at the first slot after the running one completes. A backup's recovery point is its start time
 * (mail arriving during the copy is not counted on), and it counts only once it has completed.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: no backups.</li>
 *   <li>{@link Kind#FULL}: a full copy every {@code fullIntervalHours}.</li>
 *   <li>{@link Kind#INCREMENTAL}: a full copy every {@code fullIntervalHours} (a multiple of
 *       {@code incrementalIntervalHours}) and incrementals at the other slots, every {@code incrementalIntervalHours}.
 *       An incremental still walks the whole tree to find what changed ({@code scanFilesPerSecond}), then copies the
 *       mail written since the previous backup started: max(files / scan + written / filesPerSecond,
 *       writtenBytes / bytesPerSecond). Until the first full has completed, slots run fulls.</li>
 *   <li>{@link Kind#SNAPSHOT}: copy-on-write snapshots every {@code incrementalIntervalHours}, instant, but kept on
 *       the very storage that fails, so they help only when replicated off site ({@code offsite}); replication is
 *       block-level, bounded by bytes only: the first sends all bytes, later ones the bytes written since.</li>
 * </ul>
 * File-level backups are kept on separate backup storage (they survive an {@link FailureScope#ARRAY} loss);
 * with {@code offsite}, each completed backup (or replicated snapshot) also exists off site
 * {@code offsiteDelayHours} after completing (courier or replication lag), and only those survive a
 * {@link FailureScope#SITE} loss.
 *
 * @param retainedCopies full copies kept, for backup storage capacity (and cost)
 */
public record BackupPolicy(Kind kind, double fullIntervalHours, double incrementalIntervalHours,
                           double startOffsetHours, double filesPerSecond, double bytesPerSecond,
                           double scanFilesPerSecond, boolean offsite, double offsiteDelayHours,
                           int retainedCopies) {

    public static final BackupPolicy NONE = new BackupPolicy(Kind.NONE, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY, false, 0, 0);

    /** The kinds of backup, as named in scenarios. */
    public enum Kind {
        NONE("none"), FULL("full"), INCREMENTAL("incremental"), SNAPSHOT("snapshot");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Kind of(String key) {
            for (Kind k : values()) {
                if (k.key.equals(key)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown backup kind '" + key + "' (expected none, full, "
                    + "incremental or snapshot)");
        }
    }

    public BackupPolicy {
        Objects.requireNonNull(kind, "backup kind");
        requireNonNegative("backup start offset", startOffsetHours);
        requireNonNegative("off-site delay", offsiteDelayHours);
        if (retainedCopies < 0) {
            throw new IllegalArgumentException("retained copies must be non-negative, got " + retainedCopies);
        }
        if (kind != Kind.NONE) {
            requireRate("backup bytes/s", bytesPerSecond);
            if (Double.isInfinite(slotInterval(kind, fullIntervalHours, incrementalIntervalHours))
                    || !(slotInterval(kind, fullIntervalHours, incrementalIntervalHours) > 0)) {
                throw new IllegalArgumentException("backup interval must be positive and finite");
            }
        }
        if (kind == Kind.FULL || kind == Kind.INCREMENTAL) {
            requireRate("backup files/s", filesPerSecond);
        }
        if (kind == Kind.INCREMENTAL) {
            requireRate("backup scan files/s", scanFilesPerSecond);
            double ratio = fullIntervalHours / incrementalIntervalHours;
            if (!(ratio >= 1) || Math.abs(ratio - Math.rint(ratio)) > 1e-9) {
                throw new IllegalArgumentException("full interval (" + fullIntervalHours + " h) must be a whole "
                        + "multiple of the incremental interval (" + incrementalIntervalHours + " h)");
            }
        }
    }

    private static double slotInterval(Kind kind, double full, double incremental) {
        return kind == Kind.FULL ? full : incremental;
    }

    /** Hours between backup slots. */
    public double slotIntervalHours() {
        return slotInterval(kind, fullIntervalHours, incrementalIntervalHours);
    }

    /**
     * Every {@code slotsPerFull}-th slot runs a full copy: 1 for FULL; for SNAPSHOT only the first replication
     * sends everything ({@link Long#MAX_VALUE}).
     */
    public long slotsPerFull() {
        return switch (kind) {
            case INCREMENTAL -> Math.round(fullIntervalHours / incrementalIntervalHours);
            case SNAPSHOT -> Long.MAX_VALUE;
            default -> 1;
        };
    }

    public static BackupPolicy full(double intervalHours, double startOffsetHours, double filesPerSecond,
                                    double bytesPerSecond) {
        return new BackupPolicy(Kind.FULL, intervalHours, intervalHours, startOffsetHours, filesPerSecond,
                bytesPerSecond, Double.POSITIVE_INFINITY, false, 0, 2);
    }

    public static BackupPolicy incremental(double fullIntervalHours, double incrementalIntervalHours,
                                           double startOffsetHours, double filesPerSecond, double bytesPerSecond,
                                           double scanFilesPerSecond) {
        return new BackupPolicy(Kind.INCREMENTAL, fullIntervalHours, incrementalIntervalHours, startOffsetHours,
                filesPerSecond, bytesPerSecond, scanFilesPerSecond, false, 0, 2);
    }

    /** Snapshots every {@code intervalHours}, replicated off site at {@code replicationBytesPerSecond}. */
    public static BackupPolicy replicatedSnapshots(double intervalHours, double replicationBytesPerSecond) {
        return new BackupPolicy(Kind.SNAPSHOT, intervalHours, intervalHours, 0, Double.POSITIVE_INFINITY,
                replicationBytesPerSecond, Double.POSITIVE_INFINITY, true, 0, 1);
    }

    /** This policy with off-site copies available {@code delayHours} after each backup completes. */
    public BackupPolicy withOffsite(double delayHours) {
        return new BackupPolicy(kind, fullIntervalHours, incrementalIntervalHours, startOffsetHours, filesPerSecond,
                bytesPerSecond, scanFilesPerSecond, true, delayHours, retainedCopies);
    }

    /** Restores from this policy's copies are block-level (bytes only) rather than file by file. */
    public boolean blockLevelRestore() {
        return kind == Kind.SNAPSHOT;
    }

    /**
     * Backup storage needed for {@code liveBytes} of mail, in decimal terabytes: the retained full copies, doubled
     * when copies are also kept off site. Snapshot replicas keep one copy plus changes (counted as one copy).
     */
    public double backupStorageTerabytes(double liveBytes) {
        if (kind == Kind.NONE) {
            return 0;
        }
        return liveBytes / 1e12 * retainedCopies * (offsite && kind != Kind.SNAPSHOT ? 2 : 1);
    }
}
