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
    private final List<FrameTruth> truth = new ArrayList<>();
    private long renderNanos;

    SinteredCamera(SinteredLayerSimulator sim, SimulatedEncoder encoder) {
        this.sim = sim;
        this.encoder = encoder;
    }

    @Override
    public boolean hasNext() {
        return sim.hasNext();
    }

    @Override
    public Frame next() {
        long t0 = System.nanoTime();
        SinteredFrame sf = sim.nextWithTruth();
        Frame f = sf.frame();
        List<WebRect> cracks = new ArrayList<>();
        try (Mats m = new Mats()) {
            Mat labels = m.mat();
            Mat stats = m.mat();
            Mat centroids = m.mat();
            int n = Imgproc.connectedComponentsWithStats(sf.crackMask(), labels, stats, centroids, 8);
            int[] row = new int[5];
            for (int i = 1; i < n; i++) {
                stats.get(i, 0, row);
                cracks.add(f.grid().toWeb(new PixelRect(row[0], row[1], row[2], row[3])));
            }
        } finally {
            sf.crackMask().release();
        }
        synchronized (this) {
            truth.add(new FrameTruth(f.cameraId(), f.sequence(), f.yStartMm(), f.yEndMm(), sf.crackLengthMm(), cracks));
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
            encoder.advanceTo(f.yEndMm());
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
