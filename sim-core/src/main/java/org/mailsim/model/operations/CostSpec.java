package org.mailsim.model.operations;

import static org.mailsim.model.operations.Throughput.requireNonNegative;

import java.util.Objects;

/**
 * Prices (the scenario's {@code costs:} section), in one currency. Vendor recovery is priced in the runbook
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

    /**
     * Prices for 2008 replays, US dollars. Sources and assumptions: a 1 TB SATA disk cost about $200 in mid-2008
     * (Samsung's 1 TB at the $200 point, June 2008; Backblaze paid over $0.11/GB in 2009); storage server $5,000 and
     * backup capacity $300/TB (tape library plus media; assumptions); 5-year depreciation; power 8 W per disk
     * (3.5" 7200 rpm datasheets: 6-10 W) x 8,760 h x PUE 1.8 x $0.10/kWh = $12.6 per disk-year; restock $20 per
     * disk; backup operation $100 per TB-year; engineer $60/h loaded; compensation $0.01 per user-hour and $5 per
     * user with loss (free webmail: goodwill, not contractual; assumptions).
     */
    public static final CostSpec PRICES_2008 = new CostSpec("USD", 200, 5000, 300, 5, 12.6, 20, 100, 60, 0.01, 5);

    /**
     * Present-day prices for planners, US dollars: a 16 TB disk at about $0.014/GB = $224 (Backblaze, "Hard Drive
     * Cost Per Gigabyte", 2022); storage server $8,000 and backup capacity $25/TB (object storage or tape;
     * assumptions); 5-year depreciation; power 8 W x 8,760 h x PUE 1.4 x $0.15/kWh = $14.7 per disk-year; restock $20;
     * backup operation $20 per TB-year; engineer $100/h loaded; compensation $0.01 per user-hour and $5 per user
     * with loss (assumptions).
     */
    public static final CostSpec PRICES_TODAY = new CostSpec("USD", 224, 8000, 25, 5, 14.7, 20, 20, 100, 0.01, 5);

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
