package org.sinterscope.simulator.line;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;

/**
 * A simulated sintered-layer frame with its crack ground truth.
 *
 * @param frame          the frame as the camera delivers it
 * @param crackMask      {@code CV_8UC1}, 255 where a crack was drawn
 * @param crackLengthMm  total length of the drawn crack centre lines, mm
 * @param isolatedCracks isolated branching cracks drawn
 * @param networks       mud-crack networks drawn
 */
public record SinteredFrame(Frame frame, Mat crackMask, double crackLengthMm, int isolatedCracks, int networks)
        implements AutoCloseable {

    /** Releases the frame and the mask. */
    @Override
    public void close() {
        frame.close();
        crackMask.release();
    }
}
