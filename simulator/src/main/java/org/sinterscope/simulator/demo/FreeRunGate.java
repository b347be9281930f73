package org.sinterscope.simulator.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.RunLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several cameras on one free-running encoder (an unpaced demo with both stages). Free-running, each
 * camera moves the encoder to the end of the frame it hands out; without a gate the faster camera
 * would drive the web past the slower camera's actuators before its frames are decided, and every
 * command of the slower camera would be late — an artefact of running unpaced, not of the station.
 *
 * <p>Rule, in encoder mm (camera y): a lane may hand out a frame that moves the encoder to {@code d}
 * only when for every lane {@code k}: {@code d ≤ floor(k) + lead(k)}, where {@code floor(k)} is the
 * smallest of (the end of k's oldest frame handed out and not yet decided, the end of the frame k has
 * last asked for or handed out), +∞ for a lane that is done and has nothing undecided. A lane's lead is
 * how far the web may run past its oldest undecided frame: less than the distance from its frames' end
 * to its nearest actuator, so its commands are in time as long as inspecting a frame is shorter than the
 * lead's travel. The cameras' frames thus reach the encoder in order of their position, as on a real
 * line. A wait longer than {@value #MAX_WAIT_MS} ms (a frame that is never decided) is logged and let go.
 * Paced runs need no gate. Thread-safe.
 */
final class FreeRunGate implements RunLedger.Listener {

    static final long MAX_WAIT_MS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(FreeRunGate.class);

    private final Map<String, Lane> lanes = new LinkedHashMap<>();

    /** A new lane for camera {@code cameraId}, the web allowed {@code leadMm} past its oldest undecided frame. */
    synchronized Lane lane(String cameraId, double leadMm) {
        if (!(leadMm >= 0) || !Double.isFinite(leadMm) || lanes.containsKey(cameraId)) {
            throw new IllegalArgumentException("lane " + cameraId + ": lead " + leadMm + " mm must be finite and >= 0, the camera new; "
                    + "lanes " + lanes.keySet());
        }
        Lane l = new Lane(cameraId, leadMm);
        lanes.put(cameraId, l);
        return l;
    }

    /** One camera's place in the gate. */
    final class Lane {
        private final String cameraId;
        private final double leadMm;
        private final TreeMap<Long, Double> undecided = new TreeMap<>();
        private double asked = Double.NEGATIVE_INFINITY;
        private boolean done;

        private Lane(String cameraId, double leadMm) {
            this.cameraId = cameraId;
            this.leadMm = leadMm;
        }

        /**
         * Asks for the frame ending at encoder {@code dueMm} and says, without waiting, whether it may be
         * handed out now (the rule above).
         */
        boolean mayHandOut(double dueMm) {
            synchronized (FreeRunGate.this) {
                asked = Math.max(asked, dueMm);
                FreeRunGate.this.notifyAll();
                return done || allows(dueMm);
            }
        }

        /** Blocks until the frame ending at encoder {@code dueMm} may be handed out (or the lane is done). */
        void await(double dueMm) {
            synchronized (FreeRunGate.this) {
                asked = Math.max(asked, dueMm);
                FreeRunGate.this.notifyAll();
                long end = System.nanoTime() + MAX_WAIT_MS * 1_000_000L;
                while (!done && !allows(dueMm)) {
                    long left = end - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("camera {} waited {} ms for the other cameras at encoder {} mm (floors {}); going on", cameraId,
                                MAX_WAIT_MS, dueMm, floors());
                        return;
                    }
                    try {
                        FreeRunGate.this.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }

        /** Frame {@code sequence}, ending at encoder {@code endMm}, was handed out and awaits its verdict. */
        void handedOut(long sequence, double endMm) {
            synchronized (FreeRunGate.this) {
                undecided.put(sequence, endMm);
                asked = Math.max(asked, endMm);
            }
        }

        /** The camera hands out no more frames. */
        void done() {
            synchronized (FreeRunGate.this) {
                done = true;
                FreeRunGate.this.notifyAll();
            }
        }

        private double floor() {
            double f = done ? Double.POSITIVE_INFINITY : asked;
            for (double d : undecided.values()) {
                f = Math.min(f, d);
            }
            return f;
        }
    }

    /**
     * {@code source} (which moves the encoder itself to the end of each frame it hands out, frame
     * {@code n} ending at {@code (n + 1) · frameLengthMm}) held back by {@code lane}.
     */
    static FrameSource gated(FrameSource source, Lane lane, double frameLengthMm) {
        return new FrameSource() {
            private long handedOut;

            @Override
            public boolean hasNext() {
                boolean more = source.hasNext();
                if (!more) {
                    lane.done();
                }
                return more;
            }

            @Override
            public Frame next() {
                lane.await((handedOut + 1) * frameLengthMm);
                Frame f = source.next();
                handedOut++;
                lane.handedOut(f.sequence(), f.yEndMm());
                return f;
            }

            @Override
            public void stop() {
                lane.done();
                source.stop();
            }

            @Override
            public String describe() {
                return source.describe();
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    private boolean allows(double dueMm) {
        for (Lane k : lanes.values()) {
            if (dueMm > k.floor() + k.leadMm) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Double> floors() {
        Map<String, Double> m = new LinkedHashMap<>();
        lanes.forEach((id, l) -> m.put(id, l.floor()));
        return m;
    }

    @Override
    public synchronized void decided(SegmentVerdict v) {
        Lane l = lanes.get(v.cameraId());
        if (l != null && l.undecided.remove(v.sequence()) != null) {
            notifyAll();
        }
    }

    @Override
    public void frameIn(Frame f) {
        // the lanes learn of frames when their cameras hand them out
    }

    @Override
    public void inspected(FrameInspection fi) {
        // only verdicts free the web
    }

    @Override
    public void alarm(String message) {
        // not the gate's business
    }
}
