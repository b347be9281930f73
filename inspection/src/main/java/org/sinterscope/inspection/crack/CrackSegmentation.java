package org.sinterscope.inspection.crack;

import org.opencv.core.Mat;
import org.sinterscope.camera.WebGrid;

/**
 * Anything that turns a grey image into a crack mask, measurements and a score map: the
 * classical {@link CrackDetector} and the learned {@link LearnedCrackDetector}.
 */
public interface CrackSegmentation {

    /**
     * Detects and measures the cracks of {@code grey8u} ({@code CV_8UC1}), located on the web
     * through {@code grid}. The returned result owns its mask. When {@code scoreOut} is not null a
     * score map ({@code CV_32FC1} in [0, 1], the image's size; higher = more crack-like) is
     * written into it.
     */
    CrackResult detect(Mat grey8u, WebGrid grid, Mat scoreOut);
}
