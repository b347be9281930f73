package org.sinterscope.inspection.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;

class ImageFitTest {

    @BeforeAll
    static void load() {
        OpenCvNative.load();
    }

    /** 80 × 40 image, grey 0, with a white 20 × 20 square at (10, 10). */
    private static Mat wideImageWithSquare() {
        Mat m = new Mat(40, 80, CvType.CV_8UC1, new Scalar(0));
        m.submat(10, 30, 10, 30).setTo(new Scalar(255));
        return m;
    }

    /** Width and height (px) of the patch region brighter than half. */
    private static int[] brightExtent(float[] patch, int s) {
        int minX = s, maxX = -1, minY = s, maxY = -1;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                if (patch[y * s + x] > 0.5f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {maxX - minX + 1, maxY - minY + 1};
    }

    @Test
    void pad_keeps_a_square_square_and_stretch_does_not() {
        Mat img = wideImageWithSquare();
        try {
            PixelRect whole = new PixelRect(0, 0, 80, 40);
            // pad: one scale 16/80 = 0.2 both ways → the 20 px square becomes 4 × 4
            int[] padded = brightExtent(new PatchPreparer(ImageFit.PAD.wholeImage(16)).prepare(img, whole), 16);
            assertThat(padded).containsExactly(4, 4);
            // stretch: 16/80 across, 16/40 down → 4 × 8
            int[] stretched = brightExtent(new PatchPreparer(ImageFit.STRETCH.wholeImage(16)).prepare(img, whole), 16);
            assertThat(stretched).containsExactly(4, 8);
            // pad repeats the border rows: the top row of the patch is the image's top row (black)
            float[] p = new PatchPreparer(ImageFit.PAD.wholeImage(16)).prepare(img, whole);
            assertThat((double) p[0]).isCloseTo(0.0, offset(1e-6));
        } finally {
            img.release();
        }
    }

    @Test
    void metadata_records_the_fit_and_older_metadata_means_stretch() {
        PatchSettings ps = ImageFit.PAD.wholeImage(16);
        BundleMetadata withFit = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, List.of("a", "b"), 16,
                1, ps, "net", 10, 1, "2026-01-01T00:00:00Z", 1.0, "0", Map.of(), Map.of(), null, ImageFit.PAD, "recipe");
        assertThat(withFit.wholeImagePatch()).isEqualTo(ps);
        assertThat(withFit.withGraphSha256("ab").imageFit()).isEqualTo(ImageFit.PAD);
        assertThat(withFit.withGraphSha256("ab").training()).isEqualTo("recipe");
        BundleMetadata old = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, List.of("a", "b"), 16,
                1, PatchSettings.wholeImage(16), "net", 10, 1, "2026-01-01T00:00:00Z", 1.0, "0", Map.of(), Map.of(), null);
        assertThat(old.imageFit()).isEqualTo(ImageFit.STRETCH);
        assertThat(old.wholeImagePatch()).isEqualTo(PatchSettings.wholeImage(16));
    }
}
