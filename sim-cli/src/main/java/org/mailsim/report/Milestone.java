package org.mailsim.report;

import java.util.Objects;

/**
 * A point of a reported timeline (a postmortem's "send/receive back on day 3") to set beside the simulation's.
 * {@code simulatedBy} says what in the simulation corresponds: a per-incident metric key
 * ({@code hoursToRestoreService}, {@code hoursToFullRecovery}) or the name of an incident phase whose end marks
 * the milestone; null when nothing does. Hours count from the start of the incident.
 */
public record Milestone(String name, double reportedHours, String simulatedBy) {
    public Milestone {
        Objects.requireNonNull(name, "name");
        if (!(reportedHours >= 0) || Double.isInfinite(reportedHours)) {
            throw new IllegalArgumentException("reported hours of " + name + " must be finite and >= 0, got "
                    + reportedHours);
        }
    }
}
