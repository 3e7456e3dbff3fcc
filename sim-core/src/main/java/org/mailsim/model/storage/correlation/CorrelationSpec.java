package org.mailsim.model.storage.correlation;

import java.util.List;

/** Correlated failures: lots, shocks, and raised hazard after a failure ({@code aftershock}, null = none). */
public record CorrelationSpec(List<LotSpec> lots, List<ShockSpec> shocks, AftershockSpec aftershock) {
    public static final CorrelationSpec NONE = new CorrelationSpec(List.of(), List.of(), null);

    public CorrelationSpec {
        lots = List.copyOf(lots);
        shocks = List.copyOf(shocks);
        double total = lots.stream().mapToDouble(LotSpec::fraction).sum();
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("lot fractions add up to " + total + ", more than 1");
        }
    }

    public boolean independent() {
        return lots.isEmpty() && shocks.isEmpty() && aftershock == null;
    }
}
