package org.sinterscope.routes;

import java.util.Objects;

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
    private final CropSink crops;

    public InspectionStage(FrameInspector inspector) {
        this(inspector, CropSink.NONE);
    }

    /** With a sink that sees each frame and its inspection before the frame is released. */
    public InspectionStage(FrameInspector inspector, CropSink crops) {
        this.inspector = Objects.requireNonNull(inspector, "inspector");
        this.crops = Objects.requireNonNull(crops, "crops");
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
