package org.mailsim.model.mail;

import org.mailsim.random.Distributions;

/**
 * Mailbox sizes across users: messages per mailbox and bytes per message, both lognormal (heavy-tailed: a few
 * users hold most of the files and a few messages carry most of the bytes). One message is one file.
 *
 * <p>Defaults ({@link #defaults()}): messages median 300, sigma 1.2 (mean about 620, 90th percentile about 1,400,
 * 99th about 4,900: "hundreds to thousands of small files" per user, as in the source post); bytes per message
 * median 8 kB, sigma 1.8 (mean about 40 kB: most messages are a few kB of text, a few carry attachments of
 * megabytes). Both are assumptions to be calibrated per service; the lognormal form is the usual fit for file
 * and message sizes.
 *
 * <p>Group totals use expectations (a group of N users holds N times the mean): with tens of thousands of users
 * per group the sum's coefficient of variation is about sqrt(e^(sigma^2) - 1) / sqrt(N), a few percent at most.
 */
public record MailboxProfile(Distributions.LogNormal messages, Distributions.LogNormal bytesPerMessage) {
    /** Nodes of the composite Simpson rule over the standard normal variable in {@link #meanSurvival}. */
    private static final int QUADRATURE_INTERVALS = 1600;
    private static final double Z_RANGE = 8.5;

    public MailboxProfile {
        if (messages == null || bytesPerMessage == null) {
            throw new IllegalArgumentException("messages and bytesPerMessage are required");
        }
    }

    /** A profile from medians and log-standard deviations, the way one reads them off a histogram. */
    public static MailboxProfile ofMedians(double medianMessages, double messagesSigma, double medianBytes,
                                           double bytesSigma) {
        return new MailboxProfile(new Distributions.LogNormal(Math.log(medianMessages), messagesSigma),
                new Distributions.LogNormal(Math.log(medianBytes), bytesSigma));
    }

    public static MailboxProfile defaults() {
        return ofMedians(300, 1.2, 8_000, 1.8);
    }

    public double meanMessages() {
        return messages.mean();
    }

    public double meanBytesPerMessage() {
        return bytesPerMessage.mean();
    }

    public double meanBytesPerMailbox() {
        return meanMessages() * meanBytesPerMessage();
    }

    /**
     * E[s^(M + shift)] over the mailbox-size distribution M: the fraction of users none of whose messages is hit
     * when each message independently survives with probability {@code s} (a partial loss of a fraction 1 - s of
     * the group's files, spread over users in proportion to their mailbox size) and every mailbox has grown by
     * {@code shift} messages. Computed by Simpson's rule on the normal variable z, M = exp(mu + sigma z), over
     * |z| &lt;= 8.5 (the tails beyond carry less than 1e-16).
     */
    public double meanSurvival(double s, double shift) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("survival probability must be in [0, 1], got " + s);
        }
        if (s == 1) {
            return 1;
        }
        if (s == 0) {
            return 0; // every mailbox holds some mail (M > 0 almost surely)
        }
        double logS = Math.log(s);
        double shiftFactor = Math.exp(logS * Math.max(shift, 0));
        double mu = messages.mu();
        double sigma = messages.sigma();
        double h = 2 * Z_RANGE / QUADRATURE_INTERVALS;
        double sum = 0;
        for (int i = 0; i <= QUADRATURE_INTERVALS; i++) {
            double z = -Z_RANGE + i * h;
            double f = Math.exp(-0.5 * z * z + logS * Math.exp(mu + sigma * z));
            double w = (i == 0 || i == QUADRATURE_INTERVALS) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * f;
        }
        double mean = sum * h / 3 / Math.sqrt(2 * Math.PI);
        return Math.min(1, Math.max(0, mean)) * shiftFactor;
    }
}
