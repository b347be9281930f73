package org.sinterscope.routes;

import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.FrameInspection;

/**
 * Gets each inspected frame while its image is still alive, before the inspection step releases
 * it: the one moment pixels of a defect can be kept (the defect store cuts its crops here). It
 * must not keep the frame or its {@code Mat}, and should be quick: it runs on the line.
 */
@FunctionalInterface
public interface CropSink {

    /** Does nothing. */
    CropSink NONE = (frame, inspection) -> { };

    void inspected(Frame frame, FrameInspection inspection);
}
