package org.mailsim.model.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.mailsim.engine.Event;
import org.mailsim.engine.Simulator;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.DiskSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distribution;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

/**
 * One replication of the storage of a scenario on a {@link Simulator}: disks that fail, arrays that rebuild, lose
 * data or go offline, latent errors and scrubs, shocks and scripted faults.
 *
 * <p>Cost grows with events, not with disks or time: each disk's next failure (and next latent error) is drawn
 * once and scheduled; an idle disk costs nothing until then. Scrubs are scheduled only for disks that hold an
 * undetected error, at the time the scrub that finds it would run. Every random draw goes through the
 * {@link TransitionSampler}; each disk draws its lifetimes and latent errors from its own streams, each array its
 * repairs and aftershocks, each shock kind its arrivals.
 *
 * <p>Modelling choices (with exponential lifetimes and repairs they reproduce the textbook Markov chains):
 * <ul>
 *   <li>A rebuild reads the surviving disks. When it ends, each survivor that has no redundancy left (the array
 *       would lose data if it were unreadable too) yields a Poisson number of UREs with mean URE-rate x bits read,
 *       and the undetected latent errors the rebuild met; those sectors are lost (a partial loss, declared when the
 *       rebuild ends, as in the RAID-5-with-URE chain). Survivors that still have redundancy get those latent
 *       errors rewritten. The rebuild reads at a uniform pace, so it meets every error present when it started and
 *       an error arriving meanwhile only if it lands ahead of the read position (probability: the share not yet
 *       read); errors behind it stay latent for the next scrub or rebuild.</li>
 *   <li>One loss event per degraded window: the UREs and latent errors a rebuild meets, and what scrubs find on
 *       disks without redundancy while the array waits for it, are one event (sectors summed, causes listed as
 *       {@code ureDuringRebuild+latentError}), declared when the rebuild ends (or the offline disks return). If the
 *       array is lost meanwhile, they join that whole-array event.</li>
 *   <li>A manufacturing lot's hazard multiplier marks the disks an array was built with; replacements are
 *       nominal unless the lot's {@code replacementFraction} says the spares came from the same lot.</li>
 *   <li>Whole-array loss happens when the failed disks (not the offline ones) make the level lose data. Its cause
 *       is the origin of the failure that tipped it: random, shock/aftershock, or script.</li>
 *   <li>An array whose failed plus offline disks exceed what it can serve is unavailable (not lost); rebuilds that
 *       end meanwhile complete when it is available again.</li>
 *   <li>A lost array stays lost (its disks frozen) until replaced by new empty disks, after the repair spec's
 *       {@code lostArrayReplacement} delay or when the operations layer calls {@link #replaceLostArray}.</li>
 * </ul>
 */
public final class StorageModel {
    private static final long DISK_LIFE_KEY = RandomStreams.hash("storage/disk-lifetime");
    private static final long DISK_LSE_KEY = RandomStreams.hash("storage/disk-latent-errors");
    private static final long ARRAY_REPAIR_KEY = RandomStreams.hash("storage/array-repair");
    private static final long ARRAY_AFTERSHOCK_KEY = RandomStreams.hash("storage/array-aftershock");
    private static final long ARRAY_LOT_KEY = RandomStreams.hash("storage/array-lot");
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final StorageSpec spec;
    private final ArraySpec arraySpec;
    private final DiskSpec diskSpec;
    private final RepairSpec repairSpec;
    private final Simulator sim;
    private final RandomStreams streams;
    private final TransitionSampler sampler;
    private final Disk[] disks;
    private final ArrayState[] arrays;
    private final int[] unavailableArraysInGroup;
    private final ScrubSpec scrub;
    private final boolean latentErrors;
    private final AftershockSpec aftershock;
    private StorageListener[] listeners = new StorageListener[0];

    private long diskFailures;
    private long lossEvents;
    private double bytesLost;
    /** Loss events by the set of their causes (bit {@code cause.ordinal()}), declared so far. */
    private final long[] eventsByCauses = new long[1 << LossCause.values().length];
    private double firstLossHours = Double.NaN;
    private double latentErrorDiskHours;
    private boolean started;

    public StorageModel(StorageSpec spec, Simulator sim, RandomStreams streams) {
        this(spec, sim, streams, TransitionSampler.PLAIN);
    }

    public StorageModel(StorageSpec spec, Simulator sim, RandomStreams streams, TransitionSampler sampler) {
        this.spec = spec;
        this.arraySpec = spec.array();
        this.diskSpec = spec.disk();
        this.repairSpec = spec.repair();
        this.sim = sim;
        this.streams = streams;
        this.sampler = sampler;
        this.scrub = diskSpec.latentErrors().scrub();
        this.latentErrors = spec.randomFailures() && diskSpec.latentErrors().enabled();
        this.aftershock = spec.randomFailures() ? spec.correlation().aftershock() : null;
        int width = arraySpec.width();
        arrays = new ArrayState[spec.arrays()];
        disks = new Disk[spec.disks()];
        unavailableArraysInGroup = new int[spec.groups()];
        SparePool[] groupPools = new SparePool[spec.groups()];
        SpareSpec spares = repairSpec.spares();
        for (int i = 0; i < arrays.length; i++) {
            int group = i / spec.arraysPerGroup();
            SparePool pool = null;
            if (spares.kind() != SpareSpec.Kind.NONE) {
                if (spares.scope() == SpareSpec.Scope.ARRAY) {
                    pool = new SparePool(spares.count(), streams.stream(RandomStreams.hash("storage/spares/array-" + i)));
                } else {
                    if (groupPools[group] == null) {
                        groupPools[group] = new SparePool(spares.count(),
                                streams.stream(RandomStreams.hash("storage/spares/group-" + group)));
                    }
                    pool = groupPools[group];
                }
            }
            ArrayState array = new ArrayState(i, group, i % spec.arraysPerGroup(), pool);
            arrays[i] = array;
            for (int p = 0; p < width; p++) {
                int id = i * width + p;
                disks[id] = new Disk(id, array, p);
                array.disks[p] = disks[id];
            }
        }
    }

    /** Adds a listener; listeners are called in the order added. */
    public void addListener(StorageListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /** Schedules every disk's first failure and latent error, the shock processes and the scripted faults. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the storage model was already started");
        }
        started = true;
        for (ArrayState array : arrays) {
            for (Disk disk : array.disks) {
                disk.install(true);
            }
        }
        if (spec.randomFailures()) {
            int n = 0;
            for (ShockSpec shock : spec.correlation().shocks()) {
                new ShockProcess(shock, n++).scheduleNext();
            }
        }
        List<ScriptedFault> faults = new ArrayList<>(spec.faults());
        faults.sort(Comparator.comparingDouble(ScriptedFault::atHours));
        for (ScriptedFault fault : faults) {
            sim.scheduleAt(Math.max(fault.atHours(), sim.now()), () -> apply(fault));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Control surface for the operations layer and scripts.

    /** Fails disk {@code disk} of array {@code array} of group {@code group} now (ignored if already failed or lost). */
    public void failDisk(int group, int array, int disk) {
        arrayAt(group, array).disks[disk].fail(Origin.SCRIPTED);
    }

    /** Takes a disk offline now for {@code hours}; it comes back with its data unless its array is lost meanwhile. */
    public void takeOffline(int group, int array, int disk, double hours) {
        arrayAt(group, array).disks[disk].takeOffline(hours);
    }

    /** Replaces a lost array by new, empty disks now; it becomes available again. */
    public void replaceLostArray(int group, int array) {
        ArrayState a = arrayAt(group, array);
        if (!a.lost) {
            throw new IllegalStateException("array " + array + " of group " + group + " is not lost");
        }
        a.replace();
    }

    public boolean isLost(int group, int array) {
        return arrayAt(group, array).lost;
    }

    public boolean isAvailable(int group, int array) {
        return !arrayAt(group, array).unavailable;
    }

    public boolean isGroupAvailable(int group) {
        return unavailableArraysInGroup[group] == 0;
    }

    public int failedDisks(int group, int array) {
        return Long.bitCount(arrayAt(group, array).failedMask);
    }

    public StorageSpec spec() {
        return spec;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Results.

    public long diskFailures() {
        return diskFailures;
    }

    /** Loss events so far, counting those still held open in a degraded window. */
    public long lossEvents() {
        long n = lossEvents;
        for (ArrayState a : arrays) {
            n += a.pendingCauses != 0 ? 1 : 0;
        }
        return n;
    }

    /** Bytes in the loss events so far, counting those still held open in a degraded window. */
    public double bytesLost() {
        double bytes = bytesLost;
        for (ArrayState a : arrays) {
            bytes += a.pendingBytes;
        }
        return bytes;
    }

    /** Loss events in which {@code cause} took part (an event with several causes counts for each). */
    public long losses(LossCause cause) {
        long[] events = eventsByCauses();
        long n = 0;
        for (int causes = 1; causes < events.length; causes++) {
            n += (causes & (1 << cause.ordinal())) != 0 ? events[causes] : 0;
        }
        return n;
    }

    private long[] eventsByCauses() {
        long[] events = eventsByCauses.clone();
        for (ArrayState a : arrays) {
            events[a.pendingCauses]++;
        }
        events[0] = 0;
        return events;
    }

    /** Time of the first data loss, NaN if none yet. */
    public double firstLossHours() {
        return firstLossHours;
    }

    /**
     * Disk-hours spent holding at least one undetected latent error, up to {@code untilHours} (normally the end of
     * the run): divided by disk-hours it is the fraction of time a disk holds an undetected error.
     */
    public double latentErrorDiskHours(double untilHours) {
        double total = latentErrorDiskHours;
        for (Disk d : disks) {
            if (d.undetectedErrors > 0) {
                total += untilHours - d.undetectedSince;
            }
        }
        return total;
    }

    /** Adds this replication's storage metrics and losses by cause to {@code result}. */
    public void recordInto(ReplicationResult.Builder result) {
        result.add(Metric.DISK_FAILURES, diskFailures);
        result.add(Metric.BYTES_LOST, bytesLost());
        long[] events = eventsByCauses();
        for (int causes = 1; causes < events.length; causes++) {
            for (long i = 0; i < events[causes]; i++) {
                result.lossEvent(LossCause.key(causes));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Internals.

    private ArrayState arrayAt(int group, int array) {
        if (group < 0 || group >= spec.groups() || array < 0 || array >= spec.arraysPerGroup()) {
            throw new IllegalArgumentException("no array " + array + " in group " + group);
        }
        return arrays[group * spec.arraysPerGroup() + array];
    }

    private void apply(ScriptedFault fault) {
        ArrayState a = arrayAt(fault.group(), fault.array());
        int width = arraySpec.width();
        for (int i = 0; i < (fault.disks().isEmpty() ? width : fault.disks().size()); i++) {
            Disk d = a.disks[fault.disks().isEmpty() ? i : fault.disks().get(i)];
            if (fault.action() == ScriptedFault.Action.FAIL) {
                d.fail(Origin.SCRIPTED);
            } else {
                d.takeOffline(fault.offlineHours());
            }
        }
    }

    /**
     * Sectors of {@code a} found unreadable with no redundancy left. They join the loss event of {@code a}'s
     * degraded window, declared when the window closes ({@link #declarePendingLoss}): one event per rebuild however
     * many UREs, latent errors and scrub findings it holds.
     */
    private void partialLoss(ArrayState a, LossCause cause, double bytes) {
        if (Double.isNaN(firstLossHours)) {
            firstLossHours = sim.now();
        }
        a.pendingCauses |= 1 << cause.ordinal();
        a.pendingBytes += bytes;
    }

    /** Declares the partial-loss event held open on {@code a}, if any: its sectors summed, its causes listed. */
    private void declarePendingLoss(ArrayState a) {
        if (a.pendingCauses != 0) {
            int causes = a.pendingCauses;
            double bytes = a.pendingBytes;
            a.pendingCauses = 0;
            a.pendingBytes = 0;
            recordLoss(a, causes, bytes);
        }
    }

    /** One loss event; listeners hear its leading cause (a whole-array cause if any, else in declaration order). */
    private void recordLoss(ArrayState a, int causes, double bytes) {
        lossEvents++;
        eventsByCauses[causes]++;
        bytesLost += bytes;
        if (Double.isNaN(firstLossHours)) {
            firstLossHours = sim.now();
        }
        LossCause lead = LossCause.values()[Integer.numberOfTrailingZeros(causes)];
        for (StorageListener l : listeners) {
            l.dataLost(sim.now(), a.group, a.indexInGroup, lead, bytes);
        }
    }

    private enum Origin { RANDOM, CORRELATED, SCRIPTED }

    private enum Stage { NONE, WAIT_SPARE, HANDLING, WAIT_CREW, REBUILDING, DEFERRED }

    /** One disk slot of an array; a replacement disk reuses the slot and its random streams. */
    private final class Disk {
        final ArrayState array;
        final int position;
        final long bit;
        final UniformRandomProvider lifeRng;
        UniformRandomProvider lseRng;
        boolean failed;
        boolean offline;
        Stage stage = Stage.NONE;
        long failureHandle = -1;
        long lseHandle = -1;
        long scrubHandle = -1;
        long repairHandle = -1;
        long offlineHandle = -1;
        long aftershockHandle = -1;
        double aftershockAt = Double.NaN;
        double offlineUntil;
        int undetectedErrors;
        int errorsBehindRebuild; // of undetectedErrors, those that landed on sectors the rebuild had already read
        double undetectedSince;
        double rebuildStart;
        double rebuildEnd;
        double scrubPhase = Double.NaN;
        final Event failureEvent = () -> fail(Origin.RANDOM);
        final Event aftershockEvent = () -> fail(Origin.CORRELATED);
        final Event lseEvent = this::latentErrorArrives;
        final Event scrubEvent = this::scrubbed;
        final Event handlingDone = this::spareInserted;
        final Event rebuildDone = this::rebuilt;
        final Event backOnline = this::comesBackOnline;

        Disk(int id, ArrayState array, int position) {
            this.array = array;
            this.position = position;
            this.bit = 1L << position;
            this.lifeRng = streams.stream(DISK_LIFE_KEY ^ (id * GOLDEN));
        }

        /**
         * A new disk in the slot: fresh lifetime, no latent errors. {@code original}: one of the disks the array was
         * built with, which carry its lot's hazard; a replacement is nominal unless the lot also supplied spares.
         */
        void install(boolean original) {
            failed = false;
            stage = Stage.NONE;
            clearLatentErrors();
            if (!spec.randomFailures()) {
                return;
            }
            double multiplier = original ? array.lotMultiplier() : array.replacementMultiplier(lifeRng);
            double life = sampler.timeToFailure(diskSpec.lifetime(), multiplier, array.failedCount(), lifeRng);
            failureHandle = sim.schedule(life, failureEvent);
            if (latentErrors) {
                if (lseRng == null) {
                    lseRng = streams.stream(DISK_LSE_KEY ^ ((array.index * (long) arraySpec.width() + position) * GOLDEN));
                    if (scrub != null && scrub.periodic()) {
                        scrubPhase = lseRng.nextDouble() * scrub.interval().mean();
                    }
                }
                scheduleLatentError();
            }
        }

        void scheduleLatentError() {
            lseHandle = sim.schedule(sampler.timeToArrival(diskSpec.latentErrors().ratePerHour(), array.failedCount(),
                    lseRng), lseEvent);
        }

        void latentErrorArrives() {
            lseHandle = -1;
            if (undetectedErrors == 0) {
                undetectedSince = sim.now();
                scheduleScrub();
            }
            undetectedErrors++;
            if (array.rebuilding > 0 && array.behindRebuild(lseRng)) {
                errorsBehindRebuild++;
            }
            scheduleLatentError();
        }

        void scheduleScrub() {
            if (scrub == null) {
                return;
            }
            double now = sim.now();
            if (scrub.periodic()) {
                double period = scrub.interval().mean();
                double k = Math.floor((now - scrubPhase) / period) + 1;
                double next = scrubPhase + k * period;
                scrubHandle = sim.scheduleAt(next > now ? next : next + period, scrubEvent);
            } else {
                scrubHandle = sim.schedule(sampler.repairTime(scrub.interval(), array.failedCount(), lseRng), scrubEvent);
            }
        }

        void scrubbed() {
            scrubHandle = -1;
            if (offline) {
                scheduleScrub(); // an offline disk cannot be read; the next scrub will try again
                return;
            }
            if (array.noRedundancyFor(this)) {
                int sectors = undetectedErrors * diskSpec.latentErrors().burstSectors();
                clearLatentErrors();
                partialLoss(array, LossCause.LATENT_ERROR, (double) sectors * diskSpec.sectorBytes());
                if (!array.degraded()) {
                    declarePendingLoss(array); // a level without redundancy: no window to wait for
                }
            } else {
                clearLatentErrors();
            }
        }

        void clearLatentErrors() {
            errorsBehindRebuild = 0;
            if (undetectedErrors > 0) {
                latentErrorDiskHours += sim.now() - undetectedSince;
                undetectedErrors = 0;
            }
            if (scrubHandle >= 0) {
                sim.cancel(scrubHandle);
                scrubHandle = -1;
            }
        }

        void cancelAll() {
            failureHandle = cancel(failureHandle);
            lseHandle = cancel(lseHandle);
            repairHandle = cancel(repairHandle);
            offlineHandle = cancel(offlineHandle);
            aftershockHandle = cancel(aftershockHandle);
            clearLatentErrors();
        }

        private long cancel(long handle) {
            if (handle >= 0) {
                sim.cancel(handle);
            }
            return -1;
        }

        void fail(Origin origin) {
            if (failed || array.lost) {
                return;
            }
            cancelAll(); // handles of events that already fired are stale, and cancelling them is harmless
            failed = true;
            if (offline) {
                offline = false;
                array.offlineMask &= ~bit;
            }
            array.failedMask |= bit;
            diskFailures++;
            double now = sim.now();
            for (StorageListener l : listeners) {
                l.diskFailed(now, array.group, array.indexInGroup, position);
            }
            if (arraySpec.losesData(array.failedMask)) {
                array.lose(origin == Origin.RANDOM ? LossCause.CONCURRENT_FAILURES
                        : origin == Origin.CORRELATED ? LossCause.CORRELATED_FAILURE : LossCause.SCRIPTED_FAULT);
                return;
            }
            array.refreshAvailability();
            if (aftershock != null) {
                array.raiseSurvivorsHazard();
            }
            requestSpare();
        }

        void requestSpare() {
            SparePool pool = array.spares;
            if (pool == null) {
                array.enqueueRebuild(this);
            } else if (pool.available > 0) {
                pool.take();
                startHandling();
            } else {
                stage = Stage.WAIT_SPARE;
                pool.waiting.addLast(this);
            }
        }

        void startHandling() {
            Distribution handling = repairSpec.spares().handlingTime();
            double delay = handling.mean() == 0 ? 0 : sampler.repairTime(handling, array.failedCount(), array.repairRng);
            if (delay > 0) {
                stage = Stage.HANDLING;
                repairHandle = sim.schedule(delay, handlingDone);
            } else {
                array.enqueueRebuild(this);
            }
        }

        void spareInserted() {
            repairHandle = -1;
            array.enqueueRebuild(this);
        }

        void startRebuild() {
            stage = Stage.REBUILDING;
            double hours = repairSpec.rebuild().time() != null
                    ? sampler.repairTime(repairSpec.rebuild().time(), array.failedCount(), array.repairRng)
                    : repairSpec.rebuild().hoursAtRate(diskSpec.capacityBytes());
            rebuildStart = sim.now();
            rebuildEnd = rebuildStart + hours;
            repairHandle = sim.schedule(hours, rebuildDone);
        }

        void rebuilt() {
            repairHandle = -1;
            if (array.unavailable) {
                stage = Stage.DEFERRED;
                array.deferred++;
                return;
            }
            completeRebuild();
        }

        void completeRebuild() {
            // The rebuild read every survivor. Survivors without redundancy left lose the sectors it could not
            // read (UREs and the latent errors it met); the others have those latent errors rewritten from
            // redundancy. Errors that landed behind the rebuild's read position stay latent.
            long missing = array.failedMask | array.offlineMask;
            int ureSectors = 0;
            int latentSectors = 0;
            double bitsRead = diskSpec.capacityBits() * repairSpec.rebuild().dataFraction();
            for (Disk s : array.disks) {
                if ((missing & s.bit) != 0) {
                    continue;
                }
                if (arraySpec.losesData(missing | s.bit)) {
                    if (diskSpec.urePerBit() > 0) {
                        ureSectors += sampler.readErrors(diskSpec.urePerBit() * bitsRead, array.repairRng);
                    }
                    latentSectors += (s.undetectedErrors - s.errorsBehindRebuild)
                            * diskSpec.latentErrors().burstSectors();
                }
                s.readByRebuild();
            }
            for (Disk s : array.disks) {
                s.errorsBehindRebuild = 0; // counted against this rebuild only (offline disks were not read)
            }
            array.failedMask &= ~bit;
            array.rebuilding--;
            install(false);
            array.rebuildNext();
            array.refreshAvailability();
            if (ureSectors > 0) {
                partialLoss(array, LossCause.URE_DURING_REBUILD, (double) ureSectors * diskSpec.sectorBytes());
            }
            if (latentSectors > 0) {
                partialLoss(array, LossCause.LATENT_ERROR, (double) latentSectors * diskSpec.sectorBytes());
            }
            declarePendingLoss(array); // the rebuild closes its degraded window's event
        }

        /** A rebuild read this disk: the errors it met are gone (lost or rewritten); those behind it stay. */
        void readByRebuild() {
            int behind = errorsBehindRebuild;
            if (behind == 0) {
                clearLatentErrors();
            } else {
                undetectedErrors = behind; // still undetected since the same time, its scrub still scheduled
                errorsBehindRebuild = 0;
            }
        }

        void takeOffline(double hours) {
            if (failed || array.lost) {
                return;
            }
            double until = sim.now() + hours;
            if (offline) {
                if (until > offlineUntil) {
                    offlineUntil = until;
                    offlineHandle = sim.reschedule(offlineHandle, until); // a new handle: keep it
                }
                return;
            }
            offline = true;
            offlineUntil = until;
            array.offlineMask |= bit;
            offlineHandle = sim.scheduleAt(until, backOnline);
            array.refreshAvailability();
        }

        void comesBackOnline() {
            offlineHandle = -1;
            offline = false;
            array.offlineMask &= ~bit;
            array.refreshAvailability();
            if (!array.degraded()) {
                declarePendingLoss(array); // a window of offline disks closes without a rebuild
            }
        }
    }

    /** State of one array. */
    private final class ArrayState {
        final int index;
        final int group;
        final int indexInGroup;
        final Disk[] disks;
        final SparePool spares;
        final UniformRandomProvider repairRng;
        UniformRandomProvider aftershockRng;
        final LotSpec lot; // null: nominal disks
        long failedMask;
        long offlineMask;
        boolean lost;
        boolean unavailable;
        int rebuilding;
        int deferred;
        int pendingCauses; // partial losses of the open degraded window: their causes (bits) and bytes
        double pendingBytes;
        ArrayDeque<Disk> crewQueue;
        final Event replaceEvent = this::replace;

        ArrayState(int index, int group, int indexInGroup, SparePool spares) {
            this.index = index;
            this.group = group;
            this.indexInGroup = indexInGroup;
            this.disks = new Disk[arraySpec.width()];
            this.spares = spares;
            this.repairRng = streams.stream(ARRAY_REPAIR_KEY ^ (index * GOLDEN));
            this.lot = drawLot();
        }

        private LotSpec drawLot() {
            List<LotSpec> lots = spec.correlation().lots();
            if (lots.isEmpty()) {
                return null;
            }
            double u = streams.stream(ARRAY_LOT_KEY ^ (index * GOLDEN)).nextDouble();
            for (LotSpec l : lots) {
                if (u < l.fraction()) {
                    return l;
                }
                u -= l.fraction();
            }
            return null;
        }

        double lotMultiplier() {
            return lot == null ? 1 : lot.hazardMultiplier();
        }

        /** Hazard multiplier of a replacement disk: its lot's with the lot's replacement fraction, else nominal. */
        double replacementMultiplier(UniformRandomProvider rng) {
            if (lot == null || lot.replacementFraction() == 0) {
                return 1;
            }
            if (lot.replacementFraction() == 1) {
                return lot.hazardMultiplier();
            }
            return rng.nextDouble() < lot.replacementFraction() ? lot.hazardMultiplier() : 1;
        }

        int failedCount() {
            return Long.bitCount(failedMask);
        }

        boolean degraded() {
            return (failedMask | offlineMask) != 0;
        }

        /**
         * Whether a latent error arriving now lands on a sector the rebuild has already read: rebuilds progress
         * uniformly, so with probability (now - start) / (end - start). With several rebuilds at once it is placed
         * against the one that ends first (a deferred one has read everything).
         */
        boolean behindRebuild(UniformRandomProvider rng) {
            Disk first = null;
            for (Disk d : disks) {
                if ((d.stage == Stage.REBUILDING || d.stage == Stage.DEFERRED)
                        && (first == null || d.rebuildEnd < first.rebuildEnd)) {
                    first = d;
                }
            }
            if (first == null) {
                return false;
            }
            double length = first.rebuildEnd - first.rebuildStart;
            double read = length > 0 ? (sim.now() - first.rebuildStart) / length : 1;
            return read >= 1 || rng.nextDouble() < read;
        }

        /** True when losing {@code d} as well would lose data: the rebuild or scrub has nothing to repair it from. */
        boolean noRedundancyFor(Disk d) {
            return arraySpec.losesData(failedMask | offlineMask | d.bit);
        }

        void enqueueRebuild(Disk d) {
            if (repairSpec.crews() == RepairSpec.Crews.UNLIMITED || rebuilding == 0) {
                rebuilding++;
                d.startRebuild();
            } else {
                if (crewQueue == null) {
                    crewQueue = new ArrayDeque<>(arraySpec.width());
                }
                d.stage = Stage.WAIT_CREW;
                crewQueue.addLast(d);
            }
        }

        void rebuildNext() {
            if (crewQueue != null && !crewQueue.isEmpty() && rebuilding == 0) {
                rebuilding++;
                crewQueue.pollFirst().startRebuild();
            }
        }

        void raiseSurvivorsHazard() {
            if (aftershockRng == null) {
                aftershockRng = streams.stream(ARRAY_AFTERSHOCK_KEY ^ (index * GOLDEN));
            }
            double now = sim.now();
            for (Disk s : disks) {
                if (s.failed) {
                    continue;
                }
                double t = sampler.timeToArrival(aftershock.extraHazardPerHour(), failedCount(), aftershockRng);
                if (t < aftershock.windowHours()) {
                    if (s.aftershockHandle >= 0 && sim.isScheduled(s.aftershockHandle)) {
                        if (s.aftershockAt <= now + t) {
                            continue; // keep the earlier of the two pending follow-on failures
                        }
                        sim.cancel(s.aftershockHandle);
                    }
                    s.aftershockAt = now + t;
                    s.aftershockHandle = sim.scheduleAt(now + t, s.aftershockEvent);
                }
            }
        }

        void lose(LossCause cause) {
            lost = true;
            for (Disk d : disks) {
                d.cancelAll();
                d.offline = false;
                d.stage = Stage.NONE;
            }
            offlineMask = 0;
            rebuilding = 0;
            deferred = 0;
            if (crewQueue != null) {
                crewQueue.clear();
            }
            if (spares != null) {
                spares.waiting.removeIf(d -> d.array == this);
            }
            // Sectors found unreadable earlier in this degraded window are part of the array now lost: one event.
            int causes = (1 << cause.ordinal()) | pendingCauses;
            pendingCauses = 0;
            pendingBytes = 0;
            recordLoss(this, causes, spec.arrayDataBytes());
            setUnavailable(true);
            Distribution replacement = repairSpec.lostArrayReplacement();
            if (replacement != null) {
                double delay = replacement.mean() == 0 ? 0 : sampler.repairTime(replacement, failedCount(), repairRng);
                sim.schedule(delay, replaceEvent);
            }
        }

        void replace() {
            if (!lost) {
                return; // already replaced by the operations layer
            }
            lost = false;
            failedMask = 0;
            offlineMask = 0;
            for (Disk d : disks) {
                d.install(false);
            }
            refreshAvailability();
        }

        void refreshAvailability() {
            boolean now = lost || arraySpec.losesData(failedMask | offlineMask);
            if (now != unavailable) {
                setUnavailable(now);
            }
            if (!unavailable && deferred > 0) {
                deferred = 0;
                for (Disk d : disks) {
                    if (d.stage == Stage.DEFERRED) {
                        d.completeRebuild();
                    }
                }
            }
        }

        private void setUnavailable(boolean value) {
            double now = sim.now();
            boolean was = unavailable;
            unavailable = value;
            if (value) {
                for (StorageListener l : listeners) {
                    l.arrayUnavailable(now, group, indexInGroup, lost);
                }
                if (!was && unavailableArraysInGroup[group]++ == 0) {
                    for (StorageListener l : listeners) {
                        l.groupUnavailable(now, group);
                    }
                }
            } else if (was) {
                for (StorageListener l : listeners) {
                    l.arrayAvailable(now, group, indexInGroup);
                }
                if (--unavailableArraysInGroup[group] == 0) {
                    for (StorageListener l : listeners) {
                        l.groupAvailable(now, group);
                    }
                }
            }
        }
    }

    /** Spare disks shared by one array or one group. */
    private final class SparePool {
        int available;
        final ArrayDeque<Disk> waiting = new ArrayDeque<>();
        final UniformRandomProvider rng;
        final Event replenished = this::replenish;

        SparePool(int count, UniformRandomProvider rng) {
            this.available = count;
            this.rng = rng;
        }

        void take() {
            available--;
            Distribution delay = repairSpec.spares().replenishTime();
            double t = delay.mean() == 0 ? 0 : sampler.repairTime(delay, 0, rng);
            sim.schedule(t, replenished);
        }

        void replenish() {
            available++;
            Disk next = waiting.pollFirst();
            if (next != null) {
                take();
                next.startHandling();
            }
        }
    }

    /** A Poisson stream of shocks over all arrays (or groups): one event object, rescheduled after each shock. */
    private final class ShockProcess {
        final ShockSpec shock;
        final UniformRandomProvider rng;
        final double totalRate;
        final int[] scratch = new int[arraySpec.width()];
        final Event arrives = this::hit;

        ShockProcess(ShockSpec shock, int ordinal) {
            this.shock = shock;
            this.rng = streams.stream(RandomStreams.hash("storage/shock/" + ordinal + "/" + shock.name()));
            int targets = shock.scope() == ShockSpec.Scope.ARRAY ? arrays.length : spec.groups();
            this.totalRate = shock.ratePerHour() * targets;
        }

        void scheduleNext() {
            sim.schedule(sampler.timeToArrival(totalRate, 0, rng), arrives);
        }

        void hit() {
            if (shock.scope() == ShockSpec.Scope.ARRAY) {
                strike(arrays[sampler.pick(arrays.length, rng)]);
            } else {
                int group = sampler.pick(spec.groups(), rng);
                for (int i = 0; i < spec.arraysPerGroup(); i++) {
                    strike(arrays[group * spec.arraysPerGroup() + i]);
                }
            }
            scheduleNext();
        }

        void strike(ArrayState a) {
            int width = scratch.length;
            for (int i = 0; i < width; i++) {
                scratch[i] = i;
            }
            int k = Math.min(shock.disksPerArray(), width);
            // Partial Fisher-Yates: the first k entries become a uniform random k-subset of positions.
            for (int i = 0; i < k; i++) {
                int j = i + sampler.pick(width - i, rng);
                int tmp = scratch[i];
                scratch[i] = scratch[j];
                scratch[j] = tmp;
            }
            double offlineHours = shock.effect() == ShockSpec.Effect.OFFLINE
                    ? sampler.repairTime(shock.offlineTime(), a.failedCount(), rng) : 0;
            for (int i = 0; i < k; i++) {
                Disk d = a.disks[scratch[i]];
                if (shock.effect() == ShockSpec.Effect.FAIL) {
                    d.fail(Origin.CORRELATED);
                } else {
                    d.takeOffline(offlineHours);
                }
            }
        }
    }
}
