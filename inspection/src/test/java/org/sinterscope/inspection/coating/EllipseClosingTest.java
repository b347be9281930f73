package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/** {@link EllipseClosing} against {@code Imgproc.morphologyEx(MORPH_CLOSE)}, pixel for pixel. */
class EllipseClosingTest {

    @ParameterizedTest(name = "{0} x {1}, kernel {2}, {3}")
    @CsvSource({"220, 1024, 11, binary", "37, 50, 11, binary", "8, 5, 11, binary", "300, 200, 7, grey", "64, 64, 1, grey",
                "101, 33, 15, binary", "220, 1024, 11, edge"})
    void equals_opencv_closing(int w, int h, int k, String kind) {
        OpenCvNative.load();
        SplittableRandom r = new SplittableRandom(w * 31L + h);
        byte[] px = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int edge = w / 2 + r.nextInt(-3, 4);
            for (int x = 0; x < w; x++) {
                px[y * w + x] = (byte) switch (kind) {
                    case "binary" -> r.nextInt(3) == 0 ? 0 : 1;
                    case "grey" -> r.nextInt(256);
                    default -> x >= edge ? (r.nextInt(40) == 0 ? 0 : 1) : (r.nextInt(40) == 0 ? 1 : 0);
                };
            }
        }
        try (Mats m = new Mats()) {
            Mat src = m.add(new Mat(h, w, CvType.CV_8UC1));
            src.put(0, 0, px);
            Mat want = m.mat();
            Mat kernel = m.add(Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(k, k)));
            Imgproc.morphologyEx(src, want, Imgproc.MORPH_CLOSE, kernel);
            Mat got = m.mat();
            new EllipseClosing(k).close(src, got);
            Mat diff = m.mat();
            Core.absdiff(want, got, diff);
            assertThat(Core.countNonZero(diff)).isZero();
        }
    }
}
