package org.mailsim.model.operations;

import java.util.Arrays;

/**
 * The backups of every storage group over one replication, computed lazily from the {@link BackupPolicy} and the
 * groups' contents, so the cost of a run grows with the number of queries (failures), not with the number of
 * backup slots simulated: no events are scheduled.
 *
 * <p>{@link #lastRecoveryPoint(int, double, FailureScope)} is exact for the schedule: it walks the slots up to the
 * failure time, applying the overrun rule of {@link BackupPolicy} (slots that come while a backup is running are
 * skipped), and returns the start time of the latest backup usable at the failure time: completed, and, for
 * {@link FailureScope#SITE} losses or snapshot replicas, present off site. Each backup's duration is computed from
 * the group's files and bytes at its start (and, for incrementals, the mail written since the previous backup).
 *
 * <p>Per group a cursor remembers the walk: queries at non-decreasing times per group cost only the slots since the
 * previous query; a backup still running at a query keeps the duration computed then. A query earlier than the
 * previous one for the group is answered by a fresh walk from time zero. Not thread-safe: one per replication.
 */
public final class BackupSchedule {
    private final BackupPolicy policy;
    private final GroupContents contents;
    private final Cursor[] cursors; // made at a group's first query: most groups of a big fleet are never asked
    private final boolean arrayLossCovered;
    private final boolean siteLossCovered;

    public BackupSchedule(BackupPolicy policy, GroupContents contents) {
        this.policy = policy;
        this.contents = contents;
        BackupPolicy.Kind kind = policy.kind();
        arrayLossCovered = kind == BackupPolicy.Kind.FULL || kind == BackupPolicy.Kind.INCREMENTAL
                || (kind == BackupPolicy.Kind.SNAPSHOT && policy.offsite());
        siteLossCovered = kind != BackupPolicy.Kind.NONE && policy.offsite();
        cursors = new Cursor[contents.groups()];
    }

    public BackupPolicy policy() {
        return policy;
    }

    /**
     * The recovery point for a loss of the given scope of {@code group} at {@code t}: the start time of the latest
     * usable backup, or {@link Double#NEGATIVE_INFINITY} when there is none.
     */
    public double lastRecoveryPoint(int group, double t, FailureScope scope) {
        if (!covers(scope)) {
            return Double.NEGATIVE_INFINITY;
        }
        Cursor c = cursors[group];
        if (c == null) {
            c = cursors[group] = new Cursor();
        } else if (t < c.queriedAt) {
            c = new Cursor();
        }
        advance(group, c, t);
        return scope == FailureScope.ARRAY ? c.lastArrayPoint : c.lastSitePoint;
    }

    /** Recovery point objective at {@code t}: hours of mail not in a usable backup; infinite when none. */
    public double rpoHours(int group, double t, FailureScope scope) {
        double point = lastRecoveryPoint(group, t, scope);
        return point == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : t - point;
    }

    /** True when a restore after a loss of this scope comes from an off-site copy (to be recalled first). */
    public boolean restoresFromOffsite(FailureScope scope) {
        return scope == FailureScope.SITE && policy.kind() != BackupPolicy.Kind.SNAPSHOT;
    }

    /** Whether any backup can survive a loss of this scope. */
    public boolean covers(FailureScope scope) {
        return scope == FailureScope.ARRAY ? arrayLossCovered : siteLossCovered;
    }

    /** Backups started for {@code group} up to the latest query. */
    public long backupsStarted(int group) {
        return cursors[group] == null ? 0 : cursors[group].started;
    }

    /** Slots skipped for {@code group} because a backup was still running, up to the latest query. */
    public long slotsSkipped(int group) {
        return cursors[group] == null ? 0 : cursors[group].skipped;
    }

    private void advance(int group, Cursor c, double t) {
        c.queriedAt = t;
        if (policy.kind() == BackupPolicy.Kind.NONE) {
            return;
        }
        double interval = policy.slotIntervalHours();
        long slotsPerFull = policy.slotsPerFull();
        while (true) {
            double slot = policy.startOffsetHours() + c.nextSlot * interval;
            if (slot > t) {
                break;
            }
            long k = c.nextSlot++;
            if (slot < c.busyUntil) {
                c.skipped++;
                continue;
            }
            double completes = slot + durationHours(group, slot, c, k % slotsPerFull == 0 || !c.fullStarted);
            c.started++;
            c.fullStarted = true;
            c.previousStart = slot;
            c.busyUntil = completes;
            c.push(slot, arrayLossCovered ? arrayAvailable(completes) : Double.POSITIVE_INFINITY,
                    siteLossCovered ? completes + policy.offsiteDelayHours() : Double.POSITIVE_INFINITY);
        }
        c.drain(t);
    }

    private double arrayAvailable(double completes) {
        // Snapshots on the failed array die with it: only their off-site replica counts.
        return policy.kind() == BackupPolicy.Kind.SNAPSHOT ? completes + policy.offsiteDelayHours() : completes;
    }

    private double durationHours(int group, double start, Cursor c, boolean full) {
        double files = contents.files(group, start);
        double bytes = contents.bytes(group, start);
        if (policy.kind() == BackupPolicy.Kind.SNAPSHOT) {
            if (!policy.offsite()) {
                return 0;
            }
            double sent = full ? bytes
                    : contents.filesWritten(group, c.previousStart, start) * (files > 0 ? bytes / files : 0);
            return Throughput.hoursForBytes(sent, policy.bytesPerSecond());
        }
        if (full) {
            return Throughput.hours(files, bytes, policy.filesPerSecond(), policy.bytesPerSecond());
        }
        double written = contents.filesWritten(group, c.previousStart, start);
        double writtenBytes = written * (files > 0 ? bytes / files : 0);
        double fileBound = Throughput.hoursForFiles(files, policy.scanFilesPerSecond())
                + Throughput.hoursForFiles(written, policy.filesPerSecond());
        return Math.max(fileBound, Throughput.hoursForBytes(writtenBytes, policy.bytesPerSecond()));
    }

    /** One group's walk through its backup slots, with the backups started but not yet usable everywhere. */
    private static final class Cursor {
        long nextSlot;
        double busyUntil = Double.NEGATIVE_INFINITY;
        double previousStart;
        boolean fullStarted;
        double queriedAt = Double.NEGATIVE_INFINITY;
        double lastArrayPoint = Double.NEGATIVE_INFINITY;
        double lastSitePoint = Double.NEGATIVE_INFINITY;
        long started;
        long skipped;
        // Pending backups: start, usable after an array loss from, usable after a site loss from. Both
        // availability sequences are non-decreasing (backups of a group never overlap, delays are constant).
        double[] start = new double[8];
        double[] arrayFrom = new double[8];
        double[] siteFrom = new double[8];
        int arrayHead;
        int siteHead;
        int tail;

        void push(double s, double a, double site) {
            if (tail == start.length) {
                compact();
                if (tail == start.length) {
                    start = Arrays.copyOf(start, tail * 2);
                    arrayFrom = Arrays.copyOf(arrayFrom, tail * 2);
                    siteFrom = Arrays.copyOf(siteFrom, tail * 2);
                }
            }
            start[tail] = s;
            arrayFrom[tail] = a;
            siteFrom[tail] = site;
            tail++;
        }

        void drain(double t) {
            while (arrayHead < tail && arrayFrom[arrayHead] <= t) {
                lastArrayPoint = start[arrayHead++];
            }
            while (siteHead < tail && siteFrom[siteHead] <= t) {
                lastSitePoint = start[siteHead++];
            }
            // A scope no backup can cover never drains; let it not hold entries in the buffer.
            if (arrayHead < tail && arrayFrom[arrayHead] == Double.POSITIVE_INFINITY) {
                arrayHead = tail;
            }
            if (siteHead < tail && siteFrom[siteHead] == Double.POSITIVE_INFINITY) {
                siteHead = tail;
            }
            if (arrayHead == tail && siteHead == tail) {
                arrayHead = 0;
                siteHead = 0;
                tail = 0;
            }
        }

        private void compact() {
            int head = Math.min(arrayHead, siteHead);
            if (head == 0) {
                return;
            }
            int n = tail - head;
            System.arraycopy(start, head, start, 0, n);
            System.arraycopy(arrayFrom, head, arrayFrom, 0, n);
            System.arraycopy(siteFrom, head, siteFrom, 0, n);
            arrayHead -= head;
            siteHead -= head;
            tail = n;
        }
    }
}
