package org.mailsim.model.storage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.mailsim.engine.IndexedEvent;
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
import org.mailsim.random.Distributions;
import org.mailsim.random.PackedStreams;
import org.mailsim.random.RandomStreams;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

/**
 * The storage of a scenario on a {@link Simulator}: disks that fail, arrays that rebuild, lose data or go offline,
 * latent errors and scrubs, shocks and scripted faults. One instance serves replication after replication on one
 * thread: {@link #reset} readies it for the next (with the reset simulator), so the structure is built once.
 *
 * <p>Cost grows with events, not with disks or time: each disk's next failure is drawn once and scheduled; an
 * idle disk costs nothing until then, and an event later than the end of the run ({@link #start(double)}) is not
 * scheduled at all. A disk's next latent error, and the scrub that will find the errors it holds, are times kept per
 * disk; an awake array has one event for all of its disks' ({@link #latentDue}). Every random draw goes through the
 * {@link TransitionSampler}; each disk draws its lifetimes and latent errors from its own streams, each array its
 * repairs and aftershocks, each shock kind its arrivals.
 *
 * <p>Latent errors of a quiet array (no disk failed, offline or rebuilding, on a level that survives any one
 * disk) cannot lose data, and a disk's errors and scrubs depend only on its own stream: such an array's latent-error
 * processes are not run as events but brought up to date when something happens to the array (a failure, a disk
 * going offline): draw for draw as the events would have drawn them over a short stretch, by {@link #skipTo skipping}
 * the history over a long one; when the array is quiet again they go back to sleep. An array that never fails costs
 * no latent-error work at all.
 *
 * <p>Layout: a disk is an index ({@code array * width + position}) into primitive arrays, an array an index into
 * others, and each kind of event one {@link IndexedEvent} fired with that index; each disk's streams are two
 * {@code long}s of a {@link PackedStreams}. A fleet without latent errors, shocks or spares holds about 40 bytes a
 * disk, plus its pending events.
 *
 * <p>Modelling choices (with exponential lifetimes and repairs they reproduce the textbook Markov chains):
 * <ul>
 *   <li>A rebuild reads the surviving disks. When it ends, each survivor that has no redundancy left (the array
 *       would lose data if it were unreadable too) yields a Poisson number of UREs with mean URE-rate x bits read,
 *       and the undetected latent errors the rebuild met; those sectors are lost (a partial loss, declared when the
 *       rebuild ends, as in the RAID-5-with-URE chain of docs/model.md). Survivors that still have redundancy get
 *       those latent errors rewritten. The rebuild reads at a uniform pace, so it meets every error present when it started and
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
    /** The chance, per error episode, that skipping a sleeping disk's history misses a scrub this late. */
    private static final double SCRUB_TAIL = 1e-12;

    // Where a disk stands in its replacement (stage[]).
    private static final byte NONE = 0;
    private static final byte WAIT_SPARE = 1;
    private static final byte HANDLING = 2;
    private static final byte WAIT_CREW = 3;
    private static final byte REBUILDING = 4;
    private static final byte DEFERRED = 5;

    private enum Origin { RANDOM, CORRELATED, SCRIPTED }

    private final StorageSpec spec;
    private final ArraySpec arraySpec;
    private final DiskSpec diskSpec;
    private final RepairSpec repairSpec;
    private final Simulator sim;
    private final TransitionSampler sampler;
    private final ScrubSpec scrub;
    private final boolean latentErrors;
    private final AftershockSpec aftershock;
    private final int width;
    private final int arrayCount;
    private final int arraysPerGroup;
    private final boolean oneCrew;
    private final boolean sleepingLatentErrors; // quiet arrays' latent errors are caught up, not run as events
    /**
     * Hours within which a scrub surely finds a disk's errors (the period of periodic scrubs, else the scrub delay's
     * 1 - {@value #SCRUB_TAIL} quantile), or +infinity when a sleeping disk's history is never skipped (see
     * {@link #skipTo}).
     */
    private final double scrubWithin;
    private final double skipAfter; // a sleeping disk's history is skipped over stretches at least this long
    private boolean keepLatentHistory; // every latent error is drawn, for latentErrorDiskHours
    private double[] arrivals = new double[16]; // scratch for skipTo

    // Per disk.
    private final PackedStreams lifeStreams;
    private final byte[] stage;
    private final long[] failureHandle;
    private final long[] repairHandle;
    private final PackedStreams lseStreams; // latent-error arrivals and scrub draws; null without latent errors
    private final double[] nextLatentError; // the next arrival (+infinity: none; NaN: the process has not begun)
    private final double[] latentKnownUntil; // of a sleeping disk: the time its latent-error state stands at
    private final double[] scrubAt; // the pending scrub (+infinity: none)
    private final int[] undetectedErrors;
    private final int[] errorsBehindRebuild; // of undetectedErrors, those on sectors the rebuild had already read
    private final double[] undetectedSince;
    private final double[] scrubPhase;
    private final double[] rebuildStart; // with latent errors only: where a rebuild stands when an error arrives
    private final double[] rebuildEnd;
    private final long[] aftershockHandle; // null without aftershocks
    private final double[] aftershockAt;
    private final long[] crewTicket; // order of joining the array's crew queue; null with unlimited crews
    private long[] offlineHandle; // allocated when a disk first goes offline
    private double[] offlineUntil;

    // Per array.
    private final PackedStreams repairStreams;
    private final PackedStreams aftershockStreams; // seeded when the array's first aftershock is drawn
    private final boolean[] aftershockSeeded;
    private final LotSpec[] lot; // null without manufacturing lots; per array, null for nominal disks
    private final boolean[] awake; // per array: its latent-error processes run as events (see the class comment)
    private final long[] latentHandle; // per array: the one event of its disks' latent errors and scrubs
    private final double[] latentAt; // when that event fires: no later than the earliest of them (see latentDue)
    private final long[] failedMask;
    private final long[] offlineMask;
    private final boolean[] lost;
    private final boolean[] unavailable;
    private final int[] rebuilding;
    private final int[] deferred;
    private final int[] pendingCauses; // partial losses of the open degraded window: their causes (bits) and bytes
    private final double[] pendingBytes;
    private final boolean[] lostDataOnce; // per array: it has had a loss event this replication
    private final SparePool[] poolOfArray; // null without spares
    private final SparePool[] pools;
    private final PackedStreams poolStreams;
    private final long[] poolKeys;
    private final int[] unavailableArraysInGroup;
    private final ShockProcess[] shocks;

    private final IndexedEvent failureEvent = d -> fail(d, Origin.RANDOM);
    private final IndexedEvent aftershockEvent = d -> fail(d, Origin.CORRELATED);
    private final IndexedEvent latentEvent = this::latentDue;
    private final IndexedEvent handlingDone = this::spareInserted;
    private final IndexedEvent rebuildDone = this::rebuilt;
    private final IndexedEvent backOnline = this::comesBackOnline;
    private final IndexedEvent replaceEvent = this::replace;
    private final IndexedEvent replenished = this::replenish;

    private RandomStreams streams;
    private StorageListener[] listeners = new StorageListener[2]; // the first listenerCount, kept across resets
    private int listenerCount;
    private double end = Double.POSITIVE_INFINITY;
    private double latentOrigin; // when the latent-error processes of the disks first installed began
    private long nextCrewTicket;
    private long diskFailures;
    private long lossEvents;
    private double bytesLost;
    private double sectorBytesLost;
    private double arrayBytesLost;
    private long arraysWithLoss;
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
        this.sampler = sampler;
        this.scrub = diskSpec.latentErrors().scrub();
        this.latentErrors = spec.randomFailures() && diskSpec.latentErrors().enabled();
        this.aftershock = spec.randomFailures() ? spec.correlation().aftershock() : null;
        this.width = arraySpec.width();
        this.arrayCount = spec.arrays();
        this.arraysPerGroup = spec.arraysPerGroup();
        this.oneCrew = repairSpec.crews() != RepairSpec.Crews.UNLIMITED;
        boolean anyOneDiskLosesData = false;
        for (int p = 0; p < width; p++) {
            anyOneDiskLosesData |= arraySpec.losesData(1L << p);
        }
        this.sleepingLatentErrors = latentErrors && !anyOneDiskLosesData;
        // A sampler that weights its draws must see every one of them: only plain Monte Carlo skips.
        this.scrubWithin = sleepingLatentErrors && sampler == TransitionSampler.PLAIN
                ? scrubWithinHours(scrub, diskSpec.latentErrors().ratePerHour()) : Double.POSITIVE_INFINITY;
        // Skipping costs a few draws; drawing the history costs two or three an error: skip a stretch that
        // holds one error on average, and several windows, so that an empty one is usually found.
        this.skipAfter = Math.max(4 * scrubWithin, 1 / diskSpec.latentErrors().ratePerHour());
        int disks = spec.disks();

        lifeStreams = new PackedStreams(disks);
        stage = new byte[disks];
        failureHandle = new long[disks];
        repairHandle = new long[disks];
        lseStreams = latentErrors ? new PackedStreams(disks) : null;
        nextLatentError = latentErrors ? new double[disks] : null;
        latentKnownUntil = sleepingLatentErrors ? new double[disks] : null;
        scrubAt = latentErrors ? new double[disks] : null;
        undetectedErrors = new int[latentErrors ? disks : 0];
        errorsBehindRebuild = new int[latentErrors ? disks : 0];
        undetectedSince = new double[latentErrors ? disks : 0];
        scrubPhase = latentErrors ? new double[disks] : null;
        rebuildStart = latentErrors ? new double[disks] : null;
        rebuildEnd = latentErrors ? new double[disks] : null;
        aftershockHandle = aftershock != null ? new long[disks] : null;
        aftershockAt = aftershock != null ? new double[disks] : null;
        crewTicket = oneCrew ? new long[disks] : null;

        repairStreams = new PackedStreams(arrayCount);
        aftershockStreams = aftershock != null ? new PackedStreams(arrayCount) : null;
        aftershockSeeded = aftershock != null ? new boolean[arrayCount] : null;
        lot = spec.correlation().lots().isEmpty() ? null : new LotSpec[arrayCount];
        awake = new boolean[arrayCount];
        latentHandle = latentErrors ? new long[arrayCount] : null;
        latentAt = latentErrors ? new double[arrayCount] : null;
        failedMask = new long[arrayCount];
        offlineMask = new long[arrayCount];
        lost = new boolean[arrayCount];
        unavailable = new boolean[arrayCount];
        rebuilding = new int[arrayCount];
        deferred = new int[arrayCount];
        pendingCauses = new int[arrayCount];
        pendingBytes = new double[arrayCount];
        lostDataOnce = new boolean[arrayCount];
        unavailableArraysInGroup = new int[spec.groups()];

        SpareSpec spares = repairSpec.spares();
        if (spares.kind() == SpareSpec.Kind.NONE) {
            poolOfArray = null;
            pools = new SparePool[0];
            poolKeys = new long[0];
        } else {
            boolean perArray = spares.scope() == SpareSpec.Scope.ARRAY;
            int count = perArray ? arrayCount : spec.groups();
            pools = new SparePool[count];
            poolKeys = new long[count];
            for (int i = 0; i < count; i++) {
                pools[i] = new SparePool(i);
                poolKeys[i] = RandomStreams.hash((perArray ? "storage/spares/array-" : "storage/spares/group-") + i);
            }
            poolOfArray = new SparePool[arrayCount];
            for (int a = 0; a < arrayCount; a++) {
                poolOfArray[a] = pools[perArray ? a : a / arraysPerGroup];
            }
        }
        poolStreams = new PackedStreams(pools.length);

        List<ShockSpec> shockSpecs = spec.randomFailures() ? spec.correlation().shocks() : List.of();
        shocks = new ShockProcess[shockSpecs.size()];
        for (int n = 0; n < shocks.length; n++) {
            shocks[n] = new ShockProcess(shockSpecs.get(n), n);
        }
        reset(streams);
    }

    /**
     * Readies the model for another replication with {@code streams}, on its simulator, which the caller has
     * {@link Simulator#reset reset}: every disk new, counters at zero, no listeners, not started. Allocates
     * nothing (beyond the first aftershock streams' flags); costs a pass over the disks.
     */
    public void reset(RandomStreams newStreams) {
        this.streams = newStreams;
        Arrays.fill(listeners, null);
        listenerCount = 0;
        end = Double.POSITIVE_INFINITY;
        started = false;
        keepLatentHistory = false;
        nextCrewTicket = 0;
        diskFailures = 0;
        lossEvents = 0;
        bytesLost = 0;
        sectorBytesLost = 0;
        arrayBytesLost = 0;
        arraysWithLoss = 0;
        Arrays.fill(lostDataOnce, false);
        Arrays.fill(eventsByCauses, 0);
        firstLossHours = Double.NaN;
        latentErrorDiskHours = 0;

        Arrays.fill(stage, NONE);
        Arrays.fill(failureHandle, -1);
        Arrays.fill(repairHandle, -1);
        if (latentErrors) {
            Arrays.fill(latentHandle, -1);
            Arrays.fill(latentAt, Double.POSITIVE_INFINITY);
            Arrays.fill(nextLatentError, Double.NaN);
            Arrays.fill(scrubAt, Double.POSITIVE_INFINITY);
            Arrays.fill(undetectedErrors, 0);
            Arrays.fill(errorsBehindRebuild, 0);
        }
        if (aftershock != null) {
            Arrays.fill(aftershockHandle, -1);
            Arrays.fill(aftershockSeeded, false);
        }
        offlineHandle = null;
        offlineUntil = null;
        Arrays.fill(awake, !sleepingLatentErrors);
        Arrays.fill(failedMask, 0);
        Arrays.fill(offlineMask, 0);
        Arrays.fill(lost, false);
        Arrays.fill(unavailable, false);
        Arrays.fill(rebuilding, 0);
        Arrays.fill(deferred, 0);
        Arrays.fill(pendingCauses, 0);
        Arrays.fill(pendingBytes, 0);
        Arrays.fill(unavailableArraysInGroup, 0);

        for (int a = 0; a < arrayCount; a++) {
            repairStreams.seed(a, newStreams, ARRAY_REPAIR_KEY ^ (a * GOLDEN));
        }
        if (lot != null) {
            PackedStreams lotStream = new PackedStreams(1);
            for (int a = 0; a < arrayCount; a++) {
                lotStream.seed(0, newStreams, ARRAY_LOT_KEY ^ (a * GOLDEN));
                lot[a] = drawLot(lotStream.nextDouble(0));
            }
        }
        int disks = lifeStreams.count();
        for (int d = 0; d < disks; d++) {
            lifeStreams.seed(d, newStreams, DISK_LIFE_KEY ^ (d * GOLDEN));
        }
        for (int p = 0; p < pools.length; p++) {
            poolStreams.seed(p, newStreams, poolKeys[p]);
            pools[p].reset(repairSpec.spares().count());
        }
        for (ShockProcess shock : shocks) {
            shock.reset();
        }
    }

    private LotSpec drawLot(double u) {
        for (LotSpec l : spec.correlation().lots()) {
            if (u < l.fraction()) {
                return l;
            }
            u -= l.fraction();
        }
        return null;
    }

    /** Adds a listener; listeners are called in the order added. */
    public void addListener(StorageListener listener) {
        if (listenerCount == listeners.length) {
            listeners = Arrays.copyOf(listeners, 2 * listeners.length);
        }
        listeners[listenerCount++] = listener;
    }

    /** Schedules every disk's first failure and latent error, the shock processes and the scripted faults. */
    public void start() {
        start(Double.POSITIVE_INFINITY);
    }

    /**
     * As {@link #start()}, for a run that ends at {@code endHours} (the horizon it is run to): events later than
     * that would never fire, so they are not scheduled, and a new disk whose lifetime clearly ends later is not
     * even given one (its failure probability is compared with the lifetime's CDF at the end instead of inverting
     * it). Results are the same as with {@link #start()}.
     */
    public void start(double endHours) {
        if (started) {
            throw new IllegalStateException("the storage model was already started");
        }
        started = true;
        end = endHours;
        if (spec.randomFailures()) {
            Distribution lifetime = diskSpec.lifetime();
            double now = sim.now();
            // The CDF at the end, with a margin far above the inverses' error (1e-12 relative for the numerically
            // inverted lifetimes), so that a disk judged to outlive the run always would.
            double limit = Double.isInfinite(end) ? Double.POSITIVE_INFINITY
                    : lifetime.cdf(end - now) * (1 + 1e-6) + 1e-9;
            int disks = lifeStreams.count();
            for (int d = 0; d < disks; d++) {
                int a = d / width;
                double life = sampler.timeToFailureUnless(lifetime, lotMultiplier(a), 0, lifeStreams.at(d), limit);
                failureHandle[d] = scheduleIn(life, failureEvent, d);
                if (latentErrors && awake[a]) {
                    beginLatentErrors(d, now);
                }
            }
        }
        latentOrigin = sim.now();
        for (ShockProcess shock : shocks) {
            shock.scheduleNext();
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
        fail(diskAt(group, array, disk), Origin.SCRIPTED);
    }

    /** Takes a disk offline now for {@code hours}; it comes back with its data unless its array is lost meanwhile. */
    public void takeOffline(int group, int array, int disk, double hours) {
        takeOffline(diskAt(group, array, disk), hours);
    }

    /** Replaces a lost array by new, empty disks now; it becomes available again. */
    public void replaceLostArray(int group, int array) {
        int a = arrayAt(group, array);
        if (!lost[a]) {
            throw new IllegalStateException("array " + array + " of group " + group + " is not lost");
        }
        replace(a);
    }

    public boolean isLost(int group, int array) {
        return lost[arrayAt(group, array)];
    }

    public boolean isAvailable(int group, int array) {
        return !unavailable[arrayAt(group, array)];
    }

    public boolean isGroupAvailable(int group) {
        return unavailableArraysInGroup[group] == 0;
    }

    public int failedDisks(int group, int array) {
        return Long.bitCount(failedMask[arrayAt(group, array)]);
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
        for (int a = 0; a < arrayCount; a++) {
            n += pendingCauses[a] != 0 ? 1 : 0;
        }
        return n;
    }

    /** Bytes in the loss events so far, counting those still held open in a degraded window. */
    public double bytesLost() {
        double bytes = bytesLost;
        for (int a = 0; a < arrayCount; a++) {
            bytes += pendingBytes[a];
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
        for (int a = 0; a < arrayCount; a++) {
            events[pendingCauses[a]]++;
        }
        events[0] = 0;
        return events;
    }

    /** Time of the first data loss, NaN if none yet. */
    public double firstLossHours() {
        return firstLossHours;
    }

    /**
     * Draws every latent error and scrub of every disk, for {@link #latentErrorDiskHours}; call before
     * {@link #start}, after each {@link #reset}. Without it a sleeping disk's history may be skipped (the same
     * distribution of what matters, the errors a rebuild or scrub finds, with fewer draws).
     */
    public void keepLatentErrorHistory() {
        if (started) {
            throw new IllegalStateException("keepLatentErrorHistory must be called before start");
        }
        keepLatentHistory = true;
    }

    /**
     * Disk-hours spent holding at least one undetected latent error, up to {@code untilHours} (normally the end of
     * the run): divided by disk-hours it is the fraction of time a disk holds an undetected error. Needs
     * {@link #keepLatentErrorHistory} (the history it sums is otherwise not all drawn).
     */
    public double latentErrorDiskHours(double untilHours) {
        if (!keepLatentHistory && scrubWithin < Double.POSITIVE_INFINITY) {
            throw new IllegalStateException("latentErrorDiskHours needs keepLatentErrorHistory() before start");
        }
        if (sleepingLatentErrors) {
            double now = sim.now();
            for (int d = 0; d < undetectedErrors.length; d++) {
                if (!awake[d / width]) {
                    catchUp(d, now);
                }
            }
        }
        double total = latentErrorDiskHours;
        for (int d = 0; d < undetectedErrors.length; d++) {
            if (undetectedErrors[d] > 0) {
                total += untilHours - undetectedSince[d];
            }
        }
        return total;
    }

    /**
     * Adds this replication's storage metrics and losses by cause to {@code result}: loss events per severity class
     * (an event with a whole-array cause is an array loss), the arrays that lost data, and the raw bytes lost (a
     * lost array counts its data capacity; a layer that knows what the array held, and what was recovered, sets
     * the byte metrics itself). Sector losses still held open in a degraded window count, as in bytesLost().
     */
    public void recordInto(ReplicationResult.Builder result) {
        double lost = bytesLost();
        result.add(Metric.DISK_FAILURES, diskFailures);
        result.add(Metric.BYTES_LOST, lost);
        double open = 0;
        long openArrays = 0;
        boolean anyOpen = false;
        for (int a = 0; a < pendingCauses.length; a++) {
            open += pendingBytes[a];
            openArrays += pendingCauses[a] != 0 && !lostDataOnce[a] ? 1 : 0;
            anyOpen |= pendingCauses[a] != 0;
        }
        result.add(Metric.RAW_BYTES_LOST, lost);
        result.add(Metric.SECTOR_LOSS_RAW_BYTES, sectorBytesLost + open);
        result.add(Metric.ARRAY_LOSS_RAW_BYTES, arrayBytesLost);
        result.add(Metric.ARRAYS_WITH_LOSS, arraysWithLoss + openArrays);
        if (lossEvents == 0 && !anyOpen) {
            return; // most replications: no loss event to list
        }
        long[] events = eventsByCauses();
        for (int causes = 1; causes < events.length; causes++) {
            if (events[causes] == 0) {
                continue;
            }
            result.add(LossCause.wholeArray(causes) ? Metric.ARRAY_LOSS_EVENTS : Metric.SECTOR_LOSS_EVENTS,
                    events[causes]);
            for (long i = 0; i < events[causes]; i++) {
                result.lossEvent(LossCause.key(causes));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Internals: indices and scheduling.

    private int arrayAt(int group, int array) {
        if (group < 0 || group >= spec.groups() || array < 0 || array >= arraysPerGroup) {
            throw new IllegalArgumentException("no array " + array + " in group " + group);
        }
        return group * arraysPerGroup + array;
    }

    private int diskAt(int group, int array, int disk) {
        int a = arrayAt(group, array);
        if (disk < 0 || disk >= width) {
            throw new IllegalArgumentException("no disk " + disk + " in an array of " + width);
        }
        return a * width + disk;
    }

    private long bit(int d) {
        return 1L << (d % width);
    }

    /** Hazard multiplier of the disks array {@code a} was built with. */
    private double lotMultiplier(int a) {
        return lot == null || lot[a] == null ? 1 : lot[a].hazardMultiplier();
    }

    /** Hazard multiplier of a replacement disk: its lot's with the lot's replacement fraction, else nominal. */
    private double replacementMultiplier(int a, int d) {
        LotSpec l = lot == null ? null : lot[a];
        if (l == null || l.replacementFraction() == 0) {
            return 1;
        }
        if (l.replacementFraction() == 1) {
            return l.hazardMultiplier();
        }
        return lifeStreams.nextDouble(d) < l.replacementFraction() ? l.hazardMultiplier() : 1;
    }

    private boolean degraded(int a) {
        return (failedMask[a] | offlineMask[a]) != 0;
    }

    private int failedCount(int a) {
        return Long.bitCount(failedMask[a]);
    }

    /** Schedules after {@code delay} hours, or returns -1 (a handle that is never scheduled) past the end. */
    private long scheduleIn(double delay, IndexedEvent event, int index) {
        return scheduleAt(sim.now() + delay, event, index);
    }

    private long scheduleAt(double time, IndexedEvent event, int index) {
        return time > end ? -1 : sim.scheduleAt(time, event, index);
    }

    private long cancel(long handle) {
        if (handle >= 0) {
            sim.cancel(handle);
        }
        return -1;
    }

    private void apply(ScriptedFault fault) {
        int first = arrayAt(fault.group(), fault.array()) * width;
        for (int i = 0; i < (fault.disks().isEmpty() ? width : fault.disks().size()); i++) {
            int d = first + (fault.disks().isEmpty() ? i : fault.disks().get(i));
            if (fault.action() == ScriptedFault.Action.FAIL) {
                fail(d, Origin.SCRIPTED);
            } else {
                takeOffline(d, fault.offlineHours());
            }
        }
    }

    /**
     * Sectors of array {@code a} found unreadable with no redundancy left. They join the loss event of its
     * degraded window, declared when the window closes ({@link #declarePendingLoss}): one event per rebuild however
     * many UREs, latent errors and scrub findings it holds.
     */
    private void partialLoss(int a, LossCause cause, double bytes) {
        if (Double.isNaN(firstLossHours)) {
            firstLossHours = sim.now();
        }
        pendingCauses[a] |= 1 << cause.ordinal();
        pendingBytes[a] += bytes;
    }

    /** Declares the partial-loss event held open on array {@code a}, if any: its sectors summed, its causes listed. */
    private void declarePendingLoss(int a) {
        if (pendingCauses[a] != 0) {
            int causes = pendingCauses[a];
            double bytes = pendingBytes[a];
            pendingCauses[a] = 0;
            pendingBytes[a] = 0;
            recordLoss(a, causes, bytes);
        }
    }

    /** One loss event; listeners hear its leading cause (a whole-array cause if any, else in declaration order). */
    private void recordLoss(int a, int causes, double bytes) {
        lossEvents++;
        eventsByCauses[causes]++;
        bytesLost += bytes;
        if (LossCause.wholeArray(causes)) {
            arrayBytesLost += bytes;
        } else {
            sectorBytesLost += bytes;
        }
        if (!lostDataOnce[a]) {
            lostDataOnce[a] = true;
            arraysWithLoss++;
        }
        if (Double.isNaN(firstLossHours)) {
            firstLossHours = sim.now();
        }
        LossCause lead = LossCause.values()[Integer.numberOfTrailingZeros(causes)];
        for (int i = 0; i < listenerCount; i++) {
            listeners[i].dataLost(sim.now(), a / arraysPerGroup, a % arraysPerGroup, lead, bytes);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Disks. A disk slot keeps its random streams when its disk is replaced.

    /**
     * A replacement disk in slot {@code d}: fresh lifetime, no latent errors; the caller has cleared its failed
     * bit. It is nominal unless its array's lot also supplied the spares (the disks the array was built with are
     * installed by {@link #start(double)}, with the lot's hazard).
     */
    private void install(int d) {
        stage[d] = NONE;
        clearLatentErrors(d);
        if (!spec.randomFailures()) {
            return;
        }
        int a = d / width;
        double multiplier = replacementMultiplier(a, d);
        double life = sampler.timeToFailure(diskSpec.lifetime(), multiplier, failedCount(a), lifeStreams.at(d));
        failureHandle[d] = scheduleIn(life, failureEvent, d);
        if (latentErrors) {
            scheduleLatentError(d);
        }
    }

    /**
     * Starts the latent-error process of an original disk at {@code t}: seeds its stream, draws its scrub phase
     * (periodic scrubs) and its first error, in the order the disk would always draw them.
     */
    private void beginLatentErrors(int d, double t) {
        seedLatentErrors(d);
        drawNextLatentError(d, t);
    }

    private void seedLatentErrors(int d) {
        lseStreams.seed(d, streams, DISK_LSE_KEY ^ (d * GOLDEN));
        if (scrub != null && scrub.periodic()) {
            scrubPhase[d] = lseStreams.nextDouble(d) * scrub.interval().mean();
        }
    }

    private void scheduleLatentError(int d) {
        drawNextLatentError(d, sim.now());
    }

    /** Draws the disk's next latent error after {@code t}; it is an event if the array is awake. */
    private void drawNextLatentError(int d, double t) {
        int a = d / width;
        double next = t + sampler.timeToArrival(diskSpec.latentErrors().ratePerHour(), failedCount(a), lseStreams.at(d));
        nextLatentError[d] = next;
        latentDueBy(a, next);
    }

    private void latentErrorAt(int d, double t) {
        addLatentError(d, t);
        drawNextLatentError(d, t);
    }

    private void addLatentError(int d, double t) {
        if (undetectedErrors[d] == 0) {
            undetectedSince[d] = t;
            scheduleScrub(d, t);
        }
        undetectedErrors[d]++;
        if (rebuilding[d / width] > 0 && behindRebuild(d / width, d)) {
            errorsBehindRebuild[d]++;
        }
    }

    /** Schedules the scrub that will find the error that arrived at {@code t} (the disk's first undetected one). */
    private void scheduleScrub(int d, double t) {
        if (scrub == null) {
            return;
        }
        int a = d / width;
        double when;
        if (scrub.periodic()) {
            double period = scrub.interval().mean();
            double k = Math.floor((t - scrubPhase[d]) / period) + 1;
            double next = scrubPhase[d] + k * period;
            when = next > t ? next : next + period;
        } else {
            when = t + sampler.repairTime(scrub.interval(), failedCount(a), lseStreams.at(d));
        }
        scrubAt[d] = when;
        latentDueBy(a, when);
    }

    private void scrubbed(int d) {
        scrubAt[d] = Double.POSITIVE_INFINITY;
        int a = d / width;
        if ((offlineMask[a] & bit(d)) != 0) {
            scheduleScrub(d, sim.now()); // an offline disk cannot be read; the next scrub will try again
            return;
        }
        if (noRedundancyFor(a, d)) {
            int sectors = undetectedErrors[d] * diskSpec.latentErrors().burstSectors();
            clearLatentErrors(d);
            partialLoss(a, LossCause.LATENT_ERROR, (double) sectors * diskSpec.sectorBytes());
            if (!degraded(a)) {
                declarePendingLoss(a); // a level without redundancy: no window to wait for
            }
        } else {
            clearLatentErrors(d);
        }
    }

    private void clearLatentErrors(int d) {
        clearLatentErrors(d, sim.now());
    }

    private void clearLatentErrors(int d, double t) {
        if (!latentErrors) {
            return;
        }
        errorsBehindRebuild[d] = 0;
        if (undetectedErrors[d] > 0) {
            latentErrorDiskHours += t - undetectedSince[d];
            undetectedErrors[d] = 0;
        }
        scrubAt[d] = Double.POSITIVE_INFINITY; // the array's event may now come early: latentDue finds nothing due
    }

    /**
     * Brings the sleeping latent-error process of disk {@code d} (of a quiet array) up to {@code t}: draw for draw,
     * its errors and scrubs in time order as their events would have drawn them (in a quiet array a scrub only
     * clears), or, over a stretch long enough to pay, by {@link #skipTo skipping} the history in between.
     */
    private void catchUp(int d, double t) {
        boolean begun = !Double.isNaN(nextLatentError[d]);
        double known = begun ? latentKnownUntil[d] : latentOrigin;
        if (!begun) {
            seedLatentErrors(d);
        }
        latentKnownUntil[d] = t;
        // Whether to skip depends only on the two times, never on a draw: that keeps skipping unbiased.
        if (!keepLatentHistory && t - known >= skipAfter && t <= end) {
            skipTo(d, known, t);
            return;
        }
        if (!begun) {
            drawNextLatentError(d, known);
        }
        while (true) {
            double scrubTime = scrubAt[d];
            double errorTime = nextLatentError[d];
            if (scrubTime <= errorTime) {
                if (scrubTime > t) {
                    return;
                }
                clearLatentErrors(d, scrubTime);
            } else {
                if (errorTime > t || errorTime > end) {
                    return;
                }
                latentErrorAt(d, errorTime);
            }
        }
    }

    /**
     * Brings sleeping disk {@code d}'s latent-error state from {@code known} (where it stands) to {@code t} without
     * drawing the history in between. Its errors arrive as a Poisson process, and a scrub finds a disk's errors
     * within w = {@link #scrubWithin} hours of the first: so a disk that gathered no error in (u - w, u] is clean
     * at u whatever came before, and its state at t depends only on the errors after the last such u. The
     * arrivals are drawn backwards from t, a window of w at a time (a Poisson count, uniform positions), until a
     * window is empty with the state known at {@code known} scrubbed by its end, or the windows reach back to
     * {@code known}; then the state runs forward through those arrivals from the clean u (or from the known state),
     * drawing each episode's scrub as its event would. The next error after t is drawn afresh (memoryless); the
     * one drawn before is dropped unused, which biases nothing because the choice to skip looked at no draw.
     *
     * <p>The state at t has the distribution the draw-for-draw catch-up gives it, except after an episode whose
     * scrub came later than w (chance {@value #SCRUB_TAIL} an episode; none with periodic scrubs). Checked against
     * the closed forms and the draw-for-draw catch-up in StorageLatentSkipTest.
     */
    private void skipTo(int d, double known, double t) {
        UniformRandomProvider rng = lseStreams.at(d);
        double rate = diskSpec.latentErrors().ratePerHour();
        int n = 0;
        double hi = t;
        while (true) {
            double lo = hi - scrubWithin;
            if (lo <= known) {
                n = drawArrivals(rng, rate, known, hi, n);
                break;
            }
            int before = n;
            n = drawArrivals(rng, rate, lo, hi, n);
            // The known state's scrub comes within w of it, so long before hi (skipAfter >= 4w); checked all the same.
            if (n == before && (undetectedErrors[d] == 0 || scrubAt[d] <= hi)) {
                clearLatentErrors(d, Math.min(scrubAt[d], hi)); // clean at hi, whatever came before
                break;
            }
            hi = lo;
        }
        sortArrivals(n);
        for (int i = 0; i < n; i++) {
            if (scrubAt[d] <= arrivals[i]) {
                clearLatentErrors(d, scrubAt[d]);
            }
            addLatentError(d, arrivals[i]);
        }
        if (scrubAt[d] <= t) {
            clearLatentErrors(d, scrubAt[d]);
        }
        drawNextLatentError(d, t);
    }

    /** Sorts the first n {@link #arrivals}: by insertion, as there are rarely more than one or two. */
    private void sortArrivals(int n) {
        if (n > 32) {
            Arrays.sort(arrivals, 0, n);
            return;
        }
        for (int i = 1; i < n; i++) {
            double x = arrivals[i];
            int j = i - 1;
            while (j >= 0 && arrivals[j] > x) {
                arrivals[j + 1] = arrivals[j];
                j--;
            }
            arrivals[j + 1] = x;
        }
    }

    /** Appends to {@link #arrivals} those of a Poisson process of {@code rate} in (lo, hi]; returns the new size. */
    private int drawArrivals(UniformRandomProvider rng, double rate, double lo, double hi, int n) {
        int k = Distributions.poissonCount(rate * (hi - lo), rng.nextDouble());
        if (n + k > arrivals.length) {
            arrivals = Arrays.copyOf(arrivals, Math.max(2 * arrivals.length, n + k));
        }
        for (int i = 0; i < k; i++) {
            arrivals[n++] = hi - (hi - lo) * rng.nextDouble();
        }
        return n;
    }

    /**
     * Hours within which a scrub surely finds a disk's first undetected error: the period of periodic scrubs, else
     * the scrub delay's 1 - {@value #SCRUB_TAIL} quantile; +infinity (never skip) without scrubs, or when an error
     * usually arrives within that time anyway (skipping would then rarely find an empty window).
     */
    private static double scrubWithinHours(ScrubSpec scrub, double rate) {
        if (scrub == null) {
            return Double.POSITIVE_INFINITY;
        }
        double w = scrub.periodic() ? scrub.interval().mean() : scrub.interval().inverseCdf(1 - SCRUB_TAIL);
        return w > 0 && rate * w <= 1 ? w : Double.POSITIVE_INFINITY;
    }

    /** Something is about to happen to array {@code a}: its latent-error processes catch up and run as events. */
    private void wake(int a) {
        if (awake[a]) {
            return;
        }
        double now = sim.now();
        for (int d = a * width; d < (a + 1) * width; d++) {
            catchUp(d, now); // asleep still: nothing it draws goes into the event list
        }
        awake[a] = true;
        latentDueBy(a, nextLatentTime(a));
    }

    /**
     * Something of array {@code a}'s latent errors is due at {@code t}: its event is brought forward if it would
     * come later. An awake array's disks share one event, at or before the earliest of their next errors and
     * scrubs: a failure wakes its array at the cost of one event, not two a disk. Taking something away (a scrub
     * done, a disk failed) leaves the event where it is; firing early, it finds nothing due and moves on.
     */
    private void latentDueBy(int a, double t) {
        if (!awake[a] || !(t < latentAt[a]) || t > end) {
            return;
        }
        latentAt[a] = t;
        long moved = latentHandle[a] >= 0 ? sim.reschedule(latentHandle[a], t) : -1;
        latentHandle[a] = moved >= 0 ? moved : sim.scheduleAt(t, latentEvent, a);
    }

    /** The earliest next error or scrub of array {@code a}'s disks (+infinity: none). */
    private double nextLatentTime(int a) {
        double t = Double.POSITIVE_INFINITY;
        for (int d = a * width; d < (a + 1) * width; d++) {
            t = Math.min(t, Math.min(nextLatentError[d], scrubAt[d]));
        }
        return t;
    }

    /**
     * The event of awake array {@code a}'s latent errors: what is due now happens, disk by disk in index order,
     * a scrub before an error arriving at the same time; then the event moves to the next thing due.
     */
    private void latentDue(int a) {
        latentHandle[a] = -1;
        double now = sim.now();
        latentAt[a] = now; // what the handlers make due from now on is run by this loop, not scheduled
        while (awake[a]) {
            int due = -1;
            boolean scrubFirst = false;
            for (int d = a * width; d < (a + 1) * width; d++) {
                if (scrubAt[d] <= now) {
                    due = d;
                    scrubFirst = true;
                    break;
                }
                if (nextLatentError[d] <= now) {
                    due = d;
                    break;
                }
            }
            if (due < 0) {
                break;
            }
            if (scrubFirst) {
                scrubbed(due);
            } else {
                latentErrorAt(due, now);
            }
        }
        latentAt[a] = Double.POSITIVE_INFINITY;
        latentDueBy(a, nextLatentTime(a));
    }

    /** Array {@code a} may be quiet again: if so its latent-error processes leave the event list until it is not. */
    private void sleepIfQuiet(int a) {
        if (!sleepingLatentErrors || !awake[a] || lost[a] || failedMask[a] != 0 || offlineMask[a] != 0
                || rebuilding[a] != 0 || deferred[a] != 0 || pendingCauses[a] != 0) {
            return;
        }
        awake[a] = false;
        latentHandle[a] = cancel(latentHandle[a]); // the times stay in nextLatentError and scrubAt
        latentAt[a] = Double.POSITIVE_INFINITY;
        for (int d = a * width; d < (a + 1) * width; d++) {
            latentKnownUntil[d] = sim.now();
        }
    }

    private void cancelAll(int d) {
        failureHandle[d] = cancel(failureHandle[d]);
        repairHandle[d] = cancel(repairHandle[d]);
        if (latentErrors) {
            nextLatentError[d] = Double.POSITIVE_INFINITY; // a failed disk gathers no more errors
        }
        if (offlineHandle != null) {
            offlineHandle[d] = cancel(offlineHandle[d]);
        }
        if (aftershock != null) {
            aftershockHandle[d] = cancel(aftershockHandle[d]);
        }
        clearLatentErrors(d);
    }

    private void fail(int d, Origin origin) {
        int a = d / width;
        long bit = bit(d);
        if ((failedMask[a] & bit) != 0 || lost[a]) {
            return;
        }
        if (!awake[a]) {
            wake(a);
        }
        cancelAll(d); // handles of events that already fired are stale, and cancelling them is harmless
        offlineMask[a] &= ~bit;
        failedMask[a] |= bit;
        diskFailures++;
        double now = sim.now();
        for (int i = 0; i < listenerCount; i++) {
            listeners[i].diskFailed(now, a / arraysPerGroup, a % arraysPerGroup, d - a * width);
        }
        if (arraySpec.losesData(failedMask[a])) {
            lose(a, origin == Origin.RANDOM ? LossCause.CONCURRENT_FAILURES
                    : origin == Origin.CORRELATED ? LossCause.CORRELATED_FAILURE : LossCause.SCRIPTED_FAULT);
            return;
        }
        refreshAvailability(a);
        if (aftershock != null) {
            raiseSurvivorsHazard(a);
        }
        requestSpare(d);
    }

    private void requestSpare(int d) {
        SparePool pool = poolOfArray == null ? null : poolOfArray[d / width];
        if (pool == null) {
            enqueueRebuild(d);
        } else if (pool.available > 0) {
            pool.take();
            startHandling(d);
        } else {
            stage[d] = WAIT_SPARE;
            pool.waiting.addLast(d);
        }
    }

    private void startHandling(int d) {
        Distribution handling = repairSpec.spares().handlingTime();
        int a = d / width;
        double delay = handling.mean() == 0 ? 0
                : sampler.repairTime(handling, failedCount(a), repairStreams.at(a));
        if (delay > 0) {
            stage[d] = HANDLING;
            repairHandle[d] = scheduleIn(delay, handlingDone, d);
        } else {
            enqueueRebuild(d);
        }
    }

    private void spareInserted(int d) {
        repairHandle[d] = -1;
        enqueueRebuild(d);
    }

    private void startRebuild(int d) {
        stage[d] = REBUILDING;
        int a = d / width;
        double hours = repairSpec.rebuild().time() != null
                ? sampler.repairTime(repairSpec.rebuild().time(), failedCount(a), repairStreams.at(a))
                : repairSpec.rebuild().hoursAtRate(diskSpec.capacityBytes());
        if (latentErrors) {
            rebuildStart[d] = sim.now();
            rebuildEnd[d] = rebuildStart[d] + hours;
        }
        repairHandle[d] = scheduleIn(hours, rebuildDone, d);
    }

    private void rebuilt(int d) {
        repairHandle[d] = -1;
        int a = d / width;
        if (unavailable[a]) {
            stage[d] = DEFERRED;
            deferred[a]++;
            return;
        }
        completeRebuild(d);
    }

    private void completeRebuild(int d) {
        // The rebuild read every survivor. Survivors without redundancy left lose the sectors it could not
        // read (UREs and the latent errors it met); the others have those latent errors rewritten from
        // redundancy. Errors that landed behind the rebuild's read position stay latent.
        int a = d / width;
        long missing = failedMask[a] | offlineMask[a];
        int ureSectors = 0;
        int latentSectors = 0;
        double bitsRead = diskSpec.capacityBits() * repairSpec.rebuild().dataFraction();
        int first = a * width;
        for (int p = 0; p < width; p++) {
            long sBit = 1L << p;
            if ((missing & sBit) != 0) {
                continue;
            }
            if (arraySpec.losesData(missing | sBit)) {
                if (diskSpec.urePerBit() > 0) {
                    ureSectors += sampler.readErrors(diskSpec.urePerBit() * bitsRead, repairStreams.at(a));
                }
                if (latentErrors) {
                    latentSectors += (undetectedErrors[first + p] - errorsBehindRebuild[first + p])
                            * diskSpec.latentErrors().burstSectors();
                }
            }
            readByRebuild(first + p);
        }
        if (latentErrors) {
            // Counted against this rebuild only (offline disks were not read).
            Arrays.fill(errorsBehindRebuild, first, first + width, 0);
        }
        failedMask[a] &= ~bit(d);
        rebuilding[a]--;
        install(d);
        rebuildNext(a);
        refreshAvailability(a);
        if (ureSectors > 0) {
            partialLoss(a, LossCause.URE_DURING_REBUILD, (double) ureSectors * diskSpec.sectorBytes());
        }
        if (latentSectors > 0) {
            partialLoss(a, LossCause.LATENT_ERROR, (double) latentSectors * diskSpec.sectorBytes());
        }
        declarePendingLoss(a); // the rebuild closes its degraded window's event
        sleepIfQuiet(a);
    }

    /** A rebuild read disk {@code d}: the errors it met are gone (lost or rewritten); those behind it stay. */
    private void readByRebuild(int d) {
        int behind = latentErrors ? errorsBehindRebuild[d] : 0;
        if (behind == 0) {
            clearLatentErrors(d);
        } else {
            undetectedErrors[d] = behind; // still undetected since the same time, its scrub still scheduled
            errorsBehindRebuild[d] = 0;
        }
    }

    private void takeOffline(int d, double hours) {
        int a = d / width;
        long bit = bit(d);
        if ((failedMask[a] & bit) != 0 || lost[a]) {
            return;
        }
        if (!awake[a]) {
            wake(a);
        }
        if (offlineHandle == null) {
            offlineHandle = new long[stage.length];
            Arrays.fill(offlineHandle, -1);
            offlineUntil = new double[stage.length];
        }
        double until = sim.now() + hours;
        if ((offlineMask[a] & bit) != 0) {
            if (until > offlineUntil[d]) {
                offlineUntil[d] = until;
                // A new handle: keep it. Past the end, the return to service is not scheduled at all.
                offlineHandle[d] = offlineHandle[d] >= 0 ? (until > end ? cancel(offlineHandle[d])
                        : sim.reschedule(offlineHandle[d], until)) : -1;
            }
            return;
        }
        offlineMask[a] |= bit;
        offlineUntil[d] = until;
        offlineHandle[d] = scheduleAt(until, backOnline, d);
        refreshAvailability(a);
    }

    private void comesBackOnline(int d) {
        offlineHandle[d] = -1;
        int a = d / width;
        offlineMask[a] &= ~bit(d);
        refreshAvailability(a);
        if (!degraded(a)) {
            declarePendingLoss(a); // a window of offline disks closes without a rebuild
        }
        sleepIfQuiet(a);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Arrays.

    /** True when losing disk {@code d} as well would lose data: the rebuild or scrub has nothing to repair it from. */
    private boolean noRedundancyFor(int a, int d) {
        return arraySpec.losesData(failedMask[a] | offlineMask[a] | bit(d));
    }

    /**
     * Whether a latent error arriving now on disk {@code d} of array {@code a} lands on a sector the rebuild has
     * already read: rebuilds progress uniformly, so with probability (now - start) / (end - start). With several
     * rebuilds at once it is placed against the one that ends first (a deferred one has read everything).
     */
    private boolean behindRebuild(int a, int d) {
        int first = -1;
        for (int r = a * width; r < (a + 1) * width; r++) {
            if ((stage[r] == REBUILDING || stage[r] == DEFERRED) && (first < 0 || rebuildEnd[r] < rebuildEnd[first])) {
                first = r;
            }
        }
        if (first < 0) {
            return false;
        }
        double length = rebuildEnd[first] - rebuildStart[first];
        double read = length > 0 ? (sim.now() - rebuildStart[first]) / length : 1;
        return read >= 1 || lseStreams.nextDouble(d) < read;
    }

    private void enqueueRebuild(int d) {
        int a = d / width;
        if (!oneCrew || rebuilding[a] == 0) {
            rebuilding[a]++;
            startRebuild(d);
        } else {
            stage[d] = WAIT_CREW;
            crewTicket[d] = nextCrewTicket++;
        }
    }

    /** With one crew: the disk that has waited longest for it (first come, first served). */
    private void rebuildNext(int a) {
        if (!oneCrew || rebuilding[a] != 0) {
            return;
        }
        int next = -1;
        for (int d = a * width; d < (a + 1) * width; d++) {
            if (stage[d] == WAIT_CREW && (next < 0 || crewTicket[d] < crewTicket[next])) {
                next = d;
            }
        }
        if (next >= 0) {
            rebuilding[a]++;
            startRebuild(next);
        }
    }

    private void raiseSurvivorsHazard(int a) {
        if (!aftershockSeeded[a]) {
            aftershockStreams.seed(a, streams, ARRAY_AFTERSHOCK_KEY ^ (a * GOLDEN));
            aftershockSeeded[a] = true;
        }
        double now = sim.now();
        for (int d = a * width; d < (a + 1) * width; d++) {
            if ((failedMask[a] & bit(d)) != 0) {
                continue;
            }
            double t = sampler.timeToArrival(aftershock.extraHazardPerHour(), failedCount(a), aftershockStreams.at(a));
            if (t < aftershock.windowHours()) {
                if (aftershockHandle[d] >= 0 && sim.isScheduled(aftershockHandle[d])) {
                    if (aftershockAt[d] <= now + t) {
                        continue; // keep the earlier of the two pending follow-on failures
                    }
                    sim.cancel(aftershockHandle[d]);
                }
                aftershockAt[d] = now + t;
                aftershockHandle[d] = scheduleAt(now + t, aftershockEvent, d);
            }
        }
    }

    private void lose(int a, LossCause cause) {
        lost[a] = true;
        for (int d = a * width; d < (a + 1) * width; d++) {
            cancelAll(d);
            stage[d] = NONE;
        }
        offlineMask[a] = 0;
        rebuilding[a] = 0;
        deferred[a] = 0;
        if (poolOfArray != null) {
            poolOfArray[a].waiting.removeArray(a);
        }
        // Sectors found unreadable earlier in this degraded window are part of the array now lost: one event.
        int causes = (1 << cause.ordinal()) | pendingCauses[a];
        pendingCauses[a] = 0;
        pendingBytes[a] = 0;
        recordLoss(a, causes, spec.arrayDataBytes());
        setUnavailable(a, true);
        Distribution replacement = repairSpec.lostArrayReplacement();
        if (replacement != null) {
            double delay = replacement.mean() == 0 ? 0
                    : sampler.repairTime(replacement, failedCount(a), repairStreams.at(a));
            scheduleIn(delay, replaceEvent, a);
        }
    }

    private void replace(int a) {
        if (!lost[a]) {
            return; // already replaced by the operations layer
        }
        lost[a] = false;
        failedMask[a] = 0;
        offlineMask[a] = 0;
        for (int d = a * width; d < (a + 1) * width; d++) {
            install(d);
        }
        refreshAvailability(a);
        sleepIfQuiet(a);
    }

    private void refreshAvailability(int a) {
        boolean now = lost[a] || arraySpec.losesData(failedMask[a] | offlineMask[a]);
        if (now != unavailable[a]) {
            setUnavailable(a, now);
        }
        if (!unavailable[a] && deferred[a] > 0) {
            deferred[a] = 0;
            for (int d = a * width; d < (a + 1) * width; d++) {
                if (stage[d] == DEFERRED) {
                    completeRebuild(d);
                }
            }
        }
    }

    private void setUnavailable(int a, boolean value) {
        double now = sim.now();
        boolean was = unavailable[a];
        unavailable[a] = value;
        int group = a / arraysPerGroup;
        int inGroup = a % arraysPerGroup;
        if (value) {
            for (int i = 0; i < listenerCount; i++) {
                listeners[i].arrayUnavailable(now, group, inGroup, lost[a]);
            }
            if (!was && unavailableArraysInGroup[group]++ == 0) {
                for (int i = 0; i < listenerCount; i++) {
                    listeners[i].groupUnavailable(now, group);
                }
            }
        } else if (was) {
            for (int i = 0; i < listenerCount; i++) {
                listeners[i].arrayAvailable(now, group, inGroup);
            }
            if (--unavailableArraysInGroup[group] == 0) {
                for (int i = 0; i < listenerCount; i++) {
                    listeners[i].groupAvailable(now, group);
                }
            }
        }
    }

    private void replenish(int pool) {
        pools[pool].replenish();
    }

    /** Spare disks shared by one array or one group. */
    private final class SparePool {
        final int index;
        int available;
        final DiskQueue waiting = new DiskQueue();

        SparePool(int index) {
            this.index = index;
        }

        void reset(int count) {
            available = count;
            waiting.clear();
        }

        void take() {
            available--;
            Distribution delay = repairSpec.spares().replenishTime();
            double t = delay.mean() == 0 ? 0 : sampler.repairTime(delay, 0, poolStreams.at(index));
            scheduleIn(t, replenished, index);
        }

        void replenish() {
            available++;
            int next = waiting.pollFirst();
            if (next >= 0) {
                take();
                startHandling(next);
            }
        }
    }

    /** Disks waiting for a spare, first come first served: a ring of disk indices. */
    private final class DiskQueue {
        private int[] ring = new int[4];
        private int head;
        private int size;

        void clear() {
            head = 0;
            size = 0;
        }

        void addLast(int d) {
            if (size == ring.length) {
                int[] grown = new int[2 * ring.length];
                for (int i = 0; i < size; i++) {
                    grown[i] = ring[(head + i) % ring.length];
                }
                ring = grown;
                head = 0;
            }
            ring[(head + size++) % ring.length] = d;
        }

        /** The disk that has waited longest, or -1. */
        int pollFirst() {
            if (size == 0) {
                return -1;
            }
            int d = ring[head];
            head = (head + 1) % ring.length;
            size--;
            return d;
        }

        /** Drops the disks of array {@code a}, keeping the others' order. */
        void removeArray(int a) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                int d = ring[(head + i) % ring.length];
                if (d / width != a) {
                    ring[(head + kept++) % ring.length] = d;
                }
            }
            size = kept;
        }
    }

    /** A Poisson stream of shocks over all arrays (or groups): one event object, rescheduled after each shock. */
    private final class ShockProcess {
        final ShockSpec shock;
        final long key;
        // A generator object (one per shock kind): its nextInt(n) splits each 64-bit output in two, which a
        // packed stream's view would not repeat.
        UniformRandomProvider rng;
        final double totalRate;
        final int[] scratch = new int[width];
        final org.mailsim.engine.Event arrives = this::hit;

        ShockProcess(ShockSpec shock, int ordinal) {
            this.shock = shock;
            this.key = RandomStreams.hash("storage/shock/" + ordinal + "/" + shock.name());
            int targets = shock.scope() == ShockSpec.Scope.ARRAY ? arrayCount : spec.groups();
            this.totalRate = shock.ratePerHour() * targets;
        }

        void reset() {
            rng = streams.stream(key);
        }

        void scheduleNext() {
            double t = sim.now() + sampler.timeToArrival(totalRate, 0, rng);
            if (t <= end) {
                sim.scheduleAt(t, arrives);
            }
        }

        void hit() {
            if (shock.scope() == ShockSpec.Scope.ARRAY) {
                strike(sampler.pick(arrayCount, rng));
            } else {
                int group = sampler.pick(spec.groups(), rng);
                for (int i = 0; i < arraysPerGroup; i++) {
                    strike(group * arraysPerGroup + i);
                }
            }
            scheduleNext();
        }

        void strike(int a) {
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
                    ? sampler.repairTime(shock.offlineTime(), failedCount(a), rng) : 0;
            for (int i = 0; i < k; i++) {
                int d = a * width + scratch[i];
                if (shock.effect() == ShockSpec.Effect.FAIL) {
                    fail(d, Origin.CORRELATED);
                } else {
                    takeOffline(d, offlineHours);
                }
            }
        }
    }
}
