package org.sinterscope.routes.assembly;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.LineEncoder;

/**
 * An encoder whose position is reported to it: by the camera's line counter (each delivered
 * frame's last line, i.e. lines × mm per line from the start of the roll) or by the PLC (a node or
 * topic with the position in mm). The position never decreases: a smaller report (a message out
 * of order) is ignored. Thread-safe.
 */
public final class ReportedEncoder implements LineEncoder {

    private volatile double positionMm;
    private volatile long reports;

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

    /** How many positions were reported. */
    public long reports() {
        return reports;
    }
}
