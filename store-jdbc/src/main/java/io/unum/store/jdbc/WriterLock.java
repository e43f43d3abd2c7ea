package io.unum.store.jdbc;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One writer per store: SQLite takes an exclusive lock on a file beside the database (readers
 * of the database are not affected); PostgreSQL takes a session advisory lock keyed by the
 * database and schema. Either is released when the store closes or its process dies.
 */
abstract class WriterLock implements AutoCloseable {

    @Override
    public abstract void close();

    /**
     * The lock files this JVM holds. A second channel must never be opened on a held lock file:
     * closing it (as a refused open does) would release every POSIX lock this process has on
     * the file, the first writer's included.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** The lock file {@code <database>.writer} beside a SQLite database (an absolute path). */
    static WriterLock file(Path database) {
        Path lockFile = database.resolveSibling(database.getFileName() + ".writer");
        Path held;
        try {
            held = lockFile.getParent().toRealPath().resolve(lockFile.getFileName());
        } catch (IOException e) {
            held = lockFile.toAbsolutePath().normalize();
        }
        if (!HELD.add(held)) {
            throw refused(database);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            HELD.remove(held);
            throw new StoreException("cannot create the writer lock " + lockFile + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(held);
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            HELD.remove(held);
            throw refused(database);
        }
        FileLock acquired = lock;
        Path key = held;
        return new WriterLock() {
            @Override
            public void close() {
                try {
                    acquired.release();
                } catch (IOException ignored) {
                    // released with the channel below
                }
                closeQuietly(channel);
                HELD.remove(key); // only now may this JVM open the lock file again
            }
        };
    }

    private static StoreException refused(Path database) {
        return new StoreException("store " + database + " is already open for writing (by this or another process);"
                + " one writer at a time: close the other one, or read the tables with SQL");
    }

    /** A PostgreSQL session advisory lock on the connection's database and schema. */
    static WriterLock advisory(Connection connection) {
        long key;
        try (PreparedStatement where = connection.prepareStatement("SELECT current_database(), current_schema()");
                ResultSet rs = where.executeQuery()) {
            rs.next();
            key = lockKey(rs.getString(1) + "." + rs.getString(2));
        } catch (SQLException e) {
            throw new StoreException("cannot read the database name: " + e.getMessage(), e);
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new StoreException("the store in this database and schema is already open for writing by"
                            + " another session; one writer at a time: close the other one, or read the tables with SQL");
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new StoreException("cannot take the writer lock: " + e.getMessage(), e);
        }
        return new WriterLock() {
            @Override
            public void close() {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, key);
                    unlock.execute();
                    connection.commit();
                } catch (SQLException ignored) {
                    // the lock goes with the session when the connection closes
                }
            }
        };
    }

    /** A 64-bit key for a name (FNV-1a), stable across processes. */
    static long lockKey(String name) {
        long h = 0xcbf29ce484222325L ^ 0x756e756dL;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
