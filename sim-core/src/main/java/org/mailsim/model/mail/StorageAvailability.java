package org.mailsim.model.mail;

/**
 * What the mail layer needs to hear from the storage model, group by group. Times are simulated hours and must
 * not go backwards. The storage model (or the operations layer) calls these; {@link MailService} implements them.
 */
public interface StorageAvailability {
    /** Group {@code group}'s storage can no longer read or take mail (array failed, server down, taken offline). */
    void groupUnavailable(int group, double t);

    /**
     * Group {@code group} takes mail again at {@code t}: its own storage is back, or, when
     * {@code replacementStorage}, new storage was provisioned and new mail is redirected there (the old mail
     * comes back later, if at all, through restore, vendor recovery and merge). Either way the MTA queue drains.
     */
    void groupAvailable(int group, double t, boolean replacementStorage);

    /** All the mail stored in the group was lost at {@code t} (beyond what its last backup holds). */
    void groupDataLost(int group, double t);

    /**
     * A fraction of the group's bytes became unreadable at {@code t} (latent sector errors or an unrecoverable
     * read error met with no redundancy left). About that fraction of its files (messages) are lost.
     */
    void groupDataLost(int group, double t, double fractionOfBytes);
}
