package org.sinterscope.inspection;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;

/**
 * One defect found in a frame.
 *
 * @param defectClass  what the detector (or the classifier) says it is
 * @param confidence   in [0, 1]; for the classical detectors a margin score (how far past its
 *                     threshold the evidence is), not a calibrated probability
 * @param boundsMm     where it is on the web, mm
 * @param boundsPx     where it is in the frame, pixels
 * @param measurements named measurements, each name ending in its unit ({@code areaMm2},
 *                     {@code lengthMm}, {@code widthMm}, {@code depthMm}, {@code contrastGrey})
 * @param detector     which detector found it ({@code "spot"}, {@code "scratch"}, {@code "streak"},
 *                     {@code "edge"}, {@code "crack"}, or a model bundle id)
 */
public record Defect(DefectClass defectClass, double confidence, WebRect boundsMm, PixelRect boundsPx,
                     Map<String, Double> measurements, String detector) {

    /**
     * Measurement: the defect touches the frame's first lines and may run on, unreported, for up to
     * this many mm before the frame (smaller y); a reject stretch should extend that far.
     */
    public static final String MAY_CONTINUE_BEFORE_MM = "mayContinueBeforeMm";

    /** Measurement: as {@link #MAY_CONTINUE_BEFORE_MM}, after the frame's last line (larger y). */
    public static final String MAY_CONTINUE_AFTER_MM = "mayContinueAfterMm";

    public Defect {
        Objects.requireNonNull(defectClass, "defectClass");
        Objects.requireNonNull(boundsMm, "boundsMm");
        Objects.requireNonNull(boundsPx, "boundsPx");
        Objects.requireNonNull(detector, "detector");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        measurements = Map.copyOf(new TreeMap<>(measurements));
    }

    /** A measurement by name, or NaN when the detector did not make it. */
    public double measurement(String name) {
        return measurements.getOrDefault(name, Double.NaN);
    }

    /** The same defect with another class and confidence (as a classifier decides). */
    public Defect reclassified(DefectClass c, double conf, String by) {
        return new Defect(c, conf, boundsMm, boundsPx, measurements, by);
    }
}
