/**
 * Users and mail: storage groups with their mailboxes ({@link org.mailsim.model.mail.Sharding},
 * {@link org.mailsim.model.mail.MailboxProfile}), traffic over the week with growth, integrated exactly
 * ({@link org.mailsim.model.mail.WeeklyProfile}, {@link org.mailsim.model.mail.WeeklyRate},
 * {@link org.mailsim.model.mail.TrafficProfile}), the senders' queues, the MTA, webmail and database tiers and
 * the user-facing metrics ({@link org.mailsim.model.mail.MailService}, {@link org.mailsim.model.mail.ServiceTier}),
 * and the foreground load that slows rebuilds ({@link org.mailsim.model.mail.ForegroundLoad}).
 *
 * <p>The storage model talks to this package only through {@link org.mailsim.model.mail.StorageAvailability};
 * a backup policy plugs in through {@link org.mailsim.model.mail.RecoveryPointPolicy}.
 *
 * <p>Nothing here is per user or per message: state is per storage group, traffic is integrated over the
 * intervals between state changes, and losses are spread over users through the mailbox-size distribution, so
 * ten million users cost what ten thousand do.
 *
 * <p>The default traffic profile is measured from the SNAP data set email-Eu-core-temporal (Paranjape, Benson,
 * Leskovec, "Motifs in Temporal Networks", WSDM 2017); see NOTICE.md in the resources of this package.
 */
package org.mailsim.model.mail;
