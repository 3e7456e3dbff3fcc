package org.mailsim.model.operations;

/**
 * What a storage failure will finally cost in mail, decided at the failure (the runbook's branches and random
 * draws are known then): of the mail on the failed share of the group, the part received after
 * {@code recoveryPoint} (all of it when that is negative infinity: no usable backup) is exposed, and
 * {@code fractionOfExposedLost} of the exposed mail is lost for good (1 without a vendor, 1 - recoverable
 * fraction with one). {@code expectedMailsLost} and {@code expectedUsersWithLoss} are this layer's estimates,
 * including users' own exports ({@link SelfBackup}), for a mail layer that does not model them itself.
 *
 * @param shareOfGroup the share of the group's files that was on the failed storage (or in the bad sectors)
 */
public record LossVerdict(int group, double lossTime, double shareOfGroup, double recoveryPoint,
                          double fractionOfExposedLost, double expectedMailsLost, double expectedUsersWithLoss) {
    public boolean hasRecoveryPoint() {
        return recoveryPoint != Double.NEGATIVE_INFINITY;
    }
}
