package io.unum;

/**
 * Receives progress reports from a long operation, such as resolving or generating a million
 * records, for a progress bar or a log line.
 *
 * <p><b>Contract.</b>
 * <ul>
 *   <li>{@code stage} names the phase in lower-case words (for example {@code "features"},
 *       {@code "records"}); it is an operational label, never a personal value.</li>
 *   <li>{@code done} counts the units finished so far in that stage, {@code 0 <= done}; within
 *       one stage successive calls from one thread never decrease it. {@code total} is the
 *       number of units the stage expects, or {@code -1} when that is not known in advance;
 *       when it is known, {@code done <= total}, and a stage that completes reports
 *       {@code done == total} last.</li>
 *   <li>Callers report at a coarse grain (at most a few hundred calls per stage), so an
 *       implementation need not throttle, but it must return quickly and must not block.</li>
 *   <li>An implementation must be <b>thread-safe</b>: a parallel operation may call it from
 *       several threads at once, and calls of different threads may arrive out of order.</li>
 *   <li>An implementation should not throw; an exception it throws propagates to, and aborts,
 *       the operation that called it.</li>
 * </ul>
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param stage the phase, non-null
     * @param done the units finished in that phase, at least 0
     * @param total the units expected in that phase, or {@code -1} if unknown
     */
    void onProgress(String stage, long done, long total);
}
