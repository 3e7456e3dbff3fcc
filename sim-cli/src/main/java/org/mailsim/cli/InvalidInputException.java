package org.mailsim.cli;

import java.util.List;

/**
 * Input the user can fix (a bad option value, a file that is not what it should be, parts of another run): every
 * command throws this, and {@link Main} alone prints it, one line per message prefixed with the command's name, and
 * exits 2. Never a stack trace.
 */
final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> messages;

    InvalidInputException(String message) {
        this(List.of(message));
    }

    InvalidInputException(List<String> messages) {
        super(String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    List<String> messages() {
        return messages;
    }
}
