package org.mailsim.model.operations;

/**
 * The hardware a configuration buys, for capital and running costs.
 *
 * @param disks            disks in arrays, parity and mirrors included
 * @param hotSpares        spare disks spinning in enclosures (they draw power)
 * @param coldSpares       spare disks on a shelf
 * @param servers          storage servers
 * @param backupTerabytes  backup capacity ({@link BackupPolicy#backupStorageTerabytes})
 */
public record Fleet(long disks, long hotSpares, long coldSpares, long servers, double backupTerabytes) {
    public Fleet {
        if (disks < 0 || hotSpares < 0 || coldSpares < 0 || servers < 0 || !(backupTerabytes >= 0)) {
            throw new IllegalArgumentException("fleet counts must be non-negative: " + disks + ", " + hotSpares + ", "
                    + coldSpares + ", " + servers + ", " + backupTerabytes);
        }
    }
}
