package io.unum.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployed jars work on the module path, as an application with a {@code module-info} uses
 * them: they resolve with their dependencies (libphonenumber and the PostgreSQL driver as automatic
 * modules), core hides its internals, matchers provides the rule set "customer" to
 * {@link ServiceLoader}, and the JDBC store opens a SQLite file from inside a module layer.
 *
 * <p>The examples' own tests run on the class path; this test builds a module layer from the
 * modular jars and directories on that class path.
 */
class ModulePathTest {

    @TempDir
    Path folder;

    @Test
    void theDeployedModulesResolveAndWorkOnTheModulePath() throws Exception {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            boolean modularDirectory = Files.isDirectory(path) && Files.exists(path.resolve("module-info.class"));
            boolean jar = Files.isRegularFile(path) && entry.endsWith(".jar")
                    && !path.getFileName().toString().startsWith("surefire");
            if (modularDirectory || jar) {
                entries.add(path);
            }
        }
        ModuleFinder finder = ModuleFinder.of(entries.toArray(Path[]::new));
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(finder, ModuleFinder.of(), Set.of("io.unum.matchers", "io.unum.store.jdbc"));
        ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
                ClassLoader.getPlatformClassLoader());

        Set<String> resolved = new TreeSet<>();
        configuration.modules().forEach(module -> resolved.add(module.name()));
        assertTrue(resolved.containsAll(Set.of("io.unum.core", "io.unum.matchers", "io.unum.store.jdbc",
                "org.slf4j", "com.google.i18n.phonenumbers.libphonenumber", "org.apache.commons.codec",
                "com.fasterxml.jackson.databind", "org.xerial.sqlitejdbc")), resolved::toString);
        assertTrue(resolved.contains("org.postgresql.jdbc"),
                () -> "service binding brings in the PostgreSQL driver (java.sql.Driver): " + resolved);

        Module core = layer.findModule("io.unum.core").orElseThrow();
        for (String api : List.of("io.unum", "io.unum.model", "io.unum.rules", "io.unum.spi", "io.unum.store",
                "io.unum.evaluation", "io.unum.privacy", "io.unum.training")) {
            assertTrue(core.isExported(api), api);
        }
        assertFalse(core.isExported("io.unum.internal"), "io.unum.internal is not API");
        assertTrue(layer.findModule("io.unum.store.jdbc").orElseThrow().isExported("io.unum.store.jdbc"));
        assertFalse(layer.findModule("io.unum.matchers").orElseThrow().isExported("io.unum.matchers.internal"));

        // matchers provides the rule set "customer" to core's ServiceLoader
        ClassLoader loader = layer.findLoader("io.unum.core");
        Class<?> providerType = loader.loadClass("io.unum.spi.RuleSetProvider");
        List<String> names = new ArrayList<>();
        for (Object provider : ServiceLoader.load(layer, providerType)) {
            names.add((String) providerType.getMethod("name").invoke(provider));
        }
        assertEquals(List.of("customer"), names);

        // the JDBC store opens, writes its schema to and closes a SQLite file from inside the
        // layer. DriverManager finds drivers once per JVM, with the class path's loader (this
        // test must not change that for the other tests); a modular application's drivers are
        // found by the same ServiceLoader, here the layer's copy registers itself when loaded.
        DriverManager.getDrivers();
        Class.forName("org.sqlite.JDBC", true, layer.findLoader("org.xerial.sqlitejdbc"));
        Class<?> store = layer.findLoader("io.unum.store.jdbc").loadClass("io.unum.store.jdbc.JdbcGraphStore");
        Path file = folder.resolve("graph.db");
        Object opened = store.getMethod("open", String.class).invoke(null, file.toString());
        Method close = store.getMethod("close");
        close.invoke(opened);
        assertTrue(Files.size(file) > 0, "the SQLite file was written");
    }
}
