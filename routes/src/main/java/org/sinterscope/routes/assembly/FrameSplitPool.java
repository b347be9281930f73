package org.sinterscope.routes.assembly;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.sinterscope.inspection.SplitWork;

/**
 * The station's helper threads for frames split in two parts ({@link SplitWork}): setting
 * {@value #THREADS} daemon threads ({@code frame-split-N}), shared by all of the station's
 * inspectors that split; none when it is 0. Closed with the station: parts still queued then are run
 * by their inspection threads. The bench uses one the same way.
 */
public final class FrameSplitPool implements AutoCloseable {

    public static final String THREADS = "sinterscope.inspection.split-threads";
    static final int MAX_THREADS = 64;

    private final ExecutorService pool;

    private FrameSplitPool(ExecutorService pool) {
        this.pool = pool;
    }

    /** {@code threads} helper threads (0..{@value #MAX_THREADS}; 0: none, frames stay on their inspection threads). */
    public static FrameSplitPool start(int threads) {
        if (threads < 0 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("station setting '" + THREADS + "' must be 0.." + MAX_THREADS + ", got " + threads);
        }
        if (threads == 0) {
            return new FrameSplitPool(null);
        }
        AtomicInteger n = new AtomicInteger();
        return new FrameSplitPool(Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "frame-split-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }));
    }

    /** How the station's inspectors split a frame: on these threads, or all on the inspection thread. */
    public SplitWork work() {
        return pool == null ? SplitWork.INLINE : SplitWork.on(pool);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
