package io.unum.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Checks an output directory before a command does any work, so that a run that cannot write its
 * results fails at once, naming the option, the directory and the reason, instead of after the
 * whole resolve.
 */
final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * Creates the directory if needed and proves that a file can be created in it (a probe file,
     * deleted at once). Files the command writes there later replace files of the same name.
     *
     * @param option the option that named it, e.g. {@code --out}
     * @throws CommandLine.ParameterException if it is an existing file, or cannot be created or
     *         written
     */
    static Path prepare(CommandLine commandLine, String option, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + dir + ": is an existing file; "
                    + option + " names a directory to write into");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, option + " " + dir + ": cannot create the directory: "
                    + reason(e, dir));
        }
        try {
            Path probe = Files.createTempFile(dir, ".unum-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, option + " " + dir + ": cannot write into the directory: "
                    + reason(e, dir));
        }
        return dir;
    }

    /**
     * Checks, before any work, that a file can be written: it is not a directory, and its
     * directory can be created and written into ({@link #prepare}). The file itself is written
     * (and replaced) later.
     *
     * @param option the option that named it, e.g. {@code --out}
     * @throws CommandLine.ParameterException naming the option, the path and the reason
     */
    static Path prepareFile(CommandLine commandLine, String option, Path file) {
        if (Files.isDirectory(file)) {
            throw new CommandLine.ParameterException(commandLine, option + " " + file + ": is a directory; "
                    + option + " names the file to write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new CommandLine.ParameterException(commandLine, option + " " + file + ": "
                        + parent + " is a file, not a directory");
            }
            prepare(commandLine, option, parent);
        }
        return file;
    }

    /**
     * Why a file operation failed, as a person says it: {@code "/proc/x: No such file or directory"},
     * never an exception's class name.
     */
    static String reason(IOException e) {
        return reason(e, null);
    }

    /** {@link #reason(IOException)}, without the file's name when it is {@code named}, which the message names already. */
    static String reason(IOException e, Path named) {
        if (!(e instanceof FileSystemException fs)) {
            return e.getMessage() != null ? e.getMessage() : "input/output error";
        }
        String kind;
        if (fs.getReason() != null) {
            kind = fs.getReason();
        } else if (e instanceof AccessDeniedException) {
            kind = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            kind = "no such file or directory";
        } else if (e instanceof FileAlreadyExistsException) {
            kind = "a file of that name exists";
        } else if (e instanceof NotDirectoryException) {
            kind = "not a directory";
        } else {
            kind = "failed";
        }
        boolean known = fs.getFile() == null || (named != null && fs.getFile().equals(named.toString()));
        return known ? kind : fs.getFile() + ": " + kind;
    }
}
