package org.mailsim.model.storage.correlation;

/**
 * A manufacturing lot: a {@code fraction} of the arrays is built from disks of one lot whose hazard is
 * {@code hazardMultiplier} times the nominal one (proportional hazards: survival S(t)^multiplier). Lots are drawn
 * per array, because an array's disks are usually bought and installed together.
 */
public record LotSpec(String name, double fraction, double hazardMultiplier) {
    public LotSpec {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("lot fraction must be in (0, 1], got " + fraction);
        }
        if (!(hazardMultiplier > 0) || Double.isInfinite(hazardMultiplier)) {
            throw new IllegalArgumentException("hazard multiplier must be positive and finite, got " + hazardMultiplier);
        }
    }
}
