package org.mailsim.model.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsim.Hours;
import org.mailsim.run.Metric;
import org.mailsim.run.ReplicationResult;

/**
 * Cost of a configuration over a horizon: capital (depreciated straight-line over the hardware life, so a 10-day
 * replay carries 10 days of it and a 10-year plan two generations), running costs and incident costs.
 *
 * <ul>
 *   <li>capital.disks = disks x diskPrice x years / life; capital.spares likewise for hot and cold spares;
 *       capital.servers; capital.backupStorage = backup TB x price per TB x years / life;</li>
 *   <li>running.power = (disks + hot spares) x powerPerDiskYear x years; running.restocking = disk failures x
 *       (diskPrice + restockFeePerDisk); running.backupOperation = backup TB x price per TB-year x years;</li>
 *   <li>incident.vendor = vendor fees; incident.engineers = engineer hours x rate; incident.outageCompensation =
 *       user-hours unavailable x rate; incident.lossCompensation = users with loss x rate.</li>
 * </ul>
 * Years are 365 days (docs/model.md, "Units").
 */
public final class CostModel {

    /** The breakdown keys, in report order. */
    public static final String[] KEYS = {
        "capital.disks", "capital.spares", "capital.servers", "capital.backupStorage",
        "running.power", "running.restocking", "running.backupOperation",
        "incident.vendor", "incident.engineers", "incident.outageCompensation", "incident.lossCompensation"};

    private final CostSpec prices;

    public CostModel(CostSpec prices) {
        this.prices = prices;
    }

    public CostSpec prices() {
        return prices;
    }

    public Breakdown breakdown(Fleet fleet, CostUsage usage, double horizonHours) {
        double years = horizonHours / Hours.PER_YEAR;
        double depreciated = years / prices.hardwareLifeYears();
        double[] v = {
            fleet.disks() * prices.diskPrice() * depreciated,
            (fleet.hotSpares() + fleet.coldSpares()) * prices.diskPrice() * depreciated,
            fleet.servers() * prices.serverPrice() * depreciated,
            fleet.backupTerabytes() * prices.backupStoragePricePerTB() * depreciated,
            (fleet.disks() + fleet.hotSpares()) * prices.powerPerDiskYear() * years,
            usage.diskFailures() * (prices.diskPrice() + prices.restockFeePerDisk()),
            fleet.backupTerabytes() * prices.backupOperationPerTBYear() * years,
            usage.vendorFees(),
            usage.engineerHours() * prices.engineerHourRate(),
            usage.userHoursUnavailable() * prices.compensationPerUserHour(),
            usage.usersWithLoss() * prices.compensationPerUserWithLoss()};
        return new Breakdown(v);
    }

    /** A cost breakdown: an amount per {@link #KEYS} entry and their total. */
    public record Breakdown(double[] amounts) {
        public Breakdown {
            if (amounts.length != KEYS.length) {
                throw new IllegalArgumentException("expected " + KEYS.length + " amounts, got " + amounts.length);
            }
            amounts = amounts.clone();
        }

        @Override
        public double[] amounts() {
            return amounts.clone();
        }

        /** The amount of item {@code KEYS[index]} (without copying the amounts, as {@link #amounts()} does). */
        public double amount(int index) {
            return amounts[index];
        }

        public double amount(String key) {
            for (int i = 0; i < KEYS.length; i++) {
                if (KEYS[i].equals(key)) {
                    return amounts[i];
                }
            }
            throw new IllegalArgumentException("unknown cost item " + key);
        }

        public double total() {
            double sum = 0;
            for (double a : amounts) {
                sum += a;
            }
            return sum;
        }

        /** The items in report order (an unmodifiable insertion-ordered map). */
        public Map<String, Double> asMap() {
            Map<String, Double> map = new LinkedHashMap<>();
            for (int i = 0; i < KEYS.length; i++) {
                map.put(KEYS[i], amounts[i]);
            }
            return Collections.unmodifiableMap(map);
        }

        /** Item-wise sum, e.g. for a mean over replications (then {@link #scaled} by 1/n). */
        public Breakdown plus(Breakdown other) {
            double[] sum = amounts.clone();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += other.amounts[i];
            }
            return new Breakdown(sum);
        }

        public Breakdown scaled(double factor) {
            double[] s = amounts.clone();
            for (int i = 0; i < s.length; i++) {
                s[i] *= factor;
            }
            return new Breakdown(s);
        }

        /** Sets the replication's totalCost metric. */
        public void contributeTo(ReplicationResult.Builder result) {
            result.set(Metric.TOTAL_COST, total());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Breakdown b && java.util.Arrays.equals(amounts, b.amounts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(amounts);
        }
    }
}
