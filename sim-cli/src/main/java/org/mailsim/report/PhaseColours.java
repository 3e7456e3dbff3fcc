package org.mailsim.report;

import java.awt.Color;
import java.util.Map;

/**
 * One colour per kind of phase, on every chart and page: a reader who learnt that teal is "provisioning
 * replacement storage" on the first timeline finds it teal on the last. Reported milestones are dashed red lines,
 * so no phase is drawn red.
 */
public final class PhaseColours {
    /** The array running without redundancy after its first disk failure, until it is lost (or rebuilt). */
    public static final String DEGRADED = "array degraded (first disk failed)";

    public static final Color REPORTED = new Color(0xd62728);
    public static final Color FAILURE = new Color(0x222222);
    public static final Color OUTAGE = new Color(0xff9f40);
    public static final Color FULL_RECOVERY = new Color(0x1f77b4);

    private static final Map<String, Color> BY_NAME = Map.ofEntries(
            Map.entry(DEGRADED, new Color(0xf2d16b)),
            Map.entry("detection", new Color(0x9467bd)),
            Map.entry("on-call response", new Color(0x8c564b)),
            Map.entry("repair", new Color(0xbcbd22)),
            Map.entry("provisioning replacement storage", new Color(0x17becf)),
            Map.entry("outage", OUTAGE),
            Map.entry("restore from backup", new Color(0x2ca02c)),
            Map.entry("vendor recovery", new Color(0x7f7f7f)),
            Map.entry("merge recovered mail", FULL_RECOVERY));
    private static final Color[] OTHERS = {new Color(0xe377c2), new Color(0x98df8a), new Color(0xc5b0d5),
        new Color(0xc49c94), new Color(0x9edae5)};

    private PhaseColours() {
    }

    /** The colour of a phase kind; a kind not listed gets a fixed colour from its name, the same everywhere. */
    public static Color of(String phase) {
        Color c = BY_NAME.get(phase);
        return c != null ? c : OTHERS[Math.floorMod(phase.hashCode(), OTHERS.length)];
    }
}
