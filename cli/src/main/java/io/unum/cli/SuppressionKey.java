package io.unum.cli;

import io.unum.privacy.SuppressionList;
import io.unum.store.GraphStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The secret a kept graph's suppression list is keyed with (a picocli mixin for the writers,
 * {@code ingest} and {@code forget}). The store keeps erased identifiers only as keyed hashes;
 * for a later run to recognize them, it must hash with the same secret, and the secret is kept
 * apart from the hashes — in a key file, not in the database — so that whoever reads the
 * tables cannot test whether someone's address was erased.
 *
 * <p>The key file is made by the first {@code forget} (64 hex digits, readable by its owner
 * only): beside a SQLite store as {@code FILE.db.suppression-key} unless
 * {@code --suppression-key} names another; a PostgreSQL store needs {@code --suppression-key}.
 * The store records a check value of the key ({@value #META_CHECK} in {@code unum_meta}: an HMAC
 * of a fixed text, which reveals nothing about the key), so that a writer with a missing or
 * different key is refused rather than silently letting erased people back in.
 */
final class SuppressionKey {

    /** The {@code unum_meta} row holding the key's check value. */
    static final String META_CHECK = "suppression.key_check";
    static final String OPTION = "--suppression-key";
    private static final String SUFFIX = ".suppression-key";

    @Option(names = OPTION, paramLabel = "FILE", description = "The key file of the store's suppression list (the"
            + " keyed hashes of erased identifiers), made by the first forget and kept apart from the database"
            + " (default for a SQLite store: FILE.db" + SUFFIX + " beside it; a PostgreSQL store needs this option"
            + " once it has erasures).")
    Path file;

    /** The key file: the option's, or the default beside a SQLite database ({@code null} for PostgreSQL). */
    private Path path(StoreOptions store) {
        if (file != null) {
            return file;
        }
        if (store.postgres()) {
            return null;
        }
        String location = store.location.startsWith("jdbc:sqlite:") ? store.location.substring("jdbc:sqlite:".length())
                : store.location;
        Path database = Path.of(location).toAbsolutePath();
        return database.resolveSibling(database.getFileName() + SUFFIX);
    }

    /**
     * The suppression list for an open store: keyed with the store's key when it has erasures
     * (or {@code create}, for {@code forget}: the key is made and its check recorded if there is
     * none yet), otherwise an in-memory one.
     *
     * @throws CommandLine.ParameterException naming {@value #OPTION} if the key is needed and
     *     missing, malformed or not the store's
     */
    SuppressionList list(CommandLine commandLine, StoreOptions store, GraphStore graphStore, boolean create) {
        String check = graphStore.snapshot().meta(META_CHECK);
        Path path = path(store);
        if (check == null && !create) {
            return path != null && Files.isRegularFile(path) ? SuppressionList.withSecret(read(commandLine, path))
                    : SuppressionList.inMemory();
        }
        if (path == null) {
            throw new CommandLine.ParameterException(commandLine, OPTION + ": expected the key file of this PostgreSQL"
                    + " store's suppression list (" + (check == null ? "made now if missing" : "the file the first forget"
                    + " made") + "); it is kept apart from the database");
        }
        byte[] key;
        if (Files.isRegularFile(path)) {
            key = read(commandLine, path);
        } else if (check != null) {
            throw new CommandLine.ParameterException(commandLine, OPTION + ": the key file " + path + " is missing; this"
                    + " store has erasures keyed with it, and without it erased people would not be recognized: restore"
                    + " the file, or name it with " + OPTION);
        } else {
            key = create(path);
        }
        String mine = check(key);
        if (check == null) {
            try (GraphStore.Transaction tx = graphStore.begin()) {
                tx.putMeta(META_CHECK, mine);
                tx.commit();
            }
        } else if (!check.equals(mine)) {
            throw new CommandLine.ParameterException(commandLine, OPTION + ": " + path + " is not the key of this store's"
                    + " suppression list (its erasures were keyed with another); give the store's own key file");
        }
        return SuppressionList.withSecret(key);
    }

    private static byte[] read(CommandLine commandLine, Path path) {
        try {
            String text = Files.readString(path, StandardCharsets.US_ASCII).strip();
            byte[] key = text.matches("[0-9a-fA-F]{32,}") && text.length() % 2 == 0 ? HexFormat.of().parseHex(text) : null;
            if (key == null) {
                throw new CommandLine.ParameterException(commandLine, OPTION + ": " + path + " is not a key file; expected"
                        + " at least 32 hexadecimal digits");
            }
            return key;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, OPTION + ": cannot read " + path + ": " + e.getMessage());
        }
    }

    /** A new random 256-bit key, written as hex to a new file readable by its owner only. */
    private static byte[] create(Path path) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Path folder = path.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(path);
            }
            Files.writeString(path, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException(OPTION + ": " + path + " appeared while it was being made; run again");
        } catch (IOException e) {
            throw new IllegalStateException(OPTION + ": cannot write the key file " + path + ": " + e.getMessage(), e);
        }
        return key;
    }

    /** An HMAC-SHA-256 of a fixed text under the key: names the key without revealing it. */
    static String check(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal("unum suppression key check".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is missing from this JVM", e);
        }
    }
}
