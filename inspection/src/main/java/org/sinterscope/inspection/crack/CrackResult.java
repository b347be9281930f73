package org.sinterscope.inspection.crack;

import java.util.List;
import java.util.Objects;

import org.opencv.core.Mat;

/**
 * What the crack detector found in one image.
 *
 * <p>Ownership: the result owns {@code mask}; whoever holds the result closes it (or takes the
 * mask over and releases it).
 *
 * @param measurements crack measurements of the whole image
 * @param defects      one entry per counted crack, longest first
 * @param mask         binary crack mask, {@code CV_8UC1}, 255 = crack, the size of the input image
 */
public record CrackResult(CrackMeasurements measurements, List<CrackDefect> defects, Mat mask) implements AutoCloseable {

    public CrackResult {
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(mask, "mask");
        defects = List.copyOf(defects);
    }

    /** Releases the mask. Safe to call twice. */
    @Override
    public void close() {
        mask.release();
    }
}
