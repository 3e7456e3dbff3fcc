package org.mailsim.model.operations;

import org.mailsim.random.Distributions;

/**
 * The built-in runbooks and price lists as the model records they bind to, written out by hand: inputs for model
 * tests that need a realistic runbook, and known answers for ScenarioBindingTest, which checks that the scenario
 * defaults and preset files (docs/scenario-format.md) still give exactly these values.
 */
public final class KnownPresets {
    private KnownPresets() {
    }

    /** {@code operations.preset: default}: the schema defaults. */
    public static final Runbook RUNBOOK_DEFAULT = new Runbook(
            Distributions.deterministic(0.25),
            Distributions.deterministic(0.5),
            new Runbook.DiskReplacement(Distributions.deterministic(2), Distributions.deterministic(72), 1),
            new Runbook.Provisioning(Distributions.uniform(4, 8)),
            new Runbook.Restore(1000, 200e6, Distributions.deterministic(24)),
            new Runbook.Vendor(true, Distributions.uniform(72, 168), 100e6, 0.95, 1000, false, 0),
            new Runbook.Merge(500),
            new Runbook.Staffing(2, 1));

    /** {@code operations.preset: dreamwiz-2008}. */
    public static final Runbook RUNBOOK_DREAMWIZ_2008 = new Runbook(
            Distributions.deterministic(1),
            Distributions.deterministic(2),
            new Runbook.DiskReplacement(Distributions.deterministic(4), Distributions.deterministic(168), 1),
            new Runbook.Provisioning(Distributions.deterministic(45)),
            new Runbook.Restore(200, 50e6, Distributions.deterministic(24)),
            new Runbook.Vendor(true, Distributions.deterministic(168), Double.POSITIVE_INFINITY, 0.98, 1000, false,
                    0),
            new Runbook.Merge(30),
            new Runbook.Staffing(3, 1));

    /** {@code costs.preset: today}: the schema defaults. */
    public static final CostSpec PRICES_TODAY = new CostSpec("USD", 224, 8000, 25, 5, 14.7, 20, 20, 100, 0.01, 5);

    /** {@code costs.preset: 2008}. */
    public static final CostSpec PRICES_2008 = new CostSpec("USD", 200, 5000, 300, 5, 12.6, 20, 100, 60, 0.01, 5);
}
