package org.mailsim.durability;

import org.mailsim.model.storage.StorageSpec;
import org.mailsim.model.storage.correlation.AftershockSpec;
import org.mailsim.model.storage.repair.RepairSpec;
import org.mailsim.model.storage.repair.SpareSpec;
import org.mailsim.random.Distribution;

/**
 * Balanced failure biasing, written as hazard multipliers by the number of failed disks of an array (Shahabuddin's
 * balanced failure biasing for highly reliable Markovian systems, carried to general lifetimes by scaling hazards
 * instead of transition probabilities):
 * <ul>
 *   <li>With no disk failed, failures are forced only if the unit would otherwise see less than one failure in the
 *       horizon: theta_0 = 1 / (arrays x width x m x H(T)) when that is above 1 (H the lifetime's cumulative hazard,
 *       m the lot's multiplier). The unit's whole fleet of disks shares the one expected failure, so a storage group
 *       of many arrays is not over-forced.</li>
 *   <li>With f disks failed, the survivors' failures are made about as likely as the repair that ends the degraded
 *       episode: theta_f = c / (survivors x mean hazard x episode length), c = {@link #EPISODE_FAILURES}, where
 *       the mean hazard over the horizon is H(T)/T and the episode lasts the mean rebuild (plus a cold spare's
 *       handling), divided by f when every failed disk rebuilds in parallel. Each step towards loss then has a
 *       probability of order one whatever the rates, which is what gives bounded relative error as failure rates
 *       shrink.</li>
 *   <li>Aftershock hazards (the extra hazard of survivors for a window after a failure) get their own factor,
 *       1 / (survivors x extra hazard x window), making a follow-on failure in the window about as likely as
 *       not: the lifetime's factor would over-force them by orders of magnitude.</li>
 *   <li>Latent-error arrivals are biased the same way once the array has no redundancy left (f &gt;= tolerance),
 *       where an arrival is a step towards a sector loss; UREs met by a rebuild without redundancy are drawn with
 *       probability at least {@link #URE_LOSS} instead of their nominal one.</li>
 * </ul>
 * Any choice of multipliers gives an unbiased estimator (the likelihood ratio corrects for it); these choices only
 * set its variance. A factor below 1 is never used.
 */
final class Biasing {
    /** The least probability with which a rebuild without redundancy is made to meet a URE. */
    static final double URE_LOSS = 0.5;
    /**
     * Biased failure hazard x episode length, c. Measured relative variance per sample (seed 9, 65,536 samples;
     * RAID-6 of 10 and 10+4 with exponential rebuilds of 24 h and 120 h, RAID-6 with deterministic 24 h rebuilds):
     * c = 0.25: 42, 1486, 31; c = 0.5: 20, 703, 9.6; c = 1: 24, 213, 3.7; c = 2: 186, 2414, 3.1. With exponential
     * repairs of rate mu, one episode's squared likelihood ratio has a finite mean only while the biased failure
     * rate stays below mu + 2 n lambda (about c &lt; 1; beyond, only the horizon keeps it finite), hence the
     * blow-up at c = 2; with bounded repairs any c is safe. c = 1 is the best choice over these cases.
     */
    static final double EPISODE_FAILURES = 1;

    final double[] life;
    final double[] latent;
    final double[] aftershock;

    private Biasing(double[] life, double[] latent, double[] aftershock) {
        this.life = life;
        this.latent = latent;
        this.aftershock = aftershock;
    }

    /** No biasing: plain Monte Carlo through the same simulation. */
    static Biasing none(int width) {
        double[] ones = new double[width + 1];
        java.util.Arrays.fill(ones, 1);
        return new Biasing(ones, ones.clone(), ones.clone());
    }

    static Biasing balanced(StorageSpec spec, int arraysPerUnit, double horizonHours, double hazardMultiplier,
                            CumulativeHazard life) {
        int width = spec.array().width();
        double[] lifeTheta = new double[width + 1];
        double[] latentTheta = new double[width + 1];
        java.util.Arrays.fill(lifeTheta, 1);
        java.util.Arrays.fill(latentTheta, 1);
        double hT = hazardMultiplier * life.at(horizonHours);
        double episode = episodeHours(spec);
        if (life.biasable() && hT > 0 && Double.isFinite(hT)) {
            double meanHazard = hT / horizonHours;
            double expected = (double) arraysPerUnit * width * hT;
            lifeTheta[0] = Math.max(1, 1 / expected);
            for (int f = 1; f < width; f++) {
                double length = episode / (spec.repair().crews() == RepairSpec.Crews.UNLIMITED ? f : 1);
                lifeTheta[f] = Math.max(1, EPISODE_FAILURES / ((width - f) * meanHazard * length));
            }
        }
        double rate = spec.disk().latentErrors().ratePerHour();
        int tolerance = spec.array().tolerance();
        if (rate > 0) {
            for (int f = Math.max(tolerance, 1); f < width; f++) {
                double length = episode / (spec.repair().crews() == RepairSpec.Crews.UNLIMITED ? f : 1);
                latentTheta[f] = Math.max(1, EPISODE_FAILURES / ((width - f) * rate * length));
            }
        }
        double[] aftershockTheta = new double[width + 1];
        java.util.Arrays.fill(aftershockTheta, 1);
        AftershockSpec after = spec.correlation().aftershock();
        if (after != null && after.extraHazardPerHour() > 0) {
            for (int f = 0; f < width; f++) {
                aftershockTheta[f] = Math.max(1, 1 / ((width - f) * after.extraHazardPerHour() * after.windowHours()));
            }
        }
        return new Biasing(lifeTheta, latentTheta, aftershockTheta);
    }

    /** Mean hours from a failure until its rebuild ends, waiting for a crew or a restock left out. */
    static double episodeHours(StorageSpec spec) {
        RepairSpec repair = spec.repair();
        double rebuild = repair.rebuild().time() != null ? repair.rebuild().time().mean()
                : repair.rebuild().hoursAtRate(spec.disk().capacityBytes());
        Distribution handling = repair.spares().handlingTime();
        if (repair.spares().kind() == SpareSpec.Kind.COLD) {
            rebuild += handling.mean();
        }
        return Math.max(rebuild, 1e-9);
    }
}
