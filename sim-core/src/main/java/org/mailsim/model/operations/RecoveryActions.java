package org.mailsim.model.operations;

import org.mailsim.run.Incident;

/**
 * What {@link IncidentResponse} does to the rest of the model; the wiring implements it. All calls happen inside
 * the event loop at the simulated time given. Every method defaults to doing nothing.
 */
public interface RecoveryActions {
    RecoveryActions NONE = new RecoveryActions() { };

    /**
     * Replacement storage for the group's lost arrays is in service at {@code t}: new mail is redirected there, so
     * send/receive is back (old mail is not). Storage model: replace the lost arrays with new empty storage; mail
     * layer: {@code groupAvailable(group, t, true)}.
     */
    default void replacementInService(int group, double t) {
    }

    /**
     * The final mail loss of a failure, decided when it happens (mail layer: record the loss at
     * {@code verdict.lossTime()}).
     */
    default void mailLost(LossVerdict verdict) {
    }

    /** Old mail restored from backup and/or merged back from the vendor's recovery is in users' mailboxes at t. */
    default void oldMailRecovered(int group, double t) {
    }

    /** An incident closed (all its phases are over). */
    default void incidentClosed(Incident incident) {
    }
}
