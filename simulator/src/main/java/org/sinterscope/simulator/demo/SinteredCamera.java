package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.camera.WebRect;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SinteredFrame;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.camera.Mats;

/**
 * The simulated sintered-layer camera on the demo line: frames from {@link SinteredLayerSimulator}
 * timed by the encoder (paced: a frame is delivered when its last line has passed; unpaced: the
 * encoder is moved to its end), and its ground truth kept for scoring: per frame the true crack
 * length and the true cracks (8-connected components of the crack mask) located on the web.
 *
 * <p>Placement: frame {@code i} images roll y {@code [i · everyMm, i · everyMm + frame length]}
 * ({@code everyMm} = the frame length: the strip is covered whole; more: one frame every
 * {@code everyMm}, a sampling camera). The camera sits {@code downstreamMm} after the encoder's
 * reference point, so it sees roll y when the encoder reads roll y + {@code downstreamMm}; its frames
 * carry that camera y (the station's {@code offset-mm = -downstreamMm} turns it back into roll y) and
 * the truth is kept in roll y. Unpaced with a {@link FreeRunGate} lane, the encoder is moved only as far
 * as the gate lets it (two cameras on one free-running encoder).
 * One consumer (the camera route); {@link #truth()} is safe to call afterwards.
 */
final class SinteredCamera implements FrameSource {

    /**
     * @param cameraId      camera
     * @param sequence      frame number
     * @param y0Mm          frame start, web mm
     * @param y1Mm          frame end, web mm
     * @param crackLengthMm true centre-line length, mm
     * @param cracks        true cracks (connected parts of the crack mask), web mm
     */
    record FrameTruth(String cameraId, long sequence, double y0Mm, double y1Mm, double crackLengthMm, List<WebRect> cracks) {
    }

    private final SinteredLayerSimulator sim;
    private final SimulatedEncoder encoder;
    private final double everyMm;
    private final double downstreamMm;
    private final FreeRunGate.Lane lane;
    private final List<FrameTruth> truth = new ArrayList<>();
    private long renderNanos;

    /** Frames tiling the web from roll y 0, the camera at the encoder's reference point. */
    SinteredCamera(SinteredLayerSimulator sim, SimulatedEncoder encoder) {
        this(sim, encoder, sim.config().frameLengthMm(), 0, null);
    }

    /**
     * @param everyMm      roll y from one frame's start to the next, mm (≥ the frame length)
     * @param downstreamMm camera position after the encoder's reference point, mm (≥ 0)
     * @param lane         the camera's lane of a free-running gate, or null
     */
    SinteredCamera(SinteredLayerSimulator sim, SimulatedEncoder encoder, double everyMm, double downstreamMm,
                   FreeRunGate.Lane lane) {
        double len = sim.config().frameLengthMm();
        if (!(everyMm >= len - 1e-9) || !Double.isFinite(everyMm) || !(downstreamMm >= 0) || !Double.isFinite(downstreamMm)) {
            throw new IllegalArgumentException("sintered camera: a frame every " + everyMm + " mm (frame length " + len
                    + " mm) and " + downstreamMm + " mm downstream: need every >= frame length and downstream >= 0");
        }
        this.sim = sim;
        this.encoder = encoder;
        this.everyMm = everyMm;
        this.downstreamMm = downstreamMm;
        this.lane = lane;
    }

    /** Frames of {@code frameLengthMm}, one every {@code everyMm}, that fit in {@code webMm} of roll. */
    static int framesFor(double webMm, double frameLengthMm, double everyMm) {
        return webMm < frameLengthMm ? 0 : (int) Math.floor((webMm - frameLengthMm) / everyMm + 1e-9) + 1;
    }

    @Override
    public boolean hasNext() {
        boolean more = sim.hasNext();
        if (!more && lane != null) {
            lane.done();
        }
        return more;
    }

    @Override
    public void stop() {
        if (lane != null) {
            lane.done();
        }
    }

    @Override
    public Frame next() {
        long t0 = System.nanoTime();
        SinteredFrame sf = sim.nextWithTruth();
        Frame rendered = sf.frame();
        double rollY0 = rendered.sequence() * everyMm;
        Frame f = new Frame(rendered.cameraId(), rendered.sequence(), rendered.timestamp(), rollY0 + downstreamMm,
                rendered.xOriginMm(), rendered.pitch(), rendered.image(), rendered.deviceTimestampNs());
        WebGrid roll = new WebGrid(rendered.xOriginMm(), rollY0, rendered.pitch());
        List<WebRect> cracks = new ArrayList<>();
        try (Mats m = new Mats()) {
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int n = Imgproc.connectedComponentsWithStats(sf.crackMask(), labels, stats, centroids, 8);
            int[] row = new int[5];
            for (int i = 1; i < n; i++) {
                stats.get(i, 0, row);
                cracks.add(roll.toWeb(new PixelRect(row[0], row[1], row[2], row[3])));
            }
        } finally {
            sf.crackMask().release();
        }
        synchronized (this) {
            truth.add(new FrameTruth(f.cameraId(), f.sequence(), rollY0, rollY0 + f.yEndMm() - f.yStartMm(), sf.crackLengthMm(),
                    cracks));
            renderNanos += System.nanoTime() - t0;
        }
        encoder.start();
        if (encoder.isPaced()) {
            long due = encoder.nanosAt(f.yEndMm());
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } else {
            if (lane != null) {
                lane.await(f.yEndMm());
            }
            encoder.advanceTo(f.yEndMm());
            if (lane != null) {
                lane.handedOut(f.sequence(), f.yEndMm());
            }
        }
        return f;
    }

    synchronized List<FrameTruth> truth() {
        return List.copyOf(truth);
    }

    synchronized double renderSeconds() {
        return renderNanos / 1e9;
    }

    @Override
    public String describe() {
        return sim.describe();
    }

    @Override
    public void close() {
        sim.close();
    }
}
