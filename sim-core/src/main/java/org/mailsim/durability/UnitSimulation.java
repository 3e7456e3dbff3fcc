package org.mailsim.durability;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.array.ArraySpec;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.correlation.LotSpec;
import org.mailsim.model.storage.correlation.ShockSpec;
import org.mailsim.model.storage.disk.LatentErrorSpec;
import org.mailsim.model.storage.disk.ScrubSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distribution;

/**
 * One unit (an array, or a storage group whose arrays are coupled) simulated from new disks to the horizon or its
 * first whole-array loss, with every failure-type clock's hazard multiplied by a factor that depends on its array's
 * number of failed disks ({@link Biasing}), and the likelihood ratio of the path carried along.
 *
 * <p>Why this and not the event kernel with a {@link org.mailsim.model.storage.TransitionSampler}: the storage model
 * draws a disk's whole lifetime when the disk is installed, but a bias that depends on the array's state must
 * change a running clock whenever the state changes. Here each clock keeps an Exp(1) budget and the biased
 * cumulative hazard it has used; a state change settles every clock of the array (adding (theta - 1) x dH to the
 * log-likelihood ratio) and re-solves its firing time under the new factor; a clock that fires adds -ln(theta).
 * The state is a handful of primitive arrays per unit, so a replication costs a few microseconds.
 *
 * <p>The dynamics are those of {@link org.mailsim.model.storage.StorageModel}, rule for rule: a failure that makes
 * the level lose data is a whole-array loss; otherwise survivors get the aftershock hazard, the failed disk waits
 * for a spare (hot: at once when one is free; cold: after the handling time; each spare taken is restocked after
 * the restock delay), then for a crew (one at a time, or all in parallel), then rebuilds; when a rebuild ends, each
 * survivor that has no redundancy left yields a Poisson number of UREs and all its undetected latent errors (a
 * sector loss), every survivor's latent errors are rewritten, and a new disk starts its life; latent errors arrive
 * per disk and are found by scrubs (periodic with a per-slot phase, or a drawn detection time), which lose them
 * when the disk has no redundancy left; lots multiply an array's hazard; shocks fail random disks. Only the
 * probability law of failures is changed, never the repairs, so every distribution the model accepts for
 * rebuilds, handling, restocks and scrubs works unchanged.
 */
final class UnitSimulation {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final int NONE = 0;
    private static final int WAIT_SPARE = 1;
    private static final int HANDLING = 2;
    private static final int WAIT_CREW = 3;
    private static final int REBUILDING = 4;

    /** What one replication contributed: each likelihood ratio at the event's time, 0 when it did not happen. */
    static final class Outcome {
        double any;
        double whole;
        double sector;
        double events;
        double firstLossHours;

        void clear() {
            any = whole = sector = events = 0;
            firstLossHours = Double.NaN;
        }
    }

    // ---- configuration
    private final ArraySpec arraySpec;
    private final int arrays;
    private final int width;
    private final int disks;
    private final double horizon;
    private final CumulativeHazard life;
    private final boolean lifeBiasable;
    private final List<LotSpec> lots;
    private final Biasing[] biasByLot;
    private final double[] multiplierByLot;
    private final double latentRate;
    private final int burst;
    private final ScrubSpec scrub;
    private final double scrubPeriod;
    private final double ureMeanPerSurvivor;
    private final double sectorBytes;
    private final double arrayBytes;
    private final Distribution rebuildTime;
    private final double rebuildHours;
    private final boolean parallelCrews;
    private final SpareSpec spares;
    private final boolean groupPool;
    private final AftershockSpec aftershock;
    private final ShockSpec[] shocks;
    private final boolean biased;

    // ---- state: arrays
    private final long[] failedMask;
    private final boolean[] lost;
    private final int[] rebuilding;
    private final int[] lot;
    private final int[][] crewQueue;
    private final int[] crewHead;
    private final int[] crewSize;
    private final boolean[] pending;
    private double[][] windows;
    private int[] windowCount;

    // ---- state: disks
    private final boolean[] alive;
    private final double[] installed;
    private final int[] stage;
    private final double[] repairAt;
    private final double[] theta;
    private final double[] multiplier;
    private final double[] rebuildStart;
    private final double[] rebuildEnd;
    private final int[] behind;
    private final double[] lifeBudget;
    private final double[] lifeUsed;
    private final double[] lifeH;
    private final double[] lifeAt;
    private final double[] aftTheta;
    private final double[] aftBudget;
    private final double[] aftUsed;
    private final double[] aftLast;
    private final double[] aftAt;
    private final double[] latentTheta;
    private final double[] lseBudget;
    private final double[] lseUsed;
    private final double[] lseLast;
    private final double[] lseAt;
    private final int[] undetected;
    private final double[] scrubAt;
    private final double[] scrubPhase;
    private final double[] next;

    // ---- state: spare pools and shocks
    private final int pools;
    private final int[] available;
    private final double[][] restockAt;
    private final int[] restockCount;
    private final int[] waiting;
    private int waitHead;
    private int waitSize;
    private final int[] waitPool;
    private final double[] shockAt;
    private final int[] scratch;

    // ---- per replication
    private UniformRandomProvider rng;
    private double now;
    private double logLr;
    private boolean stopped;
    private Outcome out;

    UnitSimulation(StorageSpec spec, int arraysPerUnit, double horizonHours, boolean biased) {
        this.arraySpec = spec.array();
        this.arrays = arraysPerUnit;
        this.width = arraySpec.width();
        this.disks = arrays * width;
        this.horizon = horizonHours;
        this.life = new CumulativeHazard(spec.disk().lifetime());
        this.lifeBiasable = life.biasable();
        this.biased = biased;
        this.lots = spec.correlation().lots();
        this.multiplierByLot = new double[lots.size() + 1];
        this.biasByLot = new Biasing[lots.size() + 1];
        for (int i = 0; i <= lots.size(); i++) {
            multiplierByLot[i] = i < lots.size() ? lots.get(i).hazardMultiplier() : 1;
            biasByLot[i] = biased ? Biasing.balanced(spec, arraysPerUnit, horizonHours, multiplierByLot[i], life)
                    : Biasing.none(width);
        }
        LatentErrorSpec latent = spec.disk().latentErrors();
        this.latentRate = latent.enabled() ? latent.ratePerHour() : 0;
        this.burst = latent.burstSectors();
        this.scrub = latent.scrub();
        this.scrubPeriod = scrub != null && scrub.periodic() ? scrub.interval().mean() : Double.NaN;
        RepairSpec repair = spec.repair();
        this.ureMeanPerSurvivor = spec.disk().urePerBit() * spec.disk().capacityBits()
                * repair.rebuild().dataFraction();
        this.sectorBytes = spec.disk().sectorBytes();
        this.arrayBytes = spec.arrayDataBytes();
        this.rebuildTime = repair.rebuild().time();
        this.rebuildHours = rebuildTime == null ? repair.rebuild().hoursAtRate(spec.disk().capacityBytes()) : 0;
        this.parallelCrews = repair.crews() == RepairSpec.Crews.UNLIMITED;
        this.spares = repair.spares();
        this.groupPool = spares.scope() == SpareSpec.Scope.GROUP;
        this.aftershock = spec.correlation().aftershock();
        this.shocks = spec.correlation().shocks().toArray(new ShockSpec[0]);

        failedMask = new long[arrays];
        lost = new boolean[arrays];
        rebuilding = new int[arrays];
        lot = new int[arrays];
        crewQueue = new int[arrays][width];
        crewHead = new int[arrays];
        crewSize = new int[arrays];
        windows = new double[arrays][4];
        windowCount = new int[arrays];
        alive = new boolean[disks];
        installed = new double[disks];
        stage = new int[disks];
        repairAt = new double[disks];
        theta = new double[disks];
        multiplier = new double[disks];
        rebuildStart = new double[disks];
        rebuildEnd = new double[disks];
        behind = new int[disks];
        pending = new boolean[arrays];
        lifeBudget = new double[disks];
        lifeUsed = new double[disks];
        lifeH = new double[disks];
        lifeAt = new double[disks];
        aftTheta = new double[disks];
        aftBudget = new double[disks];
        aftUsed = new double[disks];
        aftLast = new double[disks];
        aftAt = new double[disks];
        latentTheta = new double[disks];
        lseBudget = new double[disks];
        lseUsed = new double[disks];
        lseLast = new double[disks];
        lseAt = new double[disks];
        undetected = new int[disks];
        scrubAt = new double[disks];
        scrubPhase = new double[disks];
        next = new double[disks];
        pools = spares.kind() == SpareSpec.Kind.NONE ? 0 : groupPool ? 1 : arrays;
        available = new int[pools];
        restockAt = new double[pools][spares.count() + 1];
        restockCount = new int[pools];
        waiting = new int[disks];
        waitPool = new int[disks];
        int targets = 0;
        for (ShockSpec s : shocks) {
            targets += s.scope() == ShockSpec.Scope.ARRAY ? arrays : 1;
        }
        shockAt = new double[targets];
        scratch = new int[width];
    }

    /** Runs one replication with {@code random}, writing what it contributed to {@code outcome}. */
    void run(UniformRandomProvider random, Outcome outcome) {
        this.rng = random;
        this.out = outcome;
        outcome.clear();
        now = 0;
        logLr = 0;
        stopped = false;
        reset();
        while (!stopped) {
            double t = INF;
            int kind = -1;
            int index = -1;
            for (int d = 0; d < disks; d++) {
                if (next[d] < t) {
                    t = next[d];
                    kind = 0;
                    index = d;
                }
            }
            for (int p = 0; p < pools; p++) {
                for (int j = 0; j < restockCount[p]; j++) {
                    if (restockAt[p][j] < t) {
                        t = restockAt[p][j];
                        kind = 1;
                        index = p * (spares.count() + 1) + j;
                    }
                }
            }
            for (int s = 0; s < shockAt.length; s++) {
                if (shockAt[s] < t) {
                    t = shockAt[s];
                    kind = 2;
                    index = s;
                }
            }
            if (!(t <= horizon)) {
                break;
            }
            now = t;
            switch (kind) {
                case 0 -> diskEvent(index);
                case 1 -> restocked(index / (spares.count() + 1), index % (spares.count() + 1));
                default -> shock(index);
            }
        }
    }

    private void reset() {
        for (int a = 0; a < arrays; a++) {
            failedMask[a] = 0;
            lost[a] = false;
            rebuilding[a] = 0;
            crewSize[a] = 0;
            crewHead[a] = 0;
            windowCount[a] = 0;
            pending[a] = false;
            lot[a] = drawLot();
        }
        for (int d = 0; d < disks; d++) {
            scrubPhase[d] = scrub != null && scrub.periodic() ? rng.nextDouble() * scrubPeriod : 0;
            install(d, true);
        }
        for (int a = 0; a < arrays; a++) {
            refresh(a);
        }
        for (int p = 0; p < pools; p++) {
            available[p] = spares.count();
            restockCount[p] = 0;
        }
        waitHead = 0;
        waitSize = 0;
        int s = 0;
        for (ShockSpec shock : shocks) {
            int n = shock.scope() == ShockSpec.Scope.ARRAY ? arrays : 1;
            for (int i = 0; i < n; i++) {
                shockAt[s++] = exp() / shock.ratePerHour();
            }
        }
    }

    private int drawLot() {
        if (lots.isEmpty()) {
            return 0;
        }
        double u = rng.nextDouble();
        for (int i = 0; i < lots.size(); i++) {
            if (u < lots.get(i).fraction()) {
                return i;
            }
            u -= lots.get(i).fraction();
        }
        return lots.size();
    }

    private double exp() {
        return -Math.log(1.0 - rng.nextDouble());
    }

    // ------------------------------------------------------------------------------------------------------
    // Clocks.

    /**
     * A new disk in slot d now: fresh lifetime budget, no latent errors. Fire times are set by refresh. The disks an
     * array was built with carry its lot's hazard multiplier; a replacement is nominal unless the lot also supplied
     * spares (a share {@code replacementFraction} of them).
     */
    private void install(int d, boolean original) {
        int a = d / width;
        LotSpec l = lot[a] < lots.size() ? lots.get(lot[a]) : null;
        if (l == null) {
            multiplier[d] = 1;
        } else if (original || l.replacementFraction() == 1) {
            multiplier[d] = l.hazardMultiplier();
        } else {
            multiplier[d] = l.replacementFraction() > 0 && rng.nextDouble() < l.replacementFraction()
                    ? l.hazardMultiplier() : 1;
        }
        behind[d] = 0;
        alive[d] = true;
        installed[d] = now;
        stage[d] = NONE;
        repairAt[d] = INF;
        lifeBudget[d] = exp();
        lifeUsed[d] = 0;
        lifeH[d] = 0;
        aftBudget[d] = exp();
        aftUsed[d] = 0;
        aftLast[d] = now;
        aftAt[d] = INF;
        undetected[d] = 0;
        scrubAt[d] = INF;
        if (latentRate > 0) {
            lseBudget[d] = exp();
            lseUsed[d] = 0;
            lseLast[d] = now;
        }
        lseAt[d] = INF;
        lifeAt[d] = INF;
        theta[d] = 1;
        aftTheta[d] = 1;
        latentTheta[d] = 1;
    }

    /** Brings every running clock of disk d to now under its current factor, adding to the likelihood ratio. */
    private void settle(int d) {
        if (!alive[d]) {
            return;
        }
        int a = d / width;
        double th = theta[d];
        if (lifeBiasable) {
            double h = multiplier[d] * life.at(now - installed[d]);
            double dh = h - lifeH[d];
            if (dh > 0) {
                lifeUsed[d] += th * dh;
                if (th != 1) {
                    logLr += (th - 1) * dh;
                }
            }
            lifeH[d] = h;
        }
        if (aftershock != null && windowCount[a] > 0) {
            double dh = aftershockHazard(d, aftLast[d], now);
            double at = aftTheta[d];
            aftUsed[d] += at * dh;
            if (at != 1) {
                logLr += (at - 1) * dh;
            }
        }
        aftLast[d] = now;
        if (latentRate > 0) {
            double dh = latentRate * (now - lseLast[d]);
            double lt = latentTheta[d];
            lseUsed[d] += lt * dh;
            if (lt != 1) {
                logLr += (lt - 1) * dh;
            }
            lseLast[d] = now;
        }
    }

    private void settleArray(int a) {
        for (int d = a * width; d < (a + 1) * width; d++) {
            settle(d);
        }
    }

    /** Sets the factors of array a's disks from its state and re-solves their clocks' firing times. */
    private void refresh(int a) {
        int f = Long.bitCount(failedMask[a]);
        Biasing bias = biasByLot[lot[a]];
        for (int d = a * width; d < (a + 1) * width; d++) {
            if (!alive[d]) {
                continue;
            }
            double m = multiplier[d];
            double th = bias.life[f];
            theta[d] = th;
            if (lifeBiasable) {
                double target = lifeH[d] + (lifeBudget[d] - lifeUsed[d]) / th;
                lifeAt[d] = installed[d] + life.inverse(target / m);
            } else if (lifeAt[d] == INF) {
                lifeAt[d] = installed[d] + life.inverse(lifeBudget[d] / m); // a law with an atom: never biased
            }
            aftTheta[d] = bias.aftershock[f];
            aftAt[d] = aftershock == null || windowCount[a] == 0 ? INF
                    : aftershockFires(d, (aftBudget[d] - aftUsed[d]) / aftTheta[d]);
            if (latentRate > 0) {
                double lt = bias.latent[f];
                latentTheta[d] = lt;
                lseAt[d] = lseLast[d] + (lseBudget[d] - lseUsed[d]) / (lt * latentRate);
            }
            updateNext(d);
        }
    }

    private void updateNext(int d) {
        next[d] = Math.min(Math.min(Math.min(lifeAt[d], aftAt[d]), Math.min(lseAt[d], scrubAt[d])), repairAt[d]);
    }

    /** Nominal aftershock hazard of disk d accumulated over [from, to]: x per open window it is eligible for. */
    private double aftershockHazard(int d, double from, double to) {
        int a = d / width;
        double sum = 0;
        for (int i = 0; i < windowCount[a]; i++) {
            double start = windows[a][i];
            if (installed[d] > start) {
                continue;
            }
            double lo = Math.max(from, start);
            double hi = Math.min(to, start + aftershock.windowHours());
            if (hi > lo) {
                sum += hi - lo;
            }
        }
        return sum * aftershock.extraHazardPerHour();
    }

    /** When disk d's aftershock clock reaches {@code remaining} more (nominal) hazard from aftLast; INF if never. */
    private double aftershockFires(int d, double remaining) {
        int a = d / width;
        double x = aftershock.extraHazardPerHour();
        double from = aftLast[d];
        double[] ends = new double[windowCount[a]];
        int k = 0;
        for (int i = 0; i < windowCount[a]; i++) {
            double start = windows[a][i];
            double end = start + aftershock.windowHours();
            if (installed[d] <= start && end > from) {
                ends[k++] = end;
            }
        }
        Arrays.sort(ends, 0, k);
        double t = from;
        int open = k;
        for (int i = 0; i < k && x > 0; i++) {
            double segment = x * open * (ends[i] - t);
            if (segment >= remaining) {
                return t + remaining / (x * open);
            }
            remaining -= segment;
            t = ends[i];
            open--;
        }
        return INF;
    }

    private void openWindow(int a) {
        int n = 0;
        for (int i = 0; i < windowCount[a]; i++) {
            if (windows[a][i] + aftershock.windowHours() > now) {
                windows[a][n++] = windows[a][i];
            }
        }
        if (n == windows[a].length) {
            windows[a] = Arrays.copyOf(windows[a], 2 * n);
        }
        windows[a][n++] = now;
        windowCount[a] = n;
    }

    // ------------------------------------------------------------------------------------------------------
    // Events.

    private void diskEvent(int d) {
        int a = d / width;
        if (now == repairAt[d]) {
            repairAt[d] = INF;
            if (stage[d] == HANDLING) {
                enqueueRebuild(d);
            } else {
                completeRebuild(d);
            }
        } else if (now == scrubAt[d]) {
            scrubbed(d);
        } else if (now == lseAt[d]) {
            settleArray(a);
            logLr -= Math.log(latentTheta[d]);
            if (undetected[d] == 0) {
                scheduleScrub(d);
            }
            undetected[d]++;
            if (rebuilding[a] > 0 && behindRebuild(a)) {
                behind[d]++;
            }
            lseBudget[d] = exp();
            lseUsed[d] = 0;
            lseAt[d] = lseLast[d] + lseBudget[d] / (latentTheta[d] * latentRate);
        } else {
            settleArray(a);
            boolean random = now == lifeAt[d];
            logLr -= Math.log(random ? theta[d] : aftTheta[d]);
            fail(d);
        }
        updateNext(d);
    }

    private void fail(int d) {
        int a = d / width;
        if (!alive[d] || lost[a]) {
            return;
        }
        settleArray(a);
        alive[d] = false;
        lifeAt[d] = aftAt[d] = lseAt[d] = scrubAt[d] = INF;
        undetected[d] = 0;
        behind[d] = 0;
        failedMask[a] |= 1L << (d - a * width);
        if (arraySpec.losesData(failedMask[a])) {
            lost[a] = true;
            recordLoss(a, true);
            return;
        }
        if (aftershock != null) {
            openWindow(a);
        }
        requestSpare(d);
        refresh(a);
        updateNext(d);
    }

    private void requestSpare(int d) {
        if (pools == 0) {
            enqueueRebuild(d);
            return;
        }
        int p = groupPool ? 0 : d / width;
        if (available[p] > 0) {
            take(p);
            startHandling(d);
        } else {
            stage[d] = WAIT_SPARE;
            int slot = (waitHead + waitSize++) % waiting.length;
            waiting[slot] = d;
            waitPool[slot] = p;
        }
    }

    private void take(int p) {
        available[p]--;
        Distribution delay = spares.replenishTime();
        double t = delay.mean() == 0 ? 0 : delay.inverseCdf(rng.nextDouble());
        restockAt[p][restockCount[p]++] = now + t;
    }

    private void restocked(int p, int j) {
        restockAt[p][j] = restockAt[p][--restockCount[p]];
        available[p]++;
        // The first waiting disk of this pool (a group pool serves its arrays' disks in failure order).
        for (int i = 0; i < waitSize; i++) {
            int slot = (waitHead + i) % waiting.length;
            if (waitPool[slot] == p) {
                int d = waiting[slot];
                for (int k = i; k > 0; k--) {
                    int to = (waitHead + k) % waiting.length;
                    int from = (waitHead + k - 1) % waiting.length;
                    waiting[to] = waiting[from];
                    waitPool[to] = waitPool[from];
                }
                waitHead = (waitHead + 1) % waiting.length;
                waitSize--;
                take(p);
                startHandling(d);
                updateNext(d);
                return;
            }
        }
    }

    private void startHandling(int d) {
        Distribution handling = spares.handlingTime();
        double delay = handling.mean() == 0 ? 0 : handling.inverseCdf(rng.nextDouble());
        if (delay > 0) {
            stage[d] = HANDLING;
            repairAt[d] = now + delay;
        } else {
            enqueueRebuild(d);
        }
    }

    private void enqueueRebuild(int d) {
        int a = d / width;
        if (parallelCrews || rebuilding[a] == 0) {
            rebuilding[a]++;
            startRebuild(d);
        } else {
            stage[d] = WAIT_CREW;
            crewQueue[a][(crewHead[a] + crewSize[a]++) % width] = d;
        }
    }

    private void startRebuild(int d) {
        stage[d] = REBUILDING;
        double hours = rebuildTime != null ? rebuildTime.inverseCdf(rng.nextDouble()) : rebuildHours;
        rebuildStart[d] = now;
        rebuildEnd[d] = now + hours;
        repairAt[d] = now + hours;
        updateNext(d);
    }

    private void completeRebuild(int d) {
        int a = d / width;
        settleArray(a);
        long missing = failedMask[a];
        int atRisk = 0;
        long latentSectors = 0;
        for (int s = a * width; s < (a + 1) * width; s++) {
            if (!alive[s]) {
                continue;
            }
            if (arraySpec.losesData(missing | (1L << (s - a * width)))) {
                atRisk++;
                latentSectors += (long) (undetected[s] - behind[s]) * burst;
            }
            // The errors the rebuild met are gone (lost or rewritten); those behind its read position stay latent.
            if (behind[s] == 0) {
                undetected[s] = 0;
                scrubAt[s] = INF;
            } else {
                undetected[s] = behind[s];
                behind[s] = 0;
            }
            updateNext(s);
        }
        boolean ureLoss = false;
        if (atRisk > 0 && ureMeanPerSurvivor > 0) {
            ureLoss = ureMet(ureMeanPerSurvivor * atRisk);
        }
        failedMask[a] &= ~(1L << (d - a * width));
        rebuilding[a]--;
        install(d, false);
        if (crewSize[a] > 0 && rebuilding[a] == 0) {
            int nextDisk = crewQueue[a][crewHead[a]];
            crewHead[a] = (crewHead[a] + 1) % width;
            crewSize[a]--;
            rebuilding[a]++;
            startRebuild(nextDisk);
        }
        refresh(a);
        if (ureLoss || latentSectors > 0) {
            recordLoss(a, false);
        }
        pending[a] = false; // the rebuild closes its degraded window's loss event
    }

    /**
     * Whether a latent error arriving now lands behind the read position of array a's rebuild that ends first
     * (rebuilds read at a uniform pace): with probability the share already read.
     */
    private boolean behindRebuild(int a) {
        int first = -1;
        for (int d = a * width; d < (a + 1) * width; d++) {
            if (stage[d] == REBUILDING && !alive[d] && (first < 0 || rebuildEnd[d] < rebuildEnd[first])) {
                first = d;
            }
        }
        if (first < 0) {
            return false;
        }
        double length = rebuildEnd[first] - rebuildStart[first];
        double read = length > 0 ? (now - rebuildStart[first]) / length : 1;
        return read >= 1 || rng.nextDouble() < read;
    }

    /**
     * Whether a rebuild reading {@code mean} expected UREs meets at least one: nominally 1 - e^-mean; drawn with at
     * least {@link Biasing#URE_LOSS} when biasing is on, the ratio of the two probabilities going into the
     * likelihood ratio. Only whether a URE happened matters for loss, so the count itself is not drawn.
     */
    private boolean ureMet(double mean) {
        double q = -Math.expm1(-mean);
        double p = biased ? Math.max(q, Biasing.URE_LOSS) : q;
        boolean met = rng.nextDouble() < p;
        if (p != q) {
            logLr += met ? Math.log(q / p) : Math.log1p(-q) - Math.log1p(-p);
        }
        return met;
    }

    private void scheduleScrub(int d) {
        if (scrub == null) {
            return;
        }
        if (scrub.periodic()) {
            double k = Math.floor((now - scrubPhase[d]) / scrubPeriod) + 1;
            double t = scrubPhase[d] + k * scrubPeriod;
            scrubAt[d] = t > now ? t : t + scrubPeriod;
        } else {
            scrubAt[d] = now + scrub.interval().inverseCdf(rng.nextDouble());
        }
    }

    private void scrubbed(int d) {
        int a = d / width;
        scrubAt[d] = INF;
        boolean exposed = arraySpec.losesData(failedMask[a] | (1L << (d - a * width)));
        undetected[d] = 0;
        behind[d] = 0;
        if (exposed) {
            settleArray(a);
            recordLoss(a, false);
            if (failedMask[a] == 0) {
                pending[a] = false; // a level without redundancy: no degraded window to wait for
            }
        }
    }

    private void shock(int s) {
        int target = s;
        ShockSpec shock = null;
        for (ShockSpec candidate : shocks) {
            int n = candidate.scope() == ShockSpec.Scope.ARRAY ? arrays : 1;
            if (target < n) {
                shock = candidate;
                break;
            }
            target -= n;
        }
        shockAt[s] = now + exp() / shock.ratePerHour();
        int first = shock.scope() == ShockSpec.Scope.ARRAY ? target : 0;
        int last = shock.scope() == ShockSpec.Scope.ARRAY ? target : arrays - 1;
        for (int a = first; a <= last && !stopped; a++) {
            for (int i = 0; i < width; i++) {
                scratch[i] = i;
            }
            int k = Math.min(shock.disksPerArray(), width);
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(width - i);
                int tmp = scratch[i];
                scratch[i] = scratch[j];
                scratch[j] = tmp;
            }
            for (int i = 0; i < k && !stopped; i++) {
                fail(a * width + scratch[i]);
            }
        }
    }

    /**
     * A loss in array a now: whole-array, or sectors found unreadable without redundancy. As in the storage model,
     * the sector losses of one degraded window are one event (counted when the first is found), and a whole-array
     * loss absorbs the window's sector losses.
     */
    private void recordLoss(int array, boolean wholeArray) {
        for (int a = 0; a < arrays; a++) {
            settleArray(a);
        }
        double w = Math.exp(logLr);
        if (Double.isNaN(out.firstLossHours)) {
            out.firstLossHours = now;
            out.any = w;
        }
        if (!pending[array]) {
            out.events += w;
            pending[array] = !wholeArray;
        }
        if (wholeArray) {
            out.whole = w;
            stopped = true;
        } else if (out.sector == 0) {
            out.sector = w;
        }
    }
}
