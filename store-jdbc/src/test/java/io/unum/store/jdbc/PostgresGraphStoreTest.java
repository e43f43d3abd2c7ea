package io.unum.store.jdbc;

import io.unum.store.GraphStore;
import io.unum.store.GraphStoreContract;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract for PostgreSQL, every store in a new schema of the server named by
 * {@code UNUM_TEST_POSTGRES_URL} (which {@code .ci/run} starts). Skipped, saying so, without it.
 */
class PostgresGraphStoreTest extends GraphStoreContract {

    private final Map<GraphStore, String> urls = new HashMap<>();

    @BeforeAll
    static void server() {
        Postgres.assumeServer();
    }

    @Override
    protected GraphStore newStore() {
        String url = Postgres.newSchemaUrl();
        GraphStore store = JdbcGraphStore.open(url);
        urls.put(store, url);
        return store;
    }

    @Override
    protected GraphStore reopen(GraphStore store) {
        String url = urls.remove(store);
        store.close();
        GraphStore reopened = JdbcGraphStore.open(url);
        urls.put(reopened, url);
        return reopened;
    }
}
