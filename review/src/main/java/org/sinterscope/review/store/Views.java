package org.sinterscope.review.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the store's reads return: plain records, serialised as they are by the review app's JSON API. */
public final class Views {

    private Views() {
    }

    /**
     * @param lengthMm    web inspected so far: the largest segment end, mm
     * @param segments    segments stored
     * @param defects     defects stored
     * @param reviewed    of those, reviewed (confirmed or relabelled)
     * @param rejectedSegments segments with at least one reject stretch
     */
    public record Roll(String id, String stationId, String product, String lot, double foilWidthMm, double viewX0Mm,
                       double viewX1Mm, Instant startedAt, double lengthMm, long segments, long defects, long reviewed,
                       long rejectedSegments) {
    }

    /** A stretch of web, mm, with what caused its reject. */
    public record Span(double y0Mm, double y1Mm, String causes) {
    }

    /**
     * A defect as stored.
     *
     * @param defectClass  what the line said it is
     * @param label        what a reviewer said it is (null until reviewed)
     * @param rejecting    whether it caused a reject of its stretch
     * @param hasCrop      whether its crop PNGs were kept
     */
    public record Defect(long id, String rollId, String cameraId, long sequence, int index, String defectClass,
                         double confidence, double x0Mm, double y0Mm, double x1Mm, double y1Mm,
                         Map<String, Object> measurements, String detector, String modelVersion, Instant foundAt,
                         boolean rejecting, boolean hasCrop, String label, String labelledBy, Instant labelledAt) {

        /** The class the defect counts as: the reviewer's label when there is one. */
        public String effectiveClass() {
            return label != null ? label : defectClass;
        }

        public boolean reviewed() {
            return label != null;
        }
    }

    /** The roll map: geometry, where the web was rejected, and every defect. */
    public record RollMap(Roll roll, List<Span> rejects, List<Defect> defects) {
    }

    /** One relabel (or confirmation) of a defect. */
    public record LabelEvent(long defectId, String previous, String label, String byUser, Instant at) {
    }

    /**
     * One point of a control chart.
     *
     * @param x      position: web y in m for along-the-roll charts, reading number for foil
     * @param value  the measured value
     * @param group  roll or lot the point belongs to
     * @param at     when it was measured
     * @param out    outside the control limits
     */
    public record SpcPoint(double x, double value, String group, Instant at, boolean out) {
    }

    /**
     * A control chart: limits mean ± 3σ from the first {@code referencePoints} points.
     *
     * @param sigma  sample standard deviation of the reference points
     */
    public record SpcChart(String metric, String unit, int referencePoints, double mean, double sigma, double lcl,
                           double ucl, List<SpcPoint> points, long outOfControl) {
    }

    /**
     * A roll's totals.
     *
     * @param byClass         defects per class (reviewer's label when there is one)
     * @param rejectedMeters  web covered by reject stretches, overlaps counted once, m
     * @param lengthMeters    web inspected, m
     * @param yieldPercent    (length − rejected) / length × 100
     */
    public record Report(Roll roll, Map<String, Long> byClass, long defects, long reviewed, double rejectedMeters,
                         double lengthMeters, double yieldPercent, long rejectCommands, Map<String, Long> commandOutcomes,
                         Double meanCoatingCvPercent) {
    }

    /** A reviewed defect and its crop, for the labelled export. */
    public record Labelled(long id, String rollId, String label, String cropPath) {
    }
}
