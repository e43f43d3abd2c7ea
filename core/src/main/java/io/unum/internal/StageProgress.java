package io.unum.internal;

import io.unum.ProgressListener;
import java.util.concurrent.atomic.AtomicLong;

/** Counts finished units of one stage and reports them at most about a hundred times. */
final class StageProgress {
    private final ProgressListener listener;
    private final String stage;
    private final long total;
    private final long step;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();

    StageProgress(ProgressListener listener, String stage, long total) {
        this.listener = listener;
        this.stage = stage;
        this.total = total;
        this.step = Math.max(1, total / 100);
        if (listener != ProgressListener.NONE && total > 0) {
            listener.onProgress(stage, 0, total);
        }
    }

    void add(long units) {
        if (listener == ProgressListener.NONE) {
            return;
        }
        long now = done.addAndGet(units);
        long last = reported.get();
        if ((now - last >= step || now == total) && reported.compareAndSet(last, now)) {
            listener.onProgress(stage, now, total);
        }
    }
}
