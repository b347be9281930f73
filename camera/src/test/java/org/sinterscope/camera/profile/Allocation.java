package org.sinterscope.camera.profile;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated and CPU time used on the calling thread while running an action (HotSpot's
 * per-thread counters): both measure the work done, unlike wall time on a loaded machine.
 */
final class Allocation {

    interface Action {
        void run() throws Exception;
    }

    /** What the action did: bytes allocated and CPU milliseconds on this thread, the exception it threw (or null). */
    record Measured(long bytes, long cpuMillis, Throwable thrown) {
    }

    private Allocation() {
    }

    static Measured measure(Action action) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        long t0 = mx.getCurrentThreadCpuTime();
        Throwable thrown = null;
        try {
            action.run();
        } catch (Exception | OutOfMemoryError e) {
            thrown = e;
        }
        long cpu = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
        return new Measured(mx.getThreadAllocatedBytes(id) - before, cpu, thrown);
    }
}
