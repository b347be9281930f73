package org.sinterscope.routes.assembly;

import java.util.function.LongSupplier;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.LineEncoder;

/**
 * An encoder whose position is reported to it: by the camera's line counter (each delivered
 * frame's last line, i.e. lines × mm per line from the start of the roll) or by the PLC (a node or
 * topic with the position in mm). The position never decreases: a smaller report (a message out
 * of order) is ignored. Thread-safe.
 */
public final class ReportedEncoder implements LineEncoder {

    private final LongSupplier nanoClock;
    private volatile double positionMm;
    private volatile long reports;
    private volatile long advances;
    private volatile long lastAdvanceNanos;

    public ReportedEncoder() {
        this(System::nanoTime);
    }

    /** @param nanoClock the monotonic clock that stamps advances ({@link System#nanoTime()}) */
    public ReportedEncoder(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.lastAdvanceNanos = nanoClock.getAsLong();
    }

    @Override
    public double positionMm() {
        return positionMm;
    }

    /** The web has passed up to {@code yMm}. */
    public synchronized void advanceTo(double yMm) {
        if (!Double.isFinite(yMm)) {
            throw new IllegalArgumentException("encoder position must be finite, got " + yMm);
        }
        reports++;
        if (yMm > positionMm) {
            positionMm = yMm;
            advances++;
            lastAdvanceNanos = nanoClock.getAsLong();
        }
    }

    /** The web has passed this frame's last line. */
    public void frameDelivered(Frame f) {
        advanceTo(f.yEndMm());
    }

    /** A PLC message: the position in mm as text (surrounding blanks allowed). */
    public void report(String body) {
        String t = body == null ? "" : body.trim();
        try {
            advanceTo(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("encoder message is not a position in mm: '" + t + "'", e);
        }
    }

    /** How many reports moved the position forward. */
    public long advances() {
        return advances;
    }

    /** When the position last moved forward ({@code nanoClock}); the creation time before that. */
    public long lastAdvanceNanos() {
        return lastAdvanceNanos;
    }

    /** How many positions were reported. */
    public long reports() {
        return reports;
    }
}
