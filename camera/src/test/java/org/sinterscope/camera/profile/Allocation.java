package org.sinterscope.camera.profile;

import java.lang.management.ManagementFactory;

/** Bytes allocated on the calling thread while running an action (HotSpot's per-thread counter). */
final class Allocation {

    interface Action {
        void run() throws Exception;
    }

    /** What the action did: bytes allocated on this thread, wall time, and the exception it threw (or null). */
    record Measured(long bytes, long millis, Throwable thrown) {
    }

    private Allocation() {
    }

    static Measured measure(Action action) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        long t0 = System.nanoTime();
        Throwable thrown = null;
        try {
            action.run();
        } catch (Exception | OutOfMemoryError e) {
            thrown = e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Measured(mx.getThreadAllocatedBytes(id) - before, millis, thrown);
    }
}
