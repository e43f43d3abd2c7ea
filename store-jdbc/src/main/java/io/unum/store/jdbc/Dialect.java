package io.unum.store.jdbc;

import java.util.List;

/**
 * The two SQL dialects of the one schema: SQLite (embedded default) and PostgreSQL. Only the
 * column types differ; every statement the store runs is the same text in both (upserts are
 * {@code INSERT … ON CONFLICT … DO UPDATE}, which both understand).
 */
enum Dialect {
    SQLITE("INTEGER", "BLOB"),
    POSTGRESQL("BIGINT", "BYTEA");

    private final String bigint;
    private final String bytes;

    Dialect(String bigint, String bytes) {
        this.bigint = bigint;
        this.bytes = bytes;
    }

    /**
     * The statements that create schema version {@code version} from version {@code version - 1}
     * (version 1 from nothing).
     */
    List<String> migration(int version) {
        if (version == 1) {
            return List.of(
                    "CREATE TABLE unum_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "CREATE TABLE unum_records (source TEXT NOT NULL, id TEXT NOT NULL, observed_at TEXT NOT NULL,"
                            + " record TEXT NOT NULL, profile_id TEXT, block_keys " + bytes + " NOT NULL,"
                            + " PRIMARY KEY (source, id))",
                    "CREATE INDEX unum_records_profile ON unum_records (profile_id)",
                    "CREATE TABLE unum_edges (a_source TEXT NOT NULL, a_id TEXT NOT NULL, b_source TEXT NOT NULL,"
                            + " b_id TEXT NOT NULL, edge " + bigint + " NOT NULL, PRIMARY KEY (a_source, a_id, b_source, b_id))",
                    "CREATE INDEX unum_edges_b ON unum_edges (b_source, b_id)",
                    "CREATE TABLE unum_profiles (id TEXT PRIMARY KEY, version " + bigint + " NOT NULL,"
                            + " members INTEGER NOT NULL, profile TEXT NOT NULL)",
                    "CREATE TABLE unum_identifiers (profile_id TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL,"
                            + " PRIMARY KEY (profile_id, type, value))",
                    "CREATE INDEX unum_identifiers_value ON unum_identifiers (type, value)",
                    "CREATE TABLE unum_aliases (absorbed TEXT PRIMARY KEY, merged_into TEXT NOT NULL)",
                    "CREATE TABLE unum_suppression (hash TEXT PRIMARY KEY, erased_at TEXT NOT NULL)",
                    "CREATE TABLE unum_changes (seq " + bigint + " NOT NULL, item INTEGER NOT NULL, kind TEXT NOT NULL,"
                            + " profile_id TEXT NOT NULL, related TEXT, recorded_at TEXT NOT NULL, PRIMARY KEY (seq, item))");
        }
        if (version == 2) {
            // the records' features in their stored form (opaque to SQL; NULL: derived again at open)
            return List.of("ALTER TABLE unum_records ADD COLUMN features " + bytes);
        }
        throw new IllegalArgumentException("no schema version " + version);
    }
}
