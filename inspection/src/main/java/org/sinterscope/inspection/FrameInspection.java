package org.sinterscope.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What inspection found in one frame. Holds no native memory.
 *
 * @param cameraId      the frame's camera
 * @param sequence      the frame's sequence number
 * @param timestamp     when the frame was complete
 * @param yStartMm      web y of the frame's first line
 * @param yEndMm        web y just past its last line
 * @param megapixels    size of the frame
 * @param coating       coating uniformity (or {@link CoatingUniformity#none()})
 * @param defects       defects found
 * @param inspectNanos  time spent inspecting
 * @param error         why the frame could not be inspected, or empty when it was: the station
 *                      cannot vouch for such a segment and rejects it
 * @param measurements  whole-frame measurements other than the coating's, each name ending in its
 *                      unit (the sintered-layer stage: {@code crackDensityMmPerMm2}, ...); empty for
 *                      the coating stage
 */
public record FrameInspection(String cameraId, long sequence, Instant timestamp, double yStartMm, double yEndMm,
                              double megapixels, CoatingUniformity coating, List<Defect> defects, long inspectNanos,
                              String error, Map<String, Double> measurements) {

    /** A frame inspection without whole-frame measurements (the coating stage). */
    public FrameInspection(String cameraId, long sequence, Instant timestamp, double yStartMm, double yEndMm,
                           double megapixels, CoatingUniformity coating, List<Defect> defects, long inspectNanos,
                           String error) {
        this(cameraId, sequence, timestamp, yStartMm, yEndMm, megapixels, coating, defects, inspectNanos, error, Map.of());
    }

    public FrameInspection {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(coating, "coating");
        defects = List.copyOf(defects);
        measurements = Map.copyOf(new TreeMap<>(measurements));
        Objects.requireNonNull(error, "error");
        if (!(yEndMm >= yStartMm)) {
            throw new IllegalArgumentException("frame must end after it starts, got y=[" + yStartMm + ", " + yEndMm + "] mm");
        }
    }

    /** A frame that could not be inspected, with the reason. */
    public static FrameInspection failed(String cameraId, long sequence, Instant timestamp, double yStartMm, double yEndMm,
                                         double megapixels, String error) {
        return new FrameInspection(cameraId, sequence, timestamp, yStartMm, yEndMm, megapixels, CoatingUniformity.none(),
                List.of(), 0, error);
    }

    /** The same inspection with other defects and {@code extraNanos} more inspection time (a classifier's pass). */
    public FrameInspection withDefects(List<Defect> newDefects, long extraNanos) {
        return new FrameInspection(cameraId, sequence, timestamp, yStartMm, yEndMm, megapixels, coating, newDefects,
                inspectNanos + extraNanos, error);
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    /** A whole-frame measurement by name, or NaN when the frame has none of that name. */
    public double measurement(String name) {
        return measurements.getOrDefault(name, Double.NaN);
    }
}
