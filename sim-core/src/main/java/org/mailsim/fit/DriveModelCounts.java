package org.mailsim.fit;

/**
 * One drive model's record in a Backblaze-style survival summary: how many drives, how many drive-days they ran
 * and how many failed. The optional Cox-model columns of the zachmayer/backblaze_analysis reduction are kept for
 * comparison (NaN when absent): {@code years97pct} is the lower 95% confidence bound of the age at which 3% have
 * failed, and the 5-year survival comes with its 95% band.
 *
 * @param model the model field as written in the file (may be empty: see {@link #name()})
 * @param capacityTb decimal terabytes, NaN if the file has no capacity column
 * @param line the line of the file the record came from (0 when it came from no file)
 */
public record DriveModelCounts(String model, double capacityTb, long drives, double driveDays, long failures,
        double years97pctLower, double fiveYearSurvival, double fiveYearSurvivalLow, double fiveYearSurvivalHigh,
        long line) {

    public DriveModelCounts {
        if (model == null) {
            throw new IllegalArgumentException("model must not be null (an empty field is \"\")");
        }
        if (!(driveDays >= 0) || Double.isInfinite(driveDays) || failures < 0 || drives < 0) {
            throw new IllegalArgumentException("drive-days, failures and drives must be non-negative");
        }
    }

    public static DriveModelCounts of(String model, double capacityTb, long drives, double driveDays, long failures) {
        return new DriveModelCounts(model, capacityTb, drives, driveDays, failures, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, 0);
    }

    /** The model field read as vendor and model number, or as a field that names no model. */
    public DriveModelName name() {
        return DriveModelName.parse(model);
    }

    /** Whether the file gave a Cox-model 5-year survival with its band for this model. */
    public boolean hasFiveYearSurvival() {
        return !Double.isNaN(fiveYearSurvival) && !Double.isNaN(fiveYearSurvivalLow)
                && !Double.isNaN(fiveYearSurvivalHigh);
    }
}
