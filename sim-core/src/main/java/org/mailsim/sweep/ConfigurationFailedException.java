package org.mailsim.sweep;

/** A configuration's run threw; the sweep stops there, keeping every configuration finished before it. */
public final class ConfigurationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Configuration configuration;

    public ConfigurationFailedException(Configuration configuration, RuntimeException cause) {
        super("configuration " + configuration.id() + " (" + configuration.describe() + ") failed: "
                + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
        this.configuration = configuration;
    }

    public Configuration configuration() {
        return configuration;
    }
}
