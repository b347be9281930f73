package org.sinterscope.inspection.crack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.FrameInspector;

/**
 * The sintered-layer stage's {@link FrameInspector}: {@link CrackDetector} on the frame, each crack
 * a {@link Defect} of class {@link DefectClass#CRACK} located on the web through the frame's
 * {@link WebGrid}, and the frame's crack measurements as whole-frame measurements (names below).
 * A 16-bit frame is scaled to 8 bits ({@code v / 257}) first. The crack mask is released here:
 * the station keeps records, not pixels.
 *
 * <p>Crack defects carry {@code lengthMm}, {@code maxWidthUm}, {@code meanWidthUm},
 * {@code widthMm} (= max width) and {@code branchPoints}; their confidence is 1 (the detector's
 * hysteresis is a yes/no decision without a calibrated margin). The frame's coating is
 * {@link CoatingUniformity#none()}: this stage does not measure a coating.
 *
 * <p>Thread-safe: the detector holds only its configuration.
 */
public final class CrackFrameInspector implements FrameInspector {

    /** Total crack length in the frame, mm. */
    public static final String LENGTH_MM = "crackLengthMm";
    /** Crack length per inspected area, mm/mm². Its presence marks a sintered-layer inspection. */
    public static final String DENSITY_MM_PER_MM2 = "crackDensityMmPerMm2";
    /** Longest single crack, mm. */
    public static final String LONGEST_MM = "crackLongestMm";
    /** Widest point of any crack, µm. */
    public static final String MAX_WIDTH_UM = "crackMaxWidthUm";
    /** Mean crack width over skeleton pixels, µm. */
    public static final String MEAN_WIDTH_UM = "crackMeanWidthUm";
    /** Number of separate cracks. */
    public static final String COUNT = "crackCount";
    /** Branch points over all cracks. */
    public static final String BRANCH_POINTS = "crackBranchPoints";
    /** Inspected area, mm². */
    public static final String AREA_MM2 = "inspectedAreaMm2";

    private final CrackDetector detector;

    public CrackFrameInspector(CrackDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** Whether {@code fi} is an inspection of this stage (it carries crack measurements). */
    public static boolean isCrackInspection(FrameInspection fi) {
        return fi.measurements().containsKey(DENSITY_MM_PER_MM2);
    }

    @Override
    public FrameInspection inspect(Frame frame) {
        long t0 = System.nanoTime();
        WebGrid grid = frame.grid();
        Mat grey = frame.image();
        Mat scaled = null;
        try {
            if (grey.type() == CvType.CV_16UC1) {
                scaled = new Mat();
                grey.convertTo(scaled, CvType.CV_8U, 1.0 / 257);
                grey = scaled;
            }
            try (CrackResult r = detector.detect(grey, grid)) {
                CrackMeasurements m = r.measurements();
                List<Defect> defects = new ArrayList<>();
                for (CrackDefect c : r.defects()) {
                    defects.add(new Defect(DefectClass.CRACK, 1.0, c.bounds(), grid.toPixels(c.bounds()),
                            Map.of("lengthMm", c.lengthMm(), "maxWidthUm", c.maxWidthUm(), "meanWidthUm", c.meanWidthUm(),
                                    "widthMm", c.maxWidthUm() / 1000.0, "branchPoints", (double) c.branchPoints()),
                            "crack"));
                }
                Map<String, Double> fm = new LinkedHashMap<>();
                fm.put(LENGTH_MM, m.totalLengthMm());
                fm.put(DENSITY_MM_PER_MM2, m.lengthDensityPerMm());
                fm.put(LONGEST_MM, m.longestCrackMm());
                fm.put(MAX_WIDTH_UM, m.maxWidthUm());
                fm.put(MEAN_WIDTH_UM, m.meanWidthUm());
                fm.put(COUNT, (double) m.crackCount());
                fm.put(BRANCH_POINTS, (double) m.branchPointCount());
                fm.put(AREA_MM2, m.inspectedAreaMm2());
                return new FrameInspection(frame.cameraId(), frame.sequence(), frame.timestamp(), frame.yStartMm(),
                        frame.yEndMm(), frame.megapixels(), CoatingUniformity.none(), defects, System.nanoTime() - t0, "", fm);
            }
        } finally {
            if (scaled != null) {
                scaled.release();
            }
        }
    }
}
