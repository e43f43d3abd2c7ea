package io.unum.store.jdbc;

/**
 * A store could not be opened, read or written: the database refused, the file is locked by
 * another writer, the schema is newer than this Unum. The message says what and where; it never
 * holds a personal value. The cause, when there is one, is the driver's exception.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message. */
    public StoreException(String message) {
        super(message);
    }

    /** With a message and the driver's exception. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
