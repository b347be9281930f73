package org.sinterscope.simulator.line;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;

/**
 * The simulated line rendered ahead of time, for throughput runs: every frame is rendered when
 * this source is made, so handing frames out costs nothing and the station's speed is measured
 * alone. Each frame handed out moves the (free-running) encoder to its end, as the camera would.
 * Holds all frames in native memory (about 4 MB per default frame) until they are taken.
 */
public final class PreRenderedLine implements FrameSource {

    private final SimulatedLine line;
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final double renderSeconds;

    public PreRenderedLine(SimulatedLine line) {
        this.line = line;
        long t0 = System.nanoTime();
        for (int i = 0; i < line.frameCount(); i++) {
            SimulatedFrame sf = line.render(i, false);
            sf.releaseLabels();
            frames.add(sf.frame());
        }
        renderSeconds = (System.nanoTime() - t0) / 1e9;
    }

    /** Wall-clock time spent rendering, s. */
    public double renderSeconds() {
        return renderSeconds;
    }

    @Override
    public synchronized boolean hasNext() {
        return !frames.isEmpty();
    }

    @Override
    public synchronized Frame next() {
        if (frames.isEmpty()) {
            throw new NoSuchElementException("all pre-rendered frames were handed out");
        }
        Frame f = frames.poll();
        line.encoder().start();
        line.encoder().advanceTo(f.yEndMm());
        return f;
    }

    @Override
    public String describe() {
        return line.describe() + ", pre-rendered";
    }

    @Override
    public synchronized void close() {
        frames.forEach(Frame::close);
        frames.clear();
        line.close();
    }
}
