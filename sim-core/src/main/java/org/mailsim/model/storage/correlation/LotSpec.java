package org.mailsim.model.storage.correlation;

/**
 * A manufacturing lot: a {@code fraction} of the arrays is built from disks of one lot whose hazard is
 * {@code hazardMultiplier} times the nominal one (proportional hazards: survival S(t)^multiplier). Lots are drawn
 * per array, because an array's disks are usually bought and installed together.
 *
 * <p>The multiplier marks the disks first installed in the array. A replacement disk (after a rebuild, or the new
 * disks of a lost array) comes from another lot and has the nominal hazard, unless the scenario says the spares
 * were bought with the array: then each replacement comes from the same lot with probability
 * {@code replacementFraction}. Giving every replacement the lot's hazard for ever overstated a 10-year lot
 * what-if about 3.6 times.
 */
public record LotSpec(String name, double fraction, double hazardMultiplier, double replacementFraction) {
    public LotSpec {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("lot fraction must be in (0, 1], got " + fraction);
        }
        if (!(hazardMultiplier > 0) || Double.isInfinite(hazardMultiplier)) {
            throw new IllegalArgumentException("hazard multiplier must be positive and finite, got " + hazardMultiplier);
        }
        if (!(replacementFraction >= 0 && replacementFraction <= 1)) {
            throw new IllegalArgumentException("replacement fraction must be in [0, 1], got " + replacementFraction);
        }
    }

    /** A lot whose replacements all come from other lots (nominal hazard). */
    public LotSpec(String name, double fraction, double hazardMultiplier) {
        this(name, fraction, hazardMultiplier, 0);
    }
}
