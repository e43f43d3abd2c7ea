/**
 * Unum's durable identity graph: a {@link io.unum.store.GraphStore} in SQLite (embedded, the
 * default) or PostgreSQL over JDBC.
 *
 * <p>The PostgreSQL driver ({@code org.postgresql.jdbc}, an automatic module) is found through
 * {@link java.sql.DriverManager}, so it is not required here: put it on the module path (or add
 * it with {@code --add-modules}) to open {@code jdbc:postgresql:} locations.
 */
@SuppressWarnings("requires-automatic")
module io.unum.store.jdbc {
    requires transitive io.unum.core;
    requires java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.xerial.sqlitejdbc;

    exports io.unum.store.jdbc;
}
