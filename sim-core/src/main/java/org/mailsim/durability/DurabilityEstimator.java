package org.mailsim.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.mailsim.model.storage.Horizon;
import org.mailsim.model.storage.StorageSpec;
import org.mailsim.random.Distributions;
import org.mailsim.random.RandomStreams;
import org.mailsim.stats.Estimate;

/**
 * The rare-event estimator of P(data loss by the horizon): importance sampling with balanced failure biasing on
 * hazards, one unit (array or coupled storage group) at a time, scaled exactly to the fleet.
 *
 * <p>Why importance sampling and not splitting: for highly reliable systems with exponential lifetimes, balanced
 * failure biasing has bounded relative error as failure rates shrink (Shahabuddin 1994), so 1e-14 costs what 1e-6
 * costs, while fixed-effort splitting on "failed disks" pays about 1/p_k trials for every level crossing of
 * probability p_k (1e-4 per level for a 10+4 code: millions of trials a level). Hazard scaling carries the biasing
 * to any lifetime with a hazard rate (Weibull of any shape and location, bathtub, hazard tables, lognormal...)
 * with an exact likelihood ratio, and leaves repairs, spares, crews, scrubs and UREs at their nominal laws (UREs are
 * biased by a two-point change of measure), so the model keeps all its non-Markovian parts. What it does not
 * handle, {@link DurabilityUnit#of} refuses.
 *
 * <p>Determinism: replication i of seed s draws from its own stream, replications run in batches of
 * {@link #BATCH}, each split into fixed chunks whose sums are added in order, and the precision rule is checked
 * only between batches, so the estimate is the same for any thread count. {@code maxSeconds} is the one
 * machine-dependent exit, and the result says so.
 */
public final class DurabilityEstimator {
    /** Replications between two checks of the stopping rule. */
    static final int BATCH = 16_384;
    private static final int CHUNK = 2_048;
    private static final double Z95 = 1.959963984540054;
    /** Below this many loss samples or effective samples an interval is not trusted, and not stopped on. */
    public static final int MIN_LOSS_SAMPLES = 30;
    private static final long STREAM_KEY = RandomStreams.hash("durability/unit");
    private static final long PILOT_KEY = RandomStreams.hash("durability/pilot");

    /**
     * @param precision  stop when the 95% half-width is at most this fraction of the estimate (0.1 = 10%)
     * @param maxSeconds stop after this wall time at a batch boundary (infinite: no limit)
     * @param maxSamples stop after this many replications of the unit
     * @param threads    worker threads; the result does not depend on it
     * @param biased     false runs the same simulation without biasing (plain Monte Carlo), for comparisons
     */
    public record Settings(double precision, double maxSeconds, long maxSamples, int threads, boolean biased) {
        public static final double DEFAULT_PRECISION = 0.10;
        public static final long DEFAULT_MAX_SAMPLES = 200_000_000L;

        public Settings {
            if (!(precision > 0)) {
                throw new IllegalArgumentException("precision must be positive, got " + precision);
            }
            if (!(maxSeconds > 0)) {
                throw new IllegalArgumentException("max time must be positive, got " + maxSeconds);
            }
            if (maxSamples < 1 || threads < 1) {
                throw new IllegalArgumentException("need at least one sample and one thread");
            }
        }

        public static Settings defaults(int threads) {
            return new Settings(DEFAULT_PRECISION, Double.POSITIVE_INFINITY, DEFAULT_MAX_SAMPLES, threads, true);
        }

        public Settings withPrecision(double p) {
            return new Settings(p, maxSeconds, maxSamples, threads, biased);
        }

        public Settings withMaxSeconds(double s) {
            return new Settings(precision, s, maxSamples, threads, biased);
        }

        public Settings withMaxSamples(long n) {
            return new Settings(precision, maxSeconds, n, threads, biased);
        }

        public Settings plain() {
            return new Settings(precision, maxSeconds, maxSamples, threads, false);
        }
    }

    private DurabilityEstimator() {
    }

    /**
     * Estimates P(data loss by the horizon) of {@code spec}'s fleet.
     *
     * @throws IllegalArgumentException when the storage has something the estimator cannot handle (the message
     *                                  says what, and what to use instead)
     */
    public static DurabilityEstimate estimate(StorageSpec spec, Horizon horizon, long seed, Settings settings) {
        DurabilityUnit unit = DurabilityUnit.of(spec);
        long start = System.nanoTime();
        Sums total = new Sums();
        DurabilityEstimate.StopReason stop;
        ExecutorService pool = settings.threads() > 1 ? Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "durability");
            t.setDaemon(true);
            return t;
        }) : null;
        boolean biased = settings.biased();
        try {
            if (biased) {
                biased = pilotPrefersBiasing(spec, unit, horizon, seed, pool);
            }
            boolean bias = biased;
            ThreadLocal<UnitSimulation> simulations = ThreadLocal.withInitial(
                    () -> new UnitSimulation(spec, unit.arraysPerUnit(), horizon.hours(), bias));
            while (true) {
                long first = total.n;
                int size = (int) Math.min(BATCH, settings.maxSamples() - first);
                List<Sums> chunks = runBatch(pool, simulations, seed, first, size);
                for (Sums chunk : chunks) {
                    total.add(chunk);
                }
                if (total.n >= settings.maxSamples()) {
                    stop = DurabilityEstimate.StopReason.SAMPLE_CAP;
                    break;
                }
                if (total.converged(settings.precision())) {
                    stop = DurabilityEstimate.StopReason.PRECISION;
                    break;
                }
                if ((System.nanoTime() - start) / 1e9 >= settings.maxSeconds()) {
                    stop = DurabilityEstimate.StopReason.MAX_TIME;
                    break;
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return total.describe(spec, unit, horizon, settings, biased, stop, seconds);
    }

    /**
     * Whether biasing pays here: one pilot batch with and one without it, on streams of their own (then discarded,
     * so the choice cannot bias the estimate), compared by relative variance per sample. Biasing wins by far when
     * losses are rare; when they are not (P of a few percent, many failures per replication), the likelihood
     * ratios of many repair cycles multiply and plain sampling through the same simulation is better. Either way
     * the estimate is unbiased; the choice is deterministic.
     */
    private static boolean pilotPrefersBiasing(StorageSpec spec, DurabilityUnit unit, Horizon horizon, long seed,
                                               ExecutorService pool) {
        long pilotSeed = seed ^ PILOT_KEY;
        Sums biased = new Sums();
        runBatch(pool, ThreadLocal.withInitial(() -> new UnitSimulation(spec, unit.arraysPerUnit(), horizon.hours(),
                true)), pilotSeed, 0, BATCH).forEach(biased::add);
        Sums plain = new Sums();
        runBatch(pool, ThreadLocal.withInitial(() -> new UnitSimulation(spec, unit.arraysPerUnit(), horizon.hours(),
                false)), pilotSeed, BATCH, BATCH).forEach(plain::add);
        if (plain.any.hits < MIN_LOSS_SAMPLES) {
            return true;
        }
        return biased.any.relativeVariance(biased.n) <= plain.any.relativeVariance(plain.n);
    }

    private static List<Sums> runBatch(ExecutorService pool, ThreadLocal<UnitSimulation> simulations, long seed,
                                       long first, int size) {
        List<Sums> results = new ArrayList<>();
        if (pool == null) {
            for (int c = 0; c < size; c += CHUNK) {
                results.add(runChunk(simulations.get(), seed, first + c, Math.min(CHUNK, size - c)));
            }
            return results;
        }
        List<Future<Sums>> futures = new ArrayList<>();
        for (int c = 0; c < size; c += CHUNK) {
            long from = first + c;
            int n = Math.min(CHUNK, size - c);
            futures.add(pool.submit(() -> runChunk(simulations.get(), seed, from, n)));
        }
        try {
            for (Future<Sums> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
        return results;
    }

    private static Sums runChunk(UnitSimulation simulation, long seed, long first, int n) {
        Sums sums = new Sums();
        UnitSimulation.Outcome outcome = new UnitSimulation.Outcome();
        for (int i = 0; i < n; i++) {
            simulation.run(stream(seed, first + i), outcome);
            sums.add(outcome);
        }
        return sums;
    }

    /**
     * Replication i's generator: XoRoShiRo128++ seeded from (seed, i) by SplitMix64 finalisation, as
     * {@link RandomStreams} seeds its streams, but built directly (a replication here lasts microseconds, and going
     * through the generic factory would cost more than the replication).
     */
    static UniformRandomProvider stream(long seed, long replication) {
        long x = mix(seed ^ STREAM_KEY);
        x = mix(x ^ replication);
        long s0 = mix(x + 0x9E3779B97F4A7C15L);
        long s1 = mix(x + 2 * 0x9E3779B97F4A7C15L);
        if ((s0 | s1) == 0) {
            s1 = 1;
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Running sums of the weighted indicators; added in replication order, so the result is thread-independent. */
    private static final class Sums {
        long n;
        final Moment any = new Moment();
        final Moment whole = new Moment();
        final Moment sector = new Moment();
        final Moment events = new Moment();
        double largest;

        void add(UnitSimulation.Outcome o) {
            n++;
            any.add(o.any);
            whole.add(o.whole);
            sector.add(o.sector);
            events.add(o.events);
            largest = Math.max(largest, o.any);
        }

        void add(Sums s) {
            n += s.n;
            any.add(s.any);
            whole.add(s.whole);
            sector.add(s.sector);
            events.add(s.events);
            largest = Math.max(largest, s.largest);
        }

        boolean converged(double precision) {
            return any.hits >= MIN_LOSS_SAMPLES && any.ess() >= MIN_LOSS_SAMPLES
                    && any.halfWidth(n) <= precision * any.mean(n);
        }

        DurabilityEstimate describe(StorageSpec spec, DurabilityUnit unit, Horizon horizon, Settings settings,
                                    boolean biased, DurabilityEstimate.StopReason stop, double seconds) {
            List<String> warnings = new ArrayList<>();
            double mean = any.mean(n);
            double rel = mean > 0 ? any.halfWidth(n) / mean : Double.POSITIVE_INFINITY;
            double share = any.sum > 0 ? largest / any.sum : Double.NaN;
            if (any.hits == 0) {
                warnings.add(String.format(Locale.ROOT, "no loss in %,d samples: no estimate (raise --max-time)", n));
            } else {
                if (any.hits < MIN_LOSS_SAMPLES) {
                    warnings.add(String.format(Locale.ROOT, "only %d of %,d samples ended in a loss: the interval is"
                            + " not reliable", any.hits, n));
                }
                if (biased && any.ess() < MIN_LOSS_SAMPLES) {
                    warnings.add(String.format(Locale.ROOT, "likelihood ratios degenerate: effective sample size"
                            + " %.1f of %d loss samples", any.ess(), any.hits));
                }
                if (share > 0.2) {
                    warnings.add(String.format(Locale.ROOT, "one sample carries %.0f%% of the estimate", 100 * share));
                }
            }
            if (rel > settings.precision()) {
                warnings.add(String.format(Locale.ROOT, "relative error %.1f%% is above the asked precision %.1f%%"
                        + " (stopped by %s)", 100 * rel, 100 * settings.precision(), stop.key()));
            }
            if (stop == DurabilityEstimate.StopReason.MAX_TIME) {
                warnings.add("stopped by --max-time: the number of samples depends on the machine, so this result"
                        + " is not reproducible");
            }
            if (unit.coupling() != null) {
                warnings.add("estimated per storage group, because " + unit.coupling());
            }
            String method = biased
                    ? "importance sampling (balanced failure biasing on hazards), per " + unit.name()
                    : settings.biased() ? "plain Monte Carlo per " + unit.name() + " (a pilot found losses too"
                            + " common for biasing to pay)" : "plain Monte Carlo, per " + unit.name();
            boolean exponential = spec.disk().lifetime() instanceof Distributions.Exponential
                    && spec.correlation().lots().isEmpty();
            // Without UREs and latent errors a sector cannot be lost: exactly 0, not "no estimate".
            boolean sectorsAtRisk = spec.disk().urePerBit() > 0 || spec.disk().latentErrors().enabled();
            Estimate sectors = sectorsAtRisk ? sector.estimate(n) : new Estimate(0, 0, 0, false);
            return new DurabilityEstimate(method, unit, horizon.hours(), n, any.hits, any.estimate(n),
                    whole.estimate(n), sectors, events.estimate(n), rel, any.ess(), share,
                    settings.precision(), stop, seconds, exponential, warnings);
        }
    }

    /** Sum, sum of squares and hits of one weighted indicator. */
    private static final class Moment {
        double sum;
        double sumSq;
        long hits;

        void add(double w) {
            if (w != 0) {
                sum += w;
                sumSq += w * w;
                hits++;
            }
        }

        void add(Moment m) {
            sum += m.sum;
            sumSq += m.sumSq;
            hits += m.hits;
        }

        double mean(long n) {
            return sum / n;
        }

        double halfWidth(long n) {
            double mean = sum / n;
            double variance = Math.max(0, (sumSq - n * mean * mean) / (n - 1.0));
            return Z95 * Math.sqrt(variance / n);
        }

        /** Variance of one sample over the squared mean; infinite with no hit. */
        double relativeVariance(long n) {
            if (sum == 0) {
                return Double.POSITIVE_INFINITY;
            }
            double mean = sum / n;
            return Math.max(0, (sumSq - n * mean * mean) / (n - 1.0)) / (mean * mean);
        }

        double ess() {
            return sumSq > 0 ? sum * sum / sumSq : 0;
        }

        /**
         * Mean with its normal 95% interval; with fewer than {@link #MIN_LOSS_SAMPLES} hits or effective samples
         * the interval is not trusted and its upper end left open, so a degenerate sample never shows a tight
         * interval; with no hit there is no estimate.
         */
        Estimate estimate(long n) {
            if (hits == 0) {
                return new Estimate(Double.NaN, 0, Double.POSITIVE_INFINITY, false);
            }
            double mean = mean(n);
            double half = halfWidth(n);
            if (hits < MIN_LOSS_SAMPLES / 3 || ess() < MIN_LOSS_SAMPLES / 3.0) {
                return new Estimate(mean, 0, Double.POSITIVE_INFINITY, false);
            }
            return new Estimate(mean, Math.max(0, mean - half), mean + half, false);
        }
    }
}
