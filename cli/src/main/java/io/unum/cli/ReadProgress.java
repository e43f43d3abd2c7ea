package io.unum.cli;

import io.unum.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reports stage {@code "reading"} in bytes read over the total size of the inputs (or {@code -1}
 * when a size is unknown), about 200 times per run. Single-threaded.
 */
final class ReadProgress {

    static final String STAGE = "reading";
    private static final long UNKNOWN_STEP = 1 << 20;

    private final ProgressListener listener;
    private final long total;
    private final long step;
    private long done;
    private long next;

    ReadProgress(ProgressListener listener, long total) {
        this.listener = Objects.requireNonNull(listener, "listener");
        this.total = total;
        this.step = total > 0 ? Math.max(1, total / 200) : UNKNOWN_STEP;
        this.next = step;
        listener.onProgress(STAGE, 0, total);
    }

    /** Wraps a stream so that its bytes count as read. */
    InputStream wrap(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    advance(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    advance(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(n);
                if (skipped > 0) {
                    advance(skipped);
                }
                return skipped;
            }
        };
    }

    private void advance(long bytes) {
        done += bytes;
        if (done >= next) {
            next = done + step;
            listener.onProgress(STAGE, total >= 0 ? Math.min(done, total) : done, total);
        }
    }

    /** Reports the end of the stage. */
    void finish() {
        listener.onProgress(STAGE, total >= 0 ? total : done, total);
    }
}
