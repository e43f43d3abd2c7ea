package io.unum.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One readable input: a file or a bundled resource.
 *
 * @param name the file name, which names the default source (without its extension) and picks
 *        the default format (by its extension)
 * @param size the size in bytes, or {@code -1} when unknown
 * @param opener opens the bytes
 */
record InputFile(String name, long size, Opener opener) {

    /** Opens the input's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    InputFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opener, "opener");
    }

    /** A file on disk. */
    static InputFile of(Path path) {
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return new InputFile(path.getFileName().toString(), size, () -> Files.newInputStream(path));
    }

    /** A resource bundled with the CLI. */
    static InputFile resource(String name, String resource) {
        return new InputFile(name, -1, () -> {
            InputStream in = InputFile.class.getResourceAsStream(resource);
            if (in == null) {
                throw new IOException("bundled resource missing: " + resource);
            }
            return in;
        });
    }

    /** The file name without its extension. */
    String baseName() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Lower-case file extension, or empty. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
