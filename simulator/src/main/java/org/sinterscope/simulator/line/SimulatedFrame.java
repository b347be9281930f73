package org.sinterscope.simulator.line;

import java.util.List;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;

/**
 * A simulated frame with its ground truth.
 *
 * @param frame    the frame as the camera delivers it
 * @param labels   per-pixel ground truth, {@code CV_8UC1}: {@code DefectClass.ordinal() + 1}, 0 = no defect
 * @param defects  the injected defects that meet this frame
 */
public record SimulatedFrame(Frame frame, Mat labels, List<InjectedDefect> defects) implements AutoCloseable {

    public SimulatedFrame {
        defects = List.copyOf(defects);
    }

    /** Releases the label image only; the frame's owner closes the frame. */
    public void releaseLabels() {
        labels.release();
    }

    @Override
    public void close() {
        frame.close();
        labels.release();
    }
}
