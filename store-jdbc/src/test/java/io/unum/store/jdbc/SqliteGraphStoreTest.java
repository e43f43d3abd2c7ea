package io.unum.store.jdbc;

import io.unum.store.GraphStore;
import io.unum.store.GraphStoreContract;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for SQLite: every store a new file; a restart closes and opens it again. */
class SqliteGraphStoreTest extends GraphStoreContract {

    @TempDir
    Path folder;

    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected GraphStore newStore() {
        return JdbcGraphStore.open(folder.resolve("graph-" + files.incrementAndGet() + ".db").toString());
    }

    @Override
    protected GraphStore reopen(GraphStore store) {
        String location = ((JdbcGraphStore) store).location();
        store.close();
        return JdbcGraphStore.open(location);
    }
}
