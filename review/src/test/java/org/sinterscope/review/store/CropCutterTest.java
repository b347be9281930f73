package org.sinterscope.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;

/**
 * The crop is cut (pixels copied out) on the line and encoded later by the store writer: the cut
 * outlives the frame, and its PNGs hold exactly the cut pixels, the overlay the class's rectangle.
 */
class CropCutterTest {

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    @Test
    void theCutOutlivesTheFrameAndEncodesToTheSamePixels() {
        CropCutter cutter = new CropCutter(null, () -> "roll", 384);
        Mat frame = new Mat(300, 400, CvType.CV_8UC1, new Scalar(120));
        frame.submat(new Rect(200, 100, 10, 8)).setTo(new Scalar(30));
        CropCutter.Cut cut = cutter.take(frame, new PixelRect(200, 100, 10, 8), DefectClass.PINHOLE);
        // the defect grown by 16 px on every side
        assertThat(cut.width()).isEqualTo(10 + 32);
        assertThat(cut.height()).isEqualTo(8 + 32);
        byte[] expected = new byte[cut.width() * cut.height()];
        frame.submat(new Rect(184, 84, cut.width(), cut.height())).clone().get(0, 0, expected);
        frame.release(); // the frame goes back to the camera before the writer encodes
        assertThat(cut.grey()).isEqualTo(expected);

        byte[][] png = CropCutter.encode(cut);
        Mat grey = Imgcodecs.imdecode(new MatOfByte(png[0]), Imgcodecs.IMREAD_UNCHANGED);
        Mat overlay = Imgcodecs.imdecode(new MatOfByte(png[1]), Imgcodecs.IMREAD_COLOR);
        try {
            byte[] decoded = new byte[cut.width() * cut.height()];
            grey.get(0, 0, decoded);
            assertThat(decoded).isEqualTo(expected);
            assertThat(overlay.cols()).isEqualTo(cut.width());
            double[] corner = overlay.get(16, 16); // the rectangle's first pixel, in the pinhole's colour (BGR)
            assertThat(corner).containsExactly(CropCutter.colour(DefectClass.PINHOLE).val[0], CropCutter.colour(DefectClass.PINHOLE).val[1],
                    CropCutter.colour(DefectClass.PINHOLE).val[2]);
        } finally {
            grey.release();
            overlay.release();
        }
    }

    @Test
    void aLargeDefectIsShrunkToTheSizeLimitAndABadCutIsRefused() {
        CropCutter cutter = new CropCutter(null, () -> "roll", 64);
        Mat frame = new Mat(1024, 512, CvType.CV_8UC1, new Scalar(90));
        try {
            CropCutter.Cut cut = cutter.take(frame, new PixelRect(100, 0, 20, 1024), DefectClass.STREAK);
            assertThat(Math.max(cut.width(), cut.height())).isEqualTo(64);
            assertThat(cut.grey()).hasSize(cut.width() * cut.height());
        } finally {
            frame.release();
        }
        assertThatThrownBy(() -> new CropCutter.Cut(4, 4, new byte[15], 0, 0, 1, 1, DefectClass.PINHOLE))
                .hasMessageContaining("4x4").hasMessageContaining("16").hasMessageContaining("15");
    }
}
