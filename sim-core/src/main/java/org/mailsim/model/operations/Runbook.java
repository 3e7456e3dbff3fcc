package org.mailsim.model.operations;

import static org.mailsim.model.operations.Throughput.requireFraction;
import static org.mailsim.model.operations.Throughput.requireNonNegative;
import static org.mailsim.model.operations.Throughput.requireRate;

import java.util.Objects;
import org.mailsim.random.Distribution;
import org.mailsim.random.Distributions;

/**
 * What the operations team does when storage fails (the scenario's {@code operations:} section; its defaults and
 * presets are scenario data, documented in docs/scenario-format.md). All durations are
 * in hours; rates are per second. Times that depend on data (restore, vendor imaging, merge) are computed from the
 * file count and bytes of the failed storage at the moment of failure, never given as dates.
 *
 * <p>Timeline of a lost array (see {@link IncidentResponse}): failure, then {@code detectionDelay} until an alarm,
 * then {@code onCallResponse} until an engineer works on it; then replacement storage is provisioned
 * ({@code provisioning}) and new mail is redirected to it (send/receive is back); the old mail comes back from a
 * backup ({@code restore}) and/or from a data-recovery vendor ({@code vendor}) followed by a {@code merge} into the
 * live storage.
 *
 * @param detectionDelay  failure to alarm (monitoring, or users complaining)
 * @param onCallResponse  alarm to an engineer at work on it
 * @param diskReplacement swapping a single failed disk (no data loss): spare handling and restocking
 * @param provisioning    bringing replacement storage into service for a group whose storage was lost
 * @param restore         restoring from backup into the (replacement) storage
 * @param vendor          the data-recovery vendor the dead disks are sent to
 * @param merge           merging recovered mail into the live storage
 * @param staffing        engineers busy per phase, for the engineer-hours cost
 */
public record Runbook(Distribution detectionDelay, Distribution onCallResponse, DiskReplacement diskReplacement,
                      Provisioning provisioning, Restore restore, Vendor vendor, Merge merge, Staffing staffing) {

    public Runbook {
        Objects.requireNonNull(detectionDelay, "detection delay");
        Objects.requireNonNull(onCallResponse, "on-call response");
        Objects.requireNonNull(diskReplacement, "disk replacement");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(restore, "restore");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(merge, "merge");
        Objects.requireNonNull(staffing, "staffing");
    }

    public Runbook withProvisioning(Provisioning p) {
        return new Runbook(detectionDelay, onCallResponse, diskReplacement, p, restore, vendor, merge, staffing);
    }

    public Runbook withRestore(Restore r) {
        return new Runbook(detectionDelay, onCallResponse, diskReplacement, provisioning, r, vendor, merge, staffing);
    }

    public Runbook withVendor(Vendor v) {
        return new Runbook(detectionDelay, onCallResponse, diskReplacement, provisioning, restore, v, merge, staffing);
    }

    public Runbook withMerge(Merge m) {
        return new Runbook(detectionDelay, onCallResponse, diskReplacement, provisioning, restore, vendor, m, staffing);
    }

    /** Which kind of spare a failed disk is replaced with. */
    public enum SpareKind { HOT, COLD }

    /**
     * Replacing one failed disk. A hot spare takes over at once (the array rebuilds onto it); a cold spare waits for
     * someone to insert it ({@code coldSpareHandling}); with no spare in stock a disk is ordered and arrives after
     * {@code restockDelay}, then is inserted. The storage model owns the spare pools; this is the team's side.
     *
     * @param engineerHoursPerDisk hands-on time per failed disk (swap, RMA paperwork), for costs
     */
    public record DiskReplacement(Distribution coldSpareHandling, Distribution restockDelay,
                                  double engineerHoursPerDisk) {
        public DiskReplacement {
            Objects.requireNonNull(coldSpareHandling, "cold spare handling");
            Objects.requireNonNull(restockDelay, "restock delay");
            requireNonNegative("engineer hours per disk", engineerHoursPerDisk);
        }

        /**
         * Hours from a disk failure until a replacement disk is in the array, given drawn handling and restock
         * times: 0 with a hot spare, handling with a cold spare on the shelf, restock + handling when out of stock.
         */
        public static double hoursUntilReplaced(SpareKind kind, boolean inStock, double handling, double restock) {
            if (!inStock) {
                return restock + handling;
            }
            return kind == SpareKind.HOT ? 0 : handling;
        }
    }

    /** Bringing replacement storage into service for a group, after an engineer is at work. */
    public record Provisioning(Distribution time) {
        public Provisioning {
            Objects.requireNonNull(time, "provisioning time");
        }
    }

    /**
     * Restoring from backup. File-level backups are bounded by both rates; block-level snapshot replicas by bytes
     * only. Copies held only off site are first recalled ({@code offsiteRecall}).
     */
    public record Restore(double filesPerSecond, double bytesPerSecond, Distribution offsiteRecall) {
        public Restore {
            requireRate("restore files/s", filesPerSecond);
            requireRate("restore bytes/s", bytesPerSecond);
            Objects.requireNonNull(offsiteRecall, "off-site recall");
        }

        public double hours(double files, double bytes, boolean blockLevel) {
            return blockLevel ? Throughput.hoursForBytes(bytes, bytesPerSecond)
                    : Throughput.hours(files, bytes, filesPerSecond, bytesPerSecond);
        }
    }

    /**
     * A data-recovery vendor: the dead disks are shipped when an engineer is at work; the vendor returns the
     * recoverable part after {@code turnaround} plus imaging the data at {@code bytesPerSecond} (infinite: the
     * turnaround already covers it). Data in bad sectors is not recoverable: {@code recoverableFraction}.
     *
     * @param available    whether the runbook uses a vendor at all
     * @param forBackupGap with a usable backup, also send the disks to recover the mail received since it
     * @param lossRunBytes mean length of the runs of adjacent data the vendor cannot read; 0: every unrecovered file
     *                     lost independently (scattered), which makes the users with loss an upper bound
     */
    public record Vendor(boolean available, Distribution turnaround, double bytesPerSecond,
                         double recoverableFraction, double pricePerTB, boolean forBackupGap, double lossRunBytes) {
        public static final Vendor NONE = new Vendor(false, Distributions.deterministic(0), Double.POSITIVE_INFINITY,
                0, 0, false, 0);

        public Vendor {
            Objects.requireNonNull(turnaround, "vendor turnaround");
            requireRate("vendor bytes/s", bytesPerSecond);
            requireFraction("recoverable fraction", recoverableFraction);
            requireNonNegative("vendor price per TB", pricePerTB);
            requireNonNegative("vendor loss run", lossRunBytes);
        }

        /** Hours from shipping to getting the data back, for {@code bytes} of data and a drawn turnaround. */
        public double hours(double turnaroundHours, double bytes) {
            return turnaroundHours + Throughput.hoursForBytes(bytes, bytesPerSecond);
        }

        /** Fee for recovering {@code bytes} (decimal terabytes, as vendors quote). */
        public double fee(double bytes) {
            return pricePerTB * bytes / 1e12;
        }
    }

    /** Merging recovered mail into the live storage, which keeps serving users meanwhile. */
    public record Merge(double filesPerSecond) {
        public Merge {
            requireRate("merge files/s", filesPerSecond);
        }

        public double hours(double files) {
            return Throughput.hoursForFiles(files, filesPerSecond);
        }
    }

    /**
     * Engineers busy on an incident: {@code whileDown} from the alarm until service is back on replacement
     * storage, {@code whileRecovering} from then until the incident closes (watching restores, the vendor, merges).
     */
    public record Staffing(double whileDown, double whileRecovering) {
        public Staffing {
            requireNonNegative("engineers while down", whileDown);
            requireNonNegative("engineers while recovering", whileRecovering);
        }
    }
}
