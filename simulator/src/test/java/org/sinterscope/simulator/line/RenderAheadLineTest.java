package org.sinterscope.simulator.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.Frame;

/**
 * The render-ahead buffer's accounting: a frame counts as late only when the renderer had not
 * finished it by its moment. A camera that asks late (the station behind, the frame queue full) with
 * the frames long rendered is not the simulator's doing: no late frame, but the delay shows in
 * {@code maxLateMs}. The renderer's own CPU time per frame is measured.
 */
class RenderAheadLineTest {

    /** 600 m/min: a 51.2 mm frame passes the camera every 5.1 ms. */
    private static final SimulatedLineConfig FAST = SimulatedLineConfig.defaults().withLengthM(0.3).withSeed(3)
            .withDefectRatePerM(0).withLookalikeRatePerM(0).withLineSpeedMPerMin(600);

    @Test
    void aCameraThatAsksLateForFramesRenderedInTimeCountsNoLateFrame() {
        SimulatedEncoder encoder = SimulatedEncoder.paced(FAST.lineSpeedMPerMin());
        try (RenderAheadLine ahead = new RenderAheadLine(new SimulatedLine(FAST, encoder), 8, 0)) {
            int n = ahead.line().frameCount();
            assertThat(n).isBetween(3, 8); // the whole roll is in the buffer before the line starts
            ahead.next().close(); // starts the web
            double lastEndMm = n * FAST.frameLengthMm();
            // the camera comes back only when the web is 200 mm (400 ms) past the last frame's end
            await().atMost(Duration.ofSeconds(30)).until(() -> encoder.positionMm() > lastEndMm + 200);
            while (ahead.hasNext()) {
                Frame f = ahead.next();
                f.close();
            }
            assertThat(ahead.lateFrames()).as("frames the renderer finished after their moment").isZero();
            assertThat(ahead.maxLateMs()).as("the camera's own delay").isGreaterThan(RenderAheadLine.LATE_TOLERANCE_MS);
            assertThat(ahead.renderCpuMsPerFrame()).as("renderer CPU per frame, ms").isPositive().isFinite();
        }
    }

    @Test
    void aRendererSlowerThanTheLineCountsLateFrames() {
        SimulatedEncoder encoder = SimulatedEncoder.paced(FAST.lineSpeedMPerMin());
        // 60 ms of extra work per 5 ms frame, one frame of buffer: the camera outruns the renderer
        try (RenderAheadLine ahead = new RenderAheadLine(new SimulatedLine(FAST, encoder), 1, 60_000_000L)) {
            while (ahead.hasNext()) {
                ahead.next().close();
            }
            assertThat(ahead.lateFrames()).isPositive();
            assertThat(ahead.waitedSeconds()).isPositive();
        }
    }
}
