package org.sinterscope.simulator.demo;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much room the station had in a run, and what the process's memory did.
 *
 * @param inspectionBusyFraction summed inspection time / (wall time first frame in → last verdict × pool
 *                               size): 1 means the pool never rested
 * @param maxFrameQueueDepth     the most frames waiting in the frame queue at one time
 * @param maxFrameWaitMs         the longest a frame waited from complete to the start of its inspection, ms
 * @param behindAlarms           "station behind the line" alarms raised
 * @param simulatorBufferFrames  frames the simulator renders ahead of the camera
 * @param simulatorWaitSeconds   time the camera waited for the simulator, s (0 when the simulator keeps ahead)
 * @param simulatorLateFrames    paced frames the renderer finished more than 50 ms after their moment
 * @param simulatorCpuMsPerFrame the renderer's own CPU time per frame, ms (steady on a busy machine, unlike
 *                               {@code simulatorMpxPerSecond}, which is timed in wall time)
 * @param memoryStart            memory once the run had warmed up (after its first frames)
 * @param memoryEnd              memory when the last verdict was in
 * @param peakRssMb              the largest resident set sampled during the run (once a second), MB
 */
public record Headroom(double inspectionBusyFraction, long maxFrameQueueDepth, double maxFrameWaitMs, long behindAlarms,
                       int simulatorBufferFrames, double simulatorWaitSeconds, long simulatorLateFrames, double simulatorCpuMsPerFrame,
                       MemorySnapshot memoryStart, MemorySnapshot memoryEnd, double peakRssMb) {

    /**
     * Samples the memory once a second on a daemon thread: the start snapshot once
     * {@code framesIn} reaches {@code warmUpFrames}, and the peak resident set throughout; logs
     * the memory once a minute (a long run leaves a trace even when it is stopped).
     */
    static final class MemoryWatch implements AutoCloseable {
        private static final Logger LOG = LoggerFactory.getLogger(MemoryWatch.class);
        private final Thread thread;
        private volatile boolean done;
        private volatile MemorySnapshot start;
        private volatile double peakRssMb;

        MemoryWatch(LongSupplier framesIn, long warmUpFrames) {
            thread = new Thread(() -> {
                long n = 0;
                while (!done) {
                    MemorySnapshot m = MemorySnapshot.now();
                    peakRssMb = Math.max(peakRssMb, m.rssMb());
                    long frames = framesIn.getAsLong();
                    if (start == null && frames >= warmUpFrames) {
                        start = m;
                    }
                    if (n++ % 60 == 0) {
                        LOG.info("memory after {} frames: {}", frames, m);
                    }
                    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                }
            }, "demo-memory-watch");
            thread.setDaemon(true);
            thread.start();
        }

        /** The start snapshot, or {@code fallback} when the run never warmed up. */
        MemorySnapshot start(MemorySnapshot fallback) {
            return start == null ? fallback : start;
        }

        double peakRssMb(MemorySnapshot end) {
            return Math.max(peakRssMb, end.rssMb());
        }

        @Override
        public void close() {
            done = true;
            LockSupport.unpark(thread);
        }
    }
}
