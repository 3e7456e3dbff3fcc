package org.mailsim.run;

import java.util.List;

/**
 * One episode of data loss or of users without their mail, from the first failure to closure, as a sequence
 * of phases. Times are simulated hours from the start of the replication.
 *
 * @param usersAffected users cut off (outages, array losses: the group's users); for a sector loss, which cuts no
 *                      one off, the expected users who lost mail, rounded
 * @param mailsLost     expected mails lost for good
 * @param severity      what the incident did to mail
 */
public record Incident(int replication, String storageGroup, String cause, double startHours,
                       List<Phase> phases, long usersAffected, double mailsDeferred, double mailsBounced,
                       double mailsLost, double hoursToRestoreService, double hoursToFullRecovery,
                       Severity severity) {
    public Incident {
        phases = List.copyOf(phases);
        java.util.Objects.requireNonNull(severity, "severity");
    }

    /** A named stretch of an incident, e.g. "vendor recovery" from hour 60 to hour 230. */
    public record Phase(String name, double startHours, double endHours) {
        public Phase {
            if (endHours < startHours) {
                throw new IllegalArgumentException("phase " + name + " ends (" + endHours + ") before it starts ("
                        + startHours + ")");
            }
        }

        public double hours() {
            return endHours - startHours;
        }
    }
}
