package io.unum.cli;

/**
 * An input the CLI cannot read as asked. The message names the input, the row or line and the
 * column or option at fault, never a personal value.
 */
final class InputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    InputException(String message) {
        super(message);
    }

    InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
