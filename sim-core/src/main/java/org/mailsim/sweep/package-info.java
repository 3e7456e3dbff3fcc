/**
 * Sweeps: run every combination of the values under a scenario's {@code sweep:} block and compare them by cost
 * against risk.
 *
 * <p>The pipeline: {@link org.mailsim.sweep.SweepGrid#expand} (nested loops in file order, stable ids) →
 * {@link org.mailsim.sweep.Sweep#run} (configurations in order, each run by a
 * {@link org.mailsim.sweep.ConfigurationRunner} and saved at once by {@link org.mailsim.sweep.SweepState}, so a
 * killed sweep resumes) → {@link org.mailsim.sweep.SweepTable} (Pareto fronts of expected total cost against
 * expected user-hours unavailable and against P(data loss), the {@link org.mailsim.sweep.Target}, the cheapest
 * configuration meeting it, {@code sweep.csv}). The package knows nothing of YAML or of the simulation model: the
 * command line gives it the sweep block and a runner.
 */
package org.mailsim.sweep;
