/**
 * Users and mail: storage groups with their mailboxes ({@link org.mailsim.model.mail.Sharding},
 * {@link org.mailsim.model.mail.MailboxProfile}), traffic over the week with growth, integrated exactly
 * ({@link org.mailsim.model.mail.WeeklyProfile}, {@link org.mailsim.model.mail.WeeklyRate},
 * {@link org.mailsim.model.mail.TrafficProfile}), the senders' queues, the MTA, webmail and database tiers and
 * the user-facing metrics ({@link org.mailsim.model.mail.MailService}, {@link org.mailsim.model.mail.ServiceTier}).
 *
 * <p>Mail lost and users with loss are not counted here but in the operations layer
 * ({@code org.mailsim.model.operations}), which knows what backups, the vendor and users' exports saved; this
 * package tells it how a loss spreads over mailboxes.
 *
 * <p>Nothing here is per user or per message: state is per storage group, traffic is integrated over the
 * intervals between state changes, and losses are spread over users through the mailbox-size distribution, so
 * ten million users cost what ten thousand do.
 *
 * <p>The default traffic profile is measured from the SNAP data set email-Eu-core-temporal (Paranjape, Benson,
 * Leskovec, "Motifs in Temporal Networks", WSDM 2017); see NOTICE.md in the resources of this package.
 */
package org.mailsim.model.mail;
