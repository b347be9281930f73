package org.sinterscope.routes;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inspection step of the line: inspects a frame and releases it. A frame that makes the
 * inspector fail is not dropped: it becomes a failed inspection, which the decider rejects.
 */
public final class InspectionStage {

    private static final Logger LOG = LoggerFactory.getLogger(InspectionStage.class);

    private final FrameInspector inspector;
    private final AtomicLong skipped = new AtomicLong();
    private final CropSink crops;

    public InspectionStage(FrameInspector inspector) {
        this(inspector, CropSink.NONE);
    }

    /** With a sink that sees each frame and its inspection before the frame is released. */
    public InspectionStage(FrameInspector inspector, CropSink crops) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.crops = Objects.requireNonNull(crops, "crops");
    }

    /**
     * Inspects {@code frame} unless it waited longer than {@code maxAgeMs} since it was complete
     * (the station is behind the line): then it is released uninspected and returned as a failed
     * inspection ("not inspected: ..."), which the decider rejects whole and the actuator's
     * fail-safe policy handles. {@code maxAgeMs <= 0} disables the limit.
     */
    public FrameInspection inspect(Frame frame, Instant completeAt, long maxAgeMs) {
        if (maxAgeMs > 0 && completeAt != null) {
            long ageMs = Duration.between(completeAt, Instant.now()).toMillis();
            if (ageMs > maxAgeMs) {
                try (frame) {
                    skipped.incrementAndGet();
                    LOG.warn("frame {}#{} at y {} mm waited {} ms > {} ms: not inspected, rejected by policy", frame.cameraId(),
                            frame.sequence(), frame.yStartMm(), ageMs, maxAgeMs);
                    return FrameInspection.failed(frame.cameraId(), frame.sequence(), frame.timestamp(), frame.yStartMm(),
                            frame.yEndMm(), frame.megapixels(), "not inspected: the station is behind the line (frame waited "
                                    + ageMs + " ms, limit " + maxAgeMs + " ms)");
                }
            }
        }
        return inspect(frame);
    }

    /** The inspector of this stage's frames. */
    public FrameInspector inspector() {
        return inspector;
    }

    /** Frames not inspected because they waited too long. */
    public long skipped() {
        return skipped.get();
    }

    public FrameInspection inspect(Frame frame) {
        try (frame) {
            FrameInspection fi = inspector.inspect(frame);
            try {
                crops.inspected(frame, fi);
            } catch (RuntimeException e) {
                LOG.warn("crops of frame {}#{} could not be kept: {}", frame.cameraId(), frame.sequence(), e.toString());
            }
            return fi;
        } catch (RuntimeException e) {
            LOG.error("frame {}#{} at y {} mm could not be inspected", frame.cameraId(), frame.sequence(), frame.yStartMm(), e);
            return FrameInspection.failed(frame.cameraId(), frame.sequence(), frame.timestamp(), frame.yStartMm(),
                    frame.yEndMm(), frame.megapixels(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
