package org.sinterscope.inspection.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.WebGrid;

class CrackSkeletonTest {

    static {
        OpenCvNative.load();
    }

    @Test
    void thinning_leaves_a_one_pixel_line_of_a_thick_bar() {
        Mat bar = Mat.zeros(40, 100, CvType.CV_8UC1);
        Imgproc.rectangle(bar, new Point(10, 15), new Point(89, 21), new Scalar(255), -1);
        Mat skel = new Mat();
        Thinning.thin(bar, skel);
        // every column inside the bar has exactly one skeleton pixel, away from the ends
        for (int c = 20; c < 80; c++) {
            assertThat(Core.countNonZero(skel.col(c))).as("column " + c).isEqualTo(1);
        }
        bar.release();
        skel.release();
    }

    @Test
    void pixels_at_the_ends_of_consecutive_rows_are_not_neighbours() {
        // row-major neighbours in the pixel list: the last pixel of row 10 and the first of row 11 are next to each
        // other there, not in the image; nor are the first pixel of row 20 and the last of row 19 diagonal to it
        WebGrid grid = new WebGrid(0, 0, PixelPitch.square(10));
        int cols = 100;
        Mat skel = Mat.zeros(40, cols, CvType.CV_8UC1);
        Imgproc.line(skel, new Point(cols - 30, 10), new Point(cols - 1, 10), new Scalar(255), 1, Imgproc.LINE_8);
        Imgproc.line(skel, new Point(0, 11), new Point(29, 11), new Scalar(255), 1, Imgproc.LINE_8);
        Imgproc.line(skel, new Point(cols - 30, 19), new Point(cols - 1, 19), new Scalar(255), 1, Imgproc.LINE_8);
        Imgproc.line(skel, new Point(0, 20), new Point(29, 20), new Scalar(255), 1, Imgproc.LINE_8);
        int[] xy = MaskOps.nonZeroPoints(skel);
        float[] zero = new float[xy.length / 2];
        SkeletonAnalysis.CrackResultParts p = SkeletonAnalysis.analyse(xy, cols, 40, zero, zero, 1, grid, 0);
        assertThat(p.count()).isEqualTo(4);
        assertThat(p.branchPoints()).isZero();
        // four straight pieces, none pruned into another
        assertThat(SkeletonAnalysis.prune(xy, cols, 40, zero)).hasSize(xy.length / 2);
        skel.release();
    }

    @Test
    void skeleton_length_of_lines_at_any_angle_is_within_a_few_percent() {
        WebGrid grid = new WebGrid(0, 0, PixelPitch.square(10));
        for (double deg : new double[] {0, 10, 22.5, 30, 45, 60, 80}) {
            Mat skel = Mat.zeros(400, 400, CvType.CV_8UC1);
            double len = 300;
            double dx = len * Math.cos(Math.toRadians(deg));
            double dy = len * Math.sin(Math.toRadians(deg));
            Imgproc.line(skel, new Point(50, 50), new Point(50 + dx, 50 + dy), new Scalar(255), 1, Imgproc.LINE_8);
            int[] xy = MaskOps.nonZeroPoints(skel);
            float[] dt = new float[xy.length / 2];
            float[] ang = new float[xy.length / 2];
            SkeletonAnalysis.CrackResultParts p = SkeletonAnalysis.analyse(xy, 400, 400, dt, ang, 1, grid, 0);
            // the digital line is Chebyshev-long; Kulpa's factor is exact only on average, so allow ±8 %
            assertThat(p.totalLengthMm()).as(deg + "°").isCloseTo(len * 0.01, within(0.08 * len * 0.01));
            assertThat(p.count()).isEqualTo(1);
            skel.release();
        }
    }

    @Test
    void a_cross_has_one_branch_point_and_counts_as_one_crack() {
        Mat mask = Mat.zeros(200, 200, CvType.CV_8UC1);
        Imgproc.line(mask, new Point(20, 100), new Point(180, 100), new Scalar(255), 3);
        Imgproc.line(mask, new Point(100, 20), new Point(100, 180), new Scalar(255), 3);
        Mat skel = new Mat();
        Thinning.thin(mask, skel);
        int[] xy = MaskOps.nonZeroPoints(skel);
        SkeletonAnalysis.CrackResultParts p = SkeletonAnalysis.analyse(xy, 200, 200, new float[xy.length / 2],
                new float[xy.length / 2], 1, new WebGrid(5, 7, PixelPitch.square(10)), 0.1);
        assertThat(p.count()).isEqualTo(1);
        assertThat(p.branchPoints()).isEqualTo(1);
        CrackDefect d = p.defects().get(0);
        assertThat(d.defectClass()).isEqualTo(DefectClass.CRACK);
        // bounding box on the web: x0 = 5 mm + ~20 px × 0.01 mm
        assertThat(d.bounds().x0Mm()).isCloseTo(5.2, within(0.03));
        assertThat(d.bounds().y1Mm()).isCloseTo(7 + 1.81, within(0.03));
        mask.release();
        skel.release();
    }

    @Test
    void measurements_refuse_negative_lengths_with_the_values() {
        assertThatThrownBy(() -> new CrackMeasurements(-1, 1, 0, 0, 0, 0, 0, 0, List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length=-1.0 mm");
        assertThatThrownBy(() -> CrackDetectorConfig.standard().withThresholds(2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowZ=3.0");
    }

    @Test
    void skeleton_direction_follows_a_line_at_any_angle() {
        for (double deg : new double[] {0, 22.5, 45, 70, 90, 120, 160}) {
            Mat skel = Mat.zeros(300, 300, CvType.CV_8UC1);
            double dx = 100 * Math.cos(Math.toRadians(deg));
            double dy = 100 * Math.sin(Math.toRadians(deg));
            Imgproc.line(skel, new Point(150 - dx, 150 - dy), new Point(150 + dx, 150 + dy), new Scalar(255), 1, Imgproc.LINE_8);
            int[] xy = MaskOps.nonZeroPoints(skel);
            float[] dir = SkeletonAnalysis.directions(xy, 300, 3);
            int mid = dir.length / 2;
            double err = Math.abs(dir[mid] - deg);
            assertThat(Math.min(err, 180 - err)).as(deg + "°, got " + dir[mid]).isLessThan(8);
            skel.release();
        }
    }
}
