package org.mailsim.fit;

/**
 * One drive model's record in a Backblaze-style survival summary: how many drives, how many drive-days they ran
 * and how many failed. The optional Cox-model columns of the zachmayer/backblaze_analysis reduction are kept for
 * comparison (NaN when absent): {@code years97pct} is the lower 95% confidence bound of the age at which 3% have
 * failed, and the 5-year survival comes with its 95% band.
 *
 * @param capacityTb decimal terabytes, NaN if the file has no capacity column
 */
public record DriveModelCounts(String model, double capacityTb, long drives, double driveDays, long failures,
        double years97pctLower, double fiveYearSurvival, double fiveYearSurvivalLow, double fiveYearSurvivalHigh) {

    public DriveModelCounts {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must be named");
        }
        if (!(driveDays >= 0) || Double.isInfinite(driveDays) || failures < 0 || drives < 0) {
            throw new IllegalArgumentException("drive-days, failures and drives must be non-negative");
        }
    }

    public static DriveModelCounts of(String model, double capacityTb, long drives, double driveDays, long failures) {
        return new DriveModelCounts(model, capacityTb, drives, driveDays, failures, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN);
    }

    /** Whether the file gave a Cox-model 5-year survival with its band for this model. */
    public boolean hasFiveYearSurvival() {
        return !Double.isNaN(fiveYearSurvival) && !Double.isNaN(fiveYearSurvivalLow)
                && !Double.isNaN(fiveYearSurvivalHigh);
    }
}
