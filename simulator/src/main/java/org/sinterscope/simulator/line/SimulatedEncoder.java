package org.sinterscope.simulator.line;

import java.util.concurrent.atomic.AtomicLong;

import org.sinterscope.camera.LineEncoder;

/**
 * A line encoder for the simulated line, in one of two modes.
 *
 * <ul>
 *   <li><b>paced</b>: the web moves at {@code lineSpeedMPerMin} from {@link #start()}; the
 *   position is speed × elapsed time, as on a real line.</li>
 *   <li><b>free-running</b> (unpaced, for throughput runs): the web is wherever the camera has
 *   got to; the source moves it with {@link #advanceTo(double)}, and the end of a run moves it past
 *   the last actuator.</li>
 * </ul>
 * Thread-safe.
 */
public final class SimulatedEncoder implements LineEncoder {

    private final boolean paced;
    private final double mmPerNano;
    private final AtomicLong startNanos = new AtomicLong(Long.MIN_VALUE);
    /** Free-running position (or a forced minimum when paced), as raw double bits. */
    private final AtomicLong positionBits = new AtomicLong(Double.doubleToRawLongBits(0.0));

    private SimulatedEncoder(boolean paced, double lineSpeedMPerMin) {
        if (paced && !(lineSpeedMPerMin > 0)) {
            throw new IllegalArgumentException("a paced encoder needs a line speed > 0 m/min, got " + lineSpeedMPerMin);
        }
        this.paced = paced;
        this.mmPerNano = lineSpeedMPerMin * 1000.0 / 60.0 / 1e9;
    }

    public static SimulatedEncoder paced(double lineSpeedMPerMin) {
        return new SimulatedEncoder(true, lineSpeedMPerMin);
    }

    public static SimulatedEncoder freeRunning() {
        return new SimulatedEncoder(false, 0);
    }

    public boolean isPaced() {
        return paced;
    }

    /** Starts the web moving (paced mode); later calls do nothing. */
    public void start() {
        startNanos.compareAndSet(Long.MIN_VALUE, System.nanoTime());
    }

    /** Moves the web forward to at least {@code yMm}; a smaller value is ignored. */
    public void advanceTo(double yMm) {
        positionBits.accumulateAndGet(Double.doubleToRawLongBits(yMm),
                (cur, upd) -> Double.longBitsToDouble(upd) > Double.longBitsToDouble(cur) ? upd : cur);
    }

    /** Wall-clock nanos (System.nanoTime base) at which a paced web reaches {@code yMm}. */
    public long nanosAt(double yMm) {
        start();
        return startNanos.get() + (long) (yMm / mmPerNano);
    }

    @Override
    public double positionMm() {
        double forced = Double.longBitsToDouble(positionBits.get());
        if (!paced) {
            return forced;
        }
        long t0 = startNanos.get();
        double moving = t0 == Long.MIN_VALUE ? 0.0 : (System.nanoTime() - t0) * mmPerNano;
        return Math.max(moving, forced);
    }
}
