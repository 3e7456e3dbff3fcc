package org.mailsim.model.operations;

import static org.mailsim.model.operations.Throughput.requireNonNegative;

import java.util.Objects;

/**
 * Prices (the scenario's {@code costs:} section, whose defaults and presets are scenario data, documented in
 * docs/scenario-format.md), in one currency. Vendor recovery is priced in the runbook
 * ({@link Runbook.Vendor#pricePerTB}), since it is billed per incident.
 *
 * @param diskPrice                  one disk (data, parity or spare)
 * @param serverPrice                one storage server (enclosure, controller, host)
 * @param backupStoragePricePerTB    backup capacity, per decimal terabyte
 * @param hardwareLifeYears          straight-line depreciation period for the three capital items
 * @param powerPerDiskYear           energy of one spinning disk for a year, cooling included
 * @param restockFeePerDisk          ordering and shipping a replacement disk, on top of its price
 * @param backupOperationPerTBYear   running backups (licences, media, operator time) per TB protected per year
 * @param engineerHourRate           loaded cost of an engineer hour
 * @param compensationPerUserHour    credit or goodwill per user-hour without mailbox access
 * @param compensationPerUserWithLoss per user who lost mail for good
 */
public record CostSpec(String currency, double diskPrice, double serverPrice, double backupStoragePricePerTB,
                       double hardwareLifeYears, double powerPerDiskYear, double restockFeePerDisk,
                       double backupOperationPerTBYear, double engineerHourRate, double compensationPerUserHour,
                       double compensationPerUserWithLoss) {

    public CostSpec {
        Objects.requireNonNull(currency, "currency");
        requireNonNegative("disk price", diskPrice);
        requireNonNegative("server price", serverPrice);
        requireNonNegative("backup storage price per TB", backupStoragePricePerTB);
        if (!(hardwareLifeYears > 0)) {
            throw new IllegalArgumentException("hardware life must be positive, got " + hardwareLifeYears);
        }
        requireNonNegative("power per disk-year", powerPerDiskYear);
        requireNonNegative("restock fee per disk", restockFeePerDisk);
        requireNonNegative("backup operation per TB-year", backupOperationPerTBYear);
        requireNonNegative("engineer hour rate", engineerHourRate);
        requireNonNegative("compensation per user-hour", compensationPerUserHour);
        requireNonNegative("compensation per user with loss", compensationPerUserWithLoss);
    }
}
