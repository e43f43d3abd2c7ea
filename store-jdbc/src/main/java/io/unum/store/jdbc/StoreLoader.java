package io.unum.store.jdbc;

import io.unum.model.ProfileId;
import io.unum.model.RecordKey;
import io.unum.model.SourceRecord;
import io.unum.store.GraphStore;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Fills a store's in-memory copy from its tables when {@link JdbcGraphStore} opens.
 *
 * <h2>Design</h2>
 * Decoding the rows' JSON was half of an open on one thread; each row decodes on its own, so the
 * open runs as a pipeline over all cores: a <em>reader</em> thread steps through a table's result
 * set and hands batches of raw rows ({@value #BATCH} at a time) to a <em>decoding</em> pool, one
 * thread per processor; the calling thread applies the decoded batches to the in-memory
 * transaction in row order (the transaction has one writer). At most {@code 4 × threads} batches
 * are in flight, which bounds the memory of rows read but not yet applied. The tables are read in
 * the order the profiles' ids, records, links, then the small ones.
 *
 * <p>While the links are decoded, the decoding threads read the transaction (a record's ordinal)
 * while the calling thread writes only what those reads do not touch (adjacency): the record
 * rows were all applied before, and handing a batch to the pool orders those writes before the
 * reads.
 *
 * <p>A record's JSON is decoded from its column's UTF-8 bytes (SQLite's as stored, PostgreSQL's as
 * sent) by a {@link RecordDecoder} per thread (Jackson for any row of another shape).
 *
 * <p>Golden profiles are not decoded: only their ids are read (one object per id, the one the
 * records hold), and {@link StoredProfiles} decodes a profile from its row when it is first
 * asked for.
 *
 * <p>If anything fails, the reader stops, the pool is shut down and the exception reaches
 * {@link JdbcGraphStore#open}, which discards the store. Not thread-safe: one load per instance.
 */
final class StoreLoader {

    static final int BATCH = 1024;
    /** Block memberships handed to the transaction at once (at most 64 MiB of buffers). */
    private static final int MEMBERSHIPS = 1 << 22;
    private static final int FETCH_SIZE = 4096;

    private final Connection connection;
    private final String location;
    private final GraphStore.Transaction tx;
    private final int threads;
    private final ExecutorService decoders;
    private final ExecutorService reader;
    /** Every profile id the store names, one object per id (the profiles' first, then any others). */
    private final ProfileIds profileIds = new ProfileIds();
    /** One record decoder per decoding thread (gone with the pool's threads). */
    private final ThreadLocal<RecordDecoder> recordDecoders = ThreadLocal.withInitial(RecordDecoder::new);
    private long sequence;
    private final List<ProfileId> profiles = new ArrayList<>();
    private final Memberships memberships = new Memberships();

    private StoreLoader(Connection connection, String location, GraphStore.Transaction tx, int threads) {
        this.connection = connection;
        this.location = location;
        this.tx = tx;
        this.threads = threads;
        this.decoders = Executors.newFixedThreadPool(threads, daemons("unum-store-open-decode"));
        this.reader = Executors.newSingleThreadExecutor(daemons("unum-store-open-read"));
    }

    /**
     * What a load found besides the in-memory copy.
     *
     * @param sequence the store's change sequence ({@code unum_meta})
     * @param profiles the ids of the stored profiles, not read
     */
    record Loaded(long sequence, List<ProfileId> profiles) {
    }

    /** Reads the tables into {@code memory} in one in-memory transaction. */
    static Loaded load(Connection connection, String location, GraphStore memory) throws SQLException {
        try (GraphStore.Transaction tx = memory.begin()) {
            StoreLoader loader = new StoreLoader(connection, location, tx,
                    Math.max(1, Runtime.getRuntime().availableProcessors()));
            try {
                loader.run();
            } finally {
                loader.decoders.shutdownNow();
                loader.reader.shutdownNow();
            }
            tx.commit();
            return new Loaded(loader.sequence, loader.profiles);
        }
    }

    private void run() throws SQLException {
        profiles();
        records();
        edges();
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT absorbed, merged_into FROM unum_aliases")) {
                while (rs.next()) {
                    tx.putAlias(ProfileId.of(rs.getString(1)), profileIds.get(rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT hash, erased_at FROM unum_suppression")) {
                while (rs.next()) {
                    tx.suppress(rs.getString(1), Instant.parse(rs.getString(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT name, value FROM unum_meta")) {
                while (rs.next()) {
                    if (rs.getString(1).equals(JdbcGraphStore.SEQUENCE)) {
                        sequence = Long.parseLong(rs.getString(2));
                    } else {
                        tx.putMeta(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
    }

    /**
     * A row as read: the record's JSON and its profile id as the UTF-8 bytes of their text
     * columns (both drivers hand a text column's bytes out as they came: SQLite as stored,
     * PostgreSQL's in the connection's UTF-8 encoding).
     */
    private record RecordRow(byte[] utf8, byte[] profile, byte[] blockKeys, byte[] features) {
    }

    /**
     * A decoded row: the record, its profile id object, its block keys and their tags, and its
     * features' stored form (handed to the engine as the record's derived data, or {@code null}).
     */
    private record DecodedRecord(SourceRecord record, ProfileId profile, long[] keys, int[] tags, byte[] features) {
    }

    private void records() throws SQLException {
        this.<RecordRow, DecodedRecord>pipeline("SELECT record, profile_id, block_keys, features FROM unum_records",
                rs -> new RecordRow(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4)),
                row -> {
                    SourceRecord record = recordDecoders.get().record(row.utf8);
                    ByteBuffer buffer = ByteBuffer.wrap(row.blockKeys);
                    int n = row.blockKeys.length / 12;
                    long[] keys = new long[n];
                    int[] tags = new int[n];
                    for (int i = 0; i < n; i++) {
                        keys[i] = buffer.getLong();
                        tags[i] = buffer.getInt();
                    }
                    ProfileId profile = profileIds.get(row.profile);
                    return new DecodedRecord(record, profile, keys, tags, row.features);
                },
                d -> {
                    int o = tx.insert(d.record, d.features);
                    if (d.profile != null) {
                        tx.setProfileOf(o, d.profile);
                    }
                    for (int i = 0; i < d.keys.length; i++) {
                        memberships.add(d.keys[i], d.tags[i], o);
                    }
                });
        memberships.flush();
    }

    /**
     * Block memberships gathered on the calling thread and handed to the transaction
     * {@value #MEMBERSHIPS} at a time, which adds them in the order its block index fills
     * fastest ({@link GraphStore.Transaction#addMembers}).
     */
    private final class Memberships {
        private long[] keys = new long[1024];
        private int[] tags = new int[1024];
        private int[] ordinals = new int[1024];
        private int size;

        void add(long key, int tag, int ordinal) {
            if (size == keys.length) {
                if (size == MEMBERSHIPS) {
                    flush();
                } else {
                    keys = Arrays.copyOf(keys, size * 2);
                    tags = Arrays.copyOf(tags, size * 2);
                    ordinals = Arrays.copyOf(ordinals, size * 2);
                }
            }
            keys[size] = key;
            tags[size] = tag;
            ordinals[size] = ordinal;
            size++;
        }

        void flush() {
            tx.addMembers(keys, tags, ordinals, size);
            size = 0;
        }
    }

    private record EdgeRow(String aSource, String aId, String bSource, String bId, long edge) {
    }

    private void edges() throws SQLException {
        // decoding: the two ordinals (reads of the record index, which no one writes now)
        this.<EdgeRow, long[]>pipeline("SELECT a_source, a_id, b_source, b_id, edge FROM unum_edges",
                rs -> new EdgeRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                row -> new long[] {tx.ordinal(RecordKey.of(row.aSource, row.aId)),
                    tx.ordinal(RecordKey.of(row.bSource, row.bId)), row.edge},
                e -> {
                    if (e[0] < 0 || e[1] < 0) {
                        throw new StoreException("store " + location + " is inconsistent: a link names a record it"
                                + " does not hold");
                    }
                    tx.addEdge((int) e[0], (int) e[1], e[2]);
                });
    }

    /**
     * The ids of the stored profiles (the profiles themselves are read on demand), read first:
     * the records' profile ids are then found among them by their bytes.
     */
    private void profiles() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = s.executeQuery("SELECT id FROM unum_profiles")) {
                while (rs.next()) {
                    profiles.add(profileIds.add(rs.getString(1)));
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // the pipeline

    @FunctionalInterface
    private interface RowReader<R> {
        R read(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    private interface Applier<D> {
        void apply(D decoded) throws SQLException;
    }

    /** A reader's failure, carried through the queue to the calling thread. */
    private static final class ReadFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadFailure(SQLException cause) {
            super(cause);
        }
    }

    /**
     * Runs {@code sql} on the reader thread, decodes its rows on the pool and applies them on the
     * calling thread in row order. Returns once every row is applied and the reader has closed its
     * statement.
     */
    private <R, D> void pipeline(String sql, RowReader<R> read, Function<R, D> decode, Applier<D> apply)
            throws SQLException {
        BlockingQueue<CompletableFuture<List<D>>> queue = new ArrayBlockingQueue<>(4 * threads);
        AtomicBoolean stop = new AtomicBoolean();
        Future<?> reading = reader.submit(() -> {
            CompletableFuture<List<D>> end = CompletableFuture.completedFuture(null);
            try (Statement s = connection.createStatement()) {
                s.setFetchSize(FETCH_SIZE); // PostgreSQL: a cursor, not the whole table in memory
                try (ResultSet rs = s.executeQuery(sql)) {
                    List<R> batch = new ArrayList<>(BATCH);
                    while (!stop.get() && rs.next()) {
                        batch.add(read.read(rs));
                        if (batch.size() == BATCH) {
                            offer(queue, decode(batch, decode), stop);
                            batch = new ArrayList<>(BATCH);
                        }
                    }
                    if (!batch.isEmpty()) {
                        offer(queue, decode(batch, decode), stop);
                    }
                }
            } catch (SQLException e) {
                end = CompletableFuture.failedFuture(new ReadFailure(e));
            } catch (RuntimeException | Error e) {
                end = CompletableFuture.failedFuture(e);
            }
            offer(queue, end, stop);
            return null;
        });
        try {
            while (true) {
                List<D> batch = queue.take().join();
                if (batch == null) {
                    break;
                }
                for (D d : batch) {
                    apply.apply(d);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("opening store " + location + " was interrupted", e);
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ReadFailure f) {
                throw (SQLException) f.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } finally {
            stop.set(true);
            queue.clear();
            awaitReader(reading);
        }
    }

    private <R, D> CompletableFuture<List<D>> decode(List<R> rows, Function<R, D> decode) {
        return CompletableFuture.supplyAsync(() -> {
            List<D> decoded = new ArrayList<>(rows.size());
            for (R row : rows) {
                decoded.add(decode.apply(row));
            }
            return decoded;
        }, decoders);
    }

    /** Puts a batch in the queue, waiting for room unless the calling thread has stopped. */
    private static <T> void offer(BlockingQueue<T> queue, T item, AtomicBoolean stop) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (stop.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitReader(Future<?> reading) {
        boolean interrupted = false;
        while (true) {
            try {
                reading.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                break; // its failure went through the queue
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
