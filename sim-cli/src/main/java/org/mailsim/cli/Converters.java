package org.mailsim.cli;

import org.mailsim.scenario.Units;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option types the commands share; picocli reports a failed conversion as invalid input (exit 2). */
final class Converters {
    private Converters() {
    }

    /** {@code --shard I/N}. */
    static final class ShardConverter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A duration in the scenario's units ({@code 10m}, {@code 12h}, {@code 5d}), as hours. */
    static final class Hours implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                double hours = Units.duration(value);
                if (!(hours > 0)) {
                    throw new TypeConversionException("'" + value + "' is not above 0; accepted: a duration such as"
                            + " 10m, 30s or 1h");
                }
                return hours;
            } catch (Units.UnitException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A thread count, 1 to {@link ThreadsOption#max()}. */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int max = ThreadsOption.max();
            long n;
            try {
                n = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                n = Long.MIN_VALUE;
            }
            if (n < 1 || n > max) {
                throw new TypeConversionException("'" + value + "' is not a thread count; accepted: 1 .. " + max
                        + " (" + ThreadsOption.MAX_PER_CORE + " per core; results are identical for any count)");
            }
            return (int) n;
        }
    }

    /** A count of at least 1 (replications, events). */
    static final class Positive implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a whole number of at least 1");
        }
    }
}
