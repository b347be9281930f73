package org.sinterscope.inspection;

import org.sinterscope.camera.Frame;

/**
 * Measures one frame. Implementations are thread-safe: the station calls one instance from
 * several threads at once. The frame stays owned by the caller.
 */
public interface FrameInspector {

    FrameInspection inspect(Frame frame);
}
