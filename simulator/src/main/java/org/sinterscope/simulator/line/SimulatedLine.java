package org.sinterscope.simulator.line;

import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.WebGrid;

/**
 * A seeded simulated electrode line seen by one line-scan camera: a {@link FrameSource} with
 * ground truth.
 *
 * <p>When paced, {@link #next()} returns a frame when the encoder says its last line has passed
 * the camera, as a real camera would; unpaced, it renders as fast as it can and moves the encoder
 * along. Time spent rendering is counted so the station's own throughput can be told apart.
 * Not thread-safe: one consumer pulls frames.
 */
public final class SimulatedLine implements FrameSource {

    private final SimulatedLineConfig cfg;
    private final DefectPlan plan;
    private final SimulatedEncoder encoder;
    private final ElectrodeRenderer renderer;
    private final int frames;
    private final Instant t0;
    private long next;
    private volatile long renderNanos;
    private volatile long renderCpuNanos;
    private volatile long renderedPixels;

    /**
     * @param encoder paced or free-running; the line starts it on the first frame
     */
    public SimulatedLine(SimulatedLineConfig cfg, SimulatedEncoder encoder) {
        this(cfg, encoder, DefectPlan.generate(cfg));
    }

    /** A line with a given plan instead of one drawn from the seed (tests place defects exactly). */
    public SimulatedLine(SimulatedLineConfig cfg, SimulatedEncoder encoder, DefectPlan plan) {
        this.cfg = cfg;
        this.plan = plan;
        this.encoder = encoder;
        this.renderer = new ElectrodeRenderer(cfg, plan);
        this.frames = cfg.frameCount();
        this.t0 = Instant.now();
    }

    public SimulatedLineConfig config() {
        return cfg;
    }

    public DefectPlan plan() {
        return plan;
    }

    public SimulatedEncoder encoder() {
        return encoder;
    }

    public int frameCount() {
        return frames;
    }

    /** Nanoseconds spent rendering so far. */
    public long renderNanos() {
        return renderNanos;
    }

    /** CPU time of the threads that rendered, spent rendering so far, ns (-1 when the JVM cannot measure it). */
    public long renderCpuNanos() {
        return CPU.isCurrentThreadCpuTimeSupported() ? renderCpuNanos : -1;
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    /** Megapixels rendered so far. */
    public double renderedMegapixels() {
        return renderedPixels / 1e6;
    }

    @Override
    public boolean hasNext() {
        return next < frames;
    }

    @Override
    public Frame next() {
        return nextWithTruth(false).frame();
    }

    /** The next frame with its ground-truth label image and the defects that meet it. */
    public SimulatedFrame nextWithTruth() {
        return nextWithTruth(true);
    }

    private SimulatedFrame nextWithTruth(boolean withLabels) {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated roll ended after " + frames + " frames");
        }
        SimulatedFrame sf = render(next++, withLabels);
        double yEnd = sf.frame().yEndMm();
        encoder.start();
        if (encoder.isPaced()) {
            long due = encoder.nanosAt(yEnd);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        } else {
            encoder.advanceTo(yEnd);
        }
        return sf;
    }

    /**
     * Renders frame {@code index} without pacing and without moving the encoder (for pre-rendering).
     * Without labels, the label image is empty.
     */
    public SimulatedFrame render(long index, boolean withLabels) {
        if (index < 0 || index >= frames) {
            throw new IllegalArgumentException("frame index must be in [0, " + frames + "), got " + index);
        }
        WebGrid grid = gridOf(index);
        double yEnd = grid.yMm(cfg.frameHeightPx());
        long start = System.nanoTime();
        long cpu = CPU.isCurrentThreadCpuTimeSupported() ? CPU.getCurrentThreadCpuTime() : 0;
        Mat image = new Mat();
        Mat labels = new Mat();
        renderer.render(index, grid, image, withLabels ? labels : null);
        renderNanos += System.nanoTime() - start;
        if (CPU.isCurrentThreadCpuTimeSupported()) {
            renderCpuNanos += CPU.getCurrentThreadCpuTime() - cpu;
        }
        renderedPixels += (long) cfg.frameWidthPx() * cfg.frameHeightPx();
        double seconds = yEnd / (cfg.lineSpeedMPerMin() * 1000.0 / 60.0);
        Instant ts = t0.plusNanos((long) (seconds * 1e9));
        Frame f = new Frame(cfg.cameraId(), index, ts, grid.yOriginMm(), grid.xOriginMm(), cfg.pitch(), image);
        return new SimulatedFrame(f, labels, plan.within(grid.yOriginMm(), yEnd));
    }

    /** The pixel ↔ web mapping of frame {@code index}. */
    public WebGrid gridOf(long index) {
        return new WebGrid(cfg.xOriginMm(), index * cfg.frameLengthMm(), cfg.pitch());
    }

    @Override
    public String describe() {
        return "simulated electrode line (seed " + cfg.seed() + ", " + cfg.lengthM() + " m, "
                + cfg.frameWidthPx() + "x" + cfg.frameHeightPx() + " px at " + cfg.pitch().xUmPerPx() + " µm/px)";
    }

    @Override
    public void close() {
        renderer.close();
    }
}
