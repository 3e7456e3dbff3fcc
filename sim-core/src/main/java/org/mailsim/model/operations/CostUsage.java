package org.mailsim.model.operations;

/**
 * What one replication used up, for running and incident costs: disk failures (each replaced by a bought disk),
 * engineer hours and vendor fees ({@link IncidentResponse}), and the user-facing metrics (mail layer).
 */
public record CostUsage(double diskFailures, double engineerHours, double vendorFees, double userHoursUnavailable,
                        double usersWithLoss) {
}
