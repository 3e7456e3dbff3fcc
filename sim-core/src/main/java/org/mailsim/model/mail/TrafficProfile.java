package org.mailsim.model.mail;

/**
 * Mail traffic per user: messages received, sent and deleted per day (averaged over the week), their shape over
 * the week, and yearly growth of the volume.
 *
 * <p>Defaults ({@link #defaults()}) and why:
 * <ul>
 *   <li>received 20 a day: the order of a free portal mailbox after spam filtering (an assumption, to be set
 *   per service; volumes scale every mail metric linearly).</li>
 *   <li>deleted 19.5 a day: mailboxes grow slowly in steady state; the net 0.5 mail a day (about 180 a year)
 *   grows the default mean mailbox of about 620 messages by some 30 % a year.</li>
 *   <li>sent 3 a day: users send far less than they receive.</li>
 *   <li>growth 10 % a year of the per-user volume.</li>
 *   <li>profile: the 168-hour shape measured from SNAP email-Eu-core-temporal ({@link WeeklyProfile#emailEuCore()});
 *   the trace records sends only, and the same shape is used for receiving and deleting (mail is received when
 *   sent, and deleted while users are at work).</li>
 * </ul>
 */
public record TrafficProfile(double receivedPerDay, double sentPerDay, double deletedPerDay, double yearlyGrowth,
                             WeeklyProfile profile) {
    public TrafficProfile {
        requireNonNegative("receivedPerDay", receivedPerDay);
        requireNonNegative("sentPerDay", sentPerDay);
        requireNonNegative("deletedPerDay", deletedPerDay);
        if (!(yearlyGrowth > -1) || Double.isInfinite(yearlyGrowth)) {
            throw new IllegalArgumentException("yearlyGrowth must be above -1, got " + yearlyGrowth);
        }
        if (profile == null) {
            throw new IllegalArgumentException("profile is required");
        }
    }

    public static TrafficProfile defaults() {
        return new TrafficProfile(20, 3, 19.5, 0.10, WeeklyProfile.emailEuCore());
    }

    public TrafficProfile withProfile(WeeklyProfile p) {
        return new TrafficProfile(receivedPerDay, sentPerDay, deletedPerDay, yearlyGrowth, p);
    }

    /** Mail received per user, per hour, as an exactly integrable rate. */
    public WeeklyRate receivedRate() {
        return new WeeklyRate(profile, receivedPerDay / 24, yearlyGrowth);
    }

    public WeeklyRate sentRate() {
        return new WeeklyRate(profile, sentPerDay / 24, yearlyGrowth);
    }

    /** Net growth of a mailbox (received minus deleted) per user per hour; may be negative only if so configured. */
    public WeeklyRate netStoredRate() {
        return new WeeklyRate(profile, Math.max(receivedPerDay - deletedPerDay, 0) / 24, yearlyGrowth);
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + v);
        }
    }
}
