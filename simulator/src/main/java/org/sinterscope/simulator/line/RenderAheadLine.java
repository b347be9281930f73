package org.sinterscope.simulator.line;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated line rendered ahead of the camera into a bounded buffer, so that the station never
 * waits for the simulator and a run of any length needs at most {@code capacity} frames of memory.
 *
 * <p>A renderer thread (lowest Java priority, a daemon) renders frames in order into a queue of
 * {@code capacity} frames; the constructor returns once the queue is full (or the roll is shorter),
 * i.e. the buffer is filled before the line starts. {@link #next()} takes the next frame and, when
 * the encoder is paced, waits until the frame's last line has passed the camera, as a real camera
 * would; free-running, it moves the encoder to the frame's end. A frame the renderer finished (put
 * into the buffer) more than {@link #LATE_TOLERANCE_MS} ms after both that moment and the moment the
 * camera asked for it is counted as late ({@link #lateFrames()}): the simulator, not the station, held
 * the line up. (A camera that asks late, because the machine is busy or because the frame queue was
 * full and the station behind, is not the simulator's doing and is not counted, nor is a frame that
 * could not be rendered earlier because that camera kept the buffer full; the camera's delay shows in
 * {@link #maxLateMs()}.) One consumer pulls frames.
 */
public final class RenderAheadLine implements FrameSource {

    /** A paced frame handed out later than this after its last line passed the camera is late, ms. */
    public static final long LATE_TOLERANCE_MS = 50;
    /** Default buffer: 16 frames (about 64 MB at the default 4096 × 1024 px). */
    public static final int DEFAULT_CAPACITY = 16;

    private static final Logger LOG = LoggerFactory.getLogger(RenderAheadLine.class);
    private static final Object END = new Object();

    /** A rendered frame and the moment it was ready (System.nanoTime). */
    private record Ready(Frame frame, long readyNanos) {
    }

    private final SimulatedLine line;
    private final int capacity;
    private final BlockingQueue<Object> queue;
    private final Thread renderer;
    private final long slowDownNanos;
    private volatile RuntimeException failure;
    private volatile boolean closed;
    private int handedOut;
    private long lateFrames;
    private long waitedNanos;
    private long maxLateNanos;

    /** A buffer of {@link #DEFAULT_CAPACITY} frames. */
    public RenderAheadLine(SimulatedLine line) {
        this(line, DEFAULT_CAPACITY, 0);
    }

    /**
     * @param capacity      frames rendered ahead (≥ 1)
     * @param slowDownNanos extra time the renderer spends per frame (0; tests use it to make the
     *                      simulator slower than the line)
     */
    public RenderAheadLine(SimulatedLine line, int capacity, long slowDownNanos) {
        if (capacity < 1 || slowDownNanos < 0) {
            throw new IllegalArgumentException("need capacity >= 1 and slow-down >= 0, got " + capacity + ", " + slowDownNanos);
        }
        this.line = line;
        this.capacity = capacity;
        this.slowDownNanos = slowDownNanos;
        this.queue = new ArrayBlockingQueue<>(capacity + 1);
        this.renderer = new Thread(this::renderAll, "simulator-render-ahead");
        renderer.setDaemon(true);
        renderer.setPriority(Thread.MIN_PRIORITY);
        renderer.start();
        awaitFilled();
    }

    private void awaitFilled() {
        int want = Math.min(capacity, line.frameCount());
        while (queue.size() < want && failure == null && renderer.isAlive()) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void renderAll() {
        try {
            for (int i = 0; i < line.frameCount() && !closed; i++) {
                SimulatedFrame sf = line.render(i, false);
                sf.releaseLabels();
                if (slowDownNanos > 0) {
                    LockSupport.parkNanos(slowDownNanos);
                }
                queue.put(new Ready(sf.frame(), System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("the simulator's renderer failed", e);
            failure = e;
        } finally {
            queue.offer(END);
        }
    }

    @Override
    public boolean hasNext() {
        return handedOut < line.frameCount() && failure == null;
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the simulated roll ended after " + handedOut + " frames");
        }
        long t0 = System.nanoTime();
        Object taken;
        try {
            taken = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator", e);
        }
        long delivered = System.nanoTime();
        waitedNanos += delivered - t0;
        if (taken == END) {
            throw failure != null ? failure : new NoSuchElementException("the simulator's renderer stopped early");
        }
        Ready ready = (Ready) taken;
        Frame f = ready.frame();
        handedOut++;
        SimulatedEncoder encoder = line.encoder();
        encoder.start();
        if (encoder.isPaced()) {
            long due = encoder.nanosAt(f.yEndMm());
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            maxLateNanos = Math.max(maxLateNanos, System.nanoTime() - due);
            // the renderer's own delay: past the frame's moment and past the camera's asking (a buffer kept full by a
            // camera that asks late cannot be rendered further ahead; that is the station's delay, not the simulator's)
            if (ready.readyNanos() - Math.max(t0, due) > TimeUnit.MILLISECONDS.toNanos(LATE_TOLERANCE_MS)) {
                lateFrames++;
            }
        } else {
            encoder.advanceTo(f.yEndMm());
        }
        return f;
    }

    /** Paced frames the renderer finished more than {@link #LATE_TOLERANCE_MS} after their moment and after the camera asked. */
    public long lateFrames() {
        return lateFrames;
    }

    /** The largest delay of a paced frame past its moment when it was handed out, ms (whatever the cause). */
    public double maxLateMs() {
        return maxLateNanos / 1e6;
    }

    /** Time the consumer spent waiting for the renderer, s. */
    public double waitedSeconds() {
        return waitedNanos / 1e9;
    }

    /** The renderer's CPU time per frame so far, ms (its own thread's CPU time: steady on a busy machine); NaN before a frame. */
    public double renderCpuMsPerFrame() {
        long cpu = line.renderCpuNanos();
        long frames = Math.round(line.renderedMegapixels() * 1e6 / ((double) line.config().frameWidthPx() * line.config().frameHeightPx()));
        return cpu < 0 || frames == 0 ? Double.NaN : cpu / 1e6 / frames;
    }

    /** Frames the buffer holds at most. */
    public int capacity() {
        return capacity;
    }

    /** The renderer's speed over the frames rendered so far, Mpx/s (its own time only, without slow-down). */
    public double renderMpxPerSecond() {
        return line.renderedMegapixels() / (line.renderNanos() / 1e9);
    }

    public SimulatedLine line() {
        return line;
    }

    @Override
    public String describe() {
        return line.describe() + ", rendered ahead (" + capacity + " frames)";
    }

    @Override
    public void close() {
        closed = true;
        renderer.interrupt();
        try {
            renderer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Object f;
        while ((f = queue.poll()) != null) {
            if (f instanceof Ready r) {
                r.frame().close();
            }
        }
        line.close();
    }
}
