package org.mailsim.model.mail;

/**
 * The hook through which a backup policy limits mail loss (the operations layer plugs one in): for a loss in
 * {@code group} at {@code lossTime}, the time of the last completed backup that can be restored. Mail received
 * after it is lost; mail stored before it comes back with the restore. Return
 * {@link Double#NEGATIVE_INFINITY} when there is no usable backup, so all the group's mail is lost.
 */
@FunctionalInterface
public interface RecoveryPointPolicy {
    /** No backups: a lost group loses all its mail. */
    RecoveryPointPolicy NONE = (group, lossTime) -> Double.NEGATIVE_INFINITY;

    double lastRecoveryPoint(int group, double lossTime);

    /** Backups completing every {@code period} hours (at period, 2 period, ...), each taking effect at once. */
    static RecoveryPointPolicy periodic(double periodHours) {
        if (!(periodHours > 0) || Double.isInfinite(periodHours)) {
            throw new IllegalArgumentException("backup period must be positive, got " + periodHours);
        }
        return (group, lossTime) -> {
            double last = Math.floor(lossTime / periodHours) * periodHours;
            return last > 0 ? last : Double.NEGATIVE_INFINITY;
        };
    }
}
