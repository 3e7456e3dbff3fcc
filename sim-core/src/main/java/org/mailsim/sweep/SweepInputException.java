package org.mailsim.sweep;

/**
 * A sweep cannot start because of what the user gave it: a malformed grid or target, or an output folder holding
 * the state of a different sweep. The command line reports the message alone and exits with code 2.
 */
public final class SweepInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SweepInputException(String message) {
        super(message);
    }
}
