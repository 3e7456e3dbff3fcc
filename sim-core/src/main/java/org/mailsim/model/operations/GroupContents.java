package org.mailsim.model.operations;

/**
 * What the operations layer needs to know of a storage group's mail (the mail layer provides it): users, files and
 * bytes stored at a time, and the mail written into the group over an interval. Queried at failure times and at
 * backup start times, in non-decreasing time order except for backups still running at a query.
 */
public interface GroupContents {
    int groups();

    double users(int group);

    /** Messages (one file each) stored in the group at {@code t}. */
    double files(int group, double t);

    /** Bytes stored in the group at {@code t}. */
    double bytes(int group, double t);

    /** Messages written into the group's storage in [from, to] (new mail; what an incremental backup copies). */
    double filesWritten(int group, double from, double to);

    /**
     * The fraction of the group's users none of whose mail is hit when each file stored at {@code t} is lost
     * independently with probability {@code q}. This default gives every user the mean mailbox,
     * {@code (1 - q)^(files / users)}; the mail layer averages over its mailbox sizes instead, which matters: by
     * Jensen's inequality the mean mailbox overstates the users hit, most when a few percent of the files are lost.
     */
    default double fractionOfUsersUntouched(int group, double t, double q) {
        double perUser = users(group) > 0 ? files(group, t) / users(group) : 0;
        if (perUser <= 0) {
            return 1; // no mail, nothing to lose
        }
        return q >= 1 ? 0 : Math.exp(perUser * Math.log1p(-q));
    }

    /**
     * The fraction of the group's users none of whose mail is hit when a fraction {@code q} of the group's bytes is
     * lost in runs of {@code runFiles} adjacent files on average, mailboxes laid out one after another (a mailbox's
     * files lie together). Runs start as a Poisson process along the data, long enough that they cover {@code q} of
     * it, so a mailbox of n files escapes when no run starts within it or within a run's length before it:
     * E[(1 - q')^n] (1 - q) with 1 - q' = (1 - q)^(1 / runFiles). One file a run is nearly the scattered case; long
     * runs hit about a fraction q of the users instead of nearly all of them.
     */
    default double fractionOfUsersUntouchedByRuns(int group, double t, double q, double runFiles) {
        if (!(runFiles > 1) || q <= 0 || q >= 1) {
            return fractionOfUsersUntouched(group, t, q);
        }
        double perFile = -Math.expm1(Math.log1p(-q) / runFiles);
        return fractionOfUsersUntouched(group, t, perFile) * (1 - q);
    }

    /**
     * A group in steady state: deletions balance new mail, so files and bytes stay constant while
     * {@code filesWrittenPerHour} new messages arrive. For tests and back-of-the-envelope replays.
     */
    static GroupContents steady(int groups, double usersPerGroup, double filesPerGroup, double bytesPerGroup,
                                double filesWrittenPerHour) {
        return new GroupContents() {
            @Override
            public int groups() {
                return groups;
            }

            @Override
            public double users(int group) {
                return usersPerGroup;
            }

            @Override
            public double files(int group, double t) {
                return filesPerGroup;
            }

            @Override
            public double bytes(int group, double t) {
                return bytesPerGroup;
            }

            @Override
            public double filesWritten(int group, double from, double to) {
                return filesWrittenPerHour * Math.max(to - from, 0);
            }
        };
    }
}
