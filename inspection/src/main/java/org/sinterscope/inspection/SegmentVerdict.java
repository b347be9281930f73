package org.sinterscope.inspection;

import java.util.List;
import java.util.Objects;

/**
 * The station's decision on one web segment (the stretch one frame covers).
 *
 * @param cameraId   camera whose frame covered it
 * @param sequence   that frame's sequence number
 * @param y0Mm       segment start, web mm
 * @param y1Mm       segment end, web mm
 * @param rejects    the stretches of the segment to reject (empty when it passes); each is
 *                   already grown by the recipe's margin and merged with its overlapping neighbours
 * @param reasons    why, one line per rule that fired ("pinhole Ø 0.31 mm ≥ 0.10 mm at x 93.2 mm")
 * @param defects    every defect found in the segment, rejecting or not
 */
public record SegmentVerdict(String cameraId, long sequence, double y0Mm, double y1Mm, List<RejectSpan> rejects,
                             List<String> reasons, List<Defect> defects) {

    /**
     * A stretch of web to reject, with what caused it.
     *
     * @param y0Mm     start, web mm
     * @param y1Mm     end, web mm
     * @param causes   the classes or measurements that caused it ("pinhole", "coating-width")
     */
    public record RejectSpan(double y0Mm, double y1Mm, List<String> causes) {
        public RejectSpan {
            causes = List.copyOf(causes);
            if (!(y1Mm >= y0Mm)) {
                throw new IllegalArgumentException("reject span must have y1 >= y0, got [" + y0Mm + ", " + y1Mm + "] mm");
            }
        }
    }

    public SegmentVerdict {
        Objects.requireNonNull(cameraId, "cameraId");
        rejects = List.copyOf(rejects);
        reasons = List.copyOf(reasons);
        defects = List.copyOf(defects);
    }

    public boolean reject() {
        return !rejects.isEmpty();
    }
}
