package io.unum.matchers;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

/**
 * Prints why a test or a test class was skipped (a failed assumption: the public data folder or
 * a PostgreSQL server is absent) on the console, where surefire's counts alone do not say it.
 * Registered for every test of the module by {@code junit-platform.properties} (extension
 * auto-detection) and {@code META-INF/services}; writes to the process's own standard error,
 * which surefire does not redirect into its report files.
 */
public final class SkipReasons implements TestWatcher, LifecycleMethodExecutionExceptionHandler {

    private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
            StandardCharsets.UTF_8);

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        print(context, cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        CONSOLE.println("[SKIPPED] " + name(context) + ": " + reason.orElse("disabled"));
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof TestAbortedException) {
            print(context, throwable);
        }
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (throwable instanceof TestAbortedException) {
            print(context, throwable);
        }
        throw throwable;
    }

    private static void print(ExtensionContext context, Throwable cause) {
        CONSOLE.println("[SKIPPED] " + name(context) + ": " + (cause == null || cause.getMessage() == null
                ? "assumption not met" : cause.getMessage()));
    }

    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getSimpleName() + context.getTestMethod().map(m -> "." + m.getName())
                .orElse("");
    }
}
