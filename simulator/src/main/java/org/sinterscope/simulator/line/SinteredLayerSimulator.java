package org.sinterscope.simulator.line;

import java.time.Instant;
import java.util.NoSuchElementException;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.WebGrid;

/**
 * A seeded simulated sintered-layer camera: a {@link FrameSource} of crack images with pixel
 * ground truth ({@link #nextWithTruth()}). Frames tile the web along y; each is rendered
 * independently from the seed and its index ({@link SinteredLayerRenderer}), so
 * {@link #render(long)} gives frame {@code i} in any order. Not thread-safe: one consumer.
 */
public final class SinteredLayerSimulator implements FrameSource {

    private final SinteredLayerConfig cfg;
    private final Instant t0 = Instant.now();
    private long next;

    public SinteredLayerSimulator(SinteredLayerConfig cfg) {
        this.cfg = java.util.Objects.requireNonNull(cfg, "cfg");
        org.sinterscope.camera.OpenCvNative.load();
    }

    public SinteredLayerConfig config() {
        return cfg;
    }

    @Override
    public boolean hasNext() {
        return next < cfg.frames();
    }

    @Override
    public Frame next() {
        SinteredFrame f = nextWithTruth();
        f.crackMask().release();
        return f.frame();
    }

    /** The next frame with its crack mask and length; the caller closes it. */
    public SinteredFrame nextWithTruth() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated sintered layer ended after " + cfg.frames() + " frames");
        }
        return render(next++);
    }

    /** Frame {@code index} with its truth, independent of the source's position; the caller closes it. */
    public SinteredFrame render(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("frame index must be >= 0, got " + index);
        }
        Mat image = new Mat();
        Mat mask = new Mat();
        SinteredLayerRenderer.Truth t = SinteredLayerRenderer.render(cfg, index, image, mask);
        WebGrid g = gridOf(index);
        double lengthMm = 0;
        for (CrackPath p : t.paths()) {
            lengthMm += p.length(cfg.pitch().xMmPerPx(), cfg.pitch().yMmPerPx());
        }
        Frame f = new Frame(cfg.cameraId(), index, t0.plusMillis(index), g.yOriginMm(), g.xOriginMm(), cfg.pitch(), image);
        return new SinteredFrame(f, mask, lengthMm, t.isolatedCracks(), t.networks());
    }

    /** The pixel ↔ web mapping of frame {@code index}. */
    public WebGrid gridOf(long index) {
        return new WebGrid(cfg.xOriginMm(), index * cfg.frameLengthMm(), cfg.pitch());
    }

    @Override
    public String describe() {
        return "simulated sintered layer (seed " + cfg.seed() + ", " + cfg.frames() + " frames of " + cfg.widthPx() + "x"
                + cfg.heightPx() + " px at " + cfg.pitch().xUmPerPx() + " µm/px)";
    }

    @Override
    public void close() {
        // frames own their images; nothing else is held
    }
}
