package org.sinterscope.inspection.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;

class PatchPreparerTest {

    @BeforeAll
    static void load() {
        OpenCvNative.load();
    }

    private static Mat image(int w, int h, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) r.nextInt(256);
        }
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, px);
        return m;
    }

    @Test
    void square_window_adds_the_margin_and_respects_its_limits() {
        PatchPreparer p = new PatchPreparer(new PatchSettings(32, 0.5, 24, 160, PatchSettings.ResizeMode.SQUARE));
        assertThat(p.window(new PixelRect(100, 100, 40, 20))).isEqualTo(new PixelRect(80, 70, 80, 80));
        assertThat(p.window(new PixelRect(100, 100, 4, 4))).isEqualTo(new PixelRect(90, 90, 24, 24));
        assertThat(p.window(new PixelRect(0, 0, 10, 1000))).isEqualTo(new PixelRect(-75, 420, 160, 160));
    }

    @Test
    void patch_equals_a_brute_force_area_average_of_the_window() {
        // window 64x64 inside the image shrunk to 32x32: each output pixel is the mean of a 2x2 block
        Mat img = image(200, 150, 3);
        try {
            PatchPreparer p = new PatchPreparer(new PatchSettings(32, 0.5, 24, 0, PatchSettings.ResizeMode.SQUARE));
            PixelRect cand = new PixelRect(60, 50, 32, 32);
            assertThat(p.window(cand)).isEqualTo(new PixelRect(44, 34, 64, 64));
            float[] patch = p.prepare(img, cand);
            byte[] px = new byte[200 * 150];
            img.get(0, 0, px);
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    double sum = 0;
                    for (int dr = 0; dr < 2; dr++) {
                        for (int dc = 0; dc < 2; dc++) {
                            sum += px[(34 + 2 * r + dr) * 200 + 44 + 2 * c + dc] & 0xFF;
                        }
                    }
                    assertThat((double) patch[r * 32 + c]).isCloseTo(sum / 4 / 255, org.assertj.core.data.Offset.offset(1e-5));
                }
            }
        } finally {
            img.release();
        }
    }

    @Test
    void window_beyond_the_image_repeats_the_border() {
        Mat img = new Mat(50, 50, CvType.CV_8UC1, new org.opencv.core.Scalar(0));
        try {
            img.col(0).setTo(new org.opencv.core.Scalar(255));
            PatchPreparer p = new PatchPreparer(new PatchSettings(8, 0, 8, 0, PatchSettings.ResizeMode.SQUARE));
            // window columns -4..3: columns -4..0 repeat the white border column, 1..3 are black
            float[] patch = p.prepare(img, new PixelRect(-4, 10, 8, 8));
            for (int r = 0; r < 8; r++) {
                assertThat(patch[r * 8]).isEqualTo(1f);
                assertThat(patch[r * 8 + 4]).isEqualTo(1f);
                assertThat(patch[r * 8 + 5]).isEqualTo(0f);
            }
        } finally {
            img.release();
        }
    }

    @Test
    void sixteen_bit_images_scale_to_the_same_range() {
        Mat img8 = image(64, 64, 4);
        Mat img16 = new Mat();
        try {
            img8.convertTo(img16, CvType.CV_16U, 257);
            PatchPreparer p = new PatchPreparer(PatchSettings.wholeImage(32));
            PixelRect all = new PixelRect(0, 0, 64, 64);
            float[] a = p.prepare(img8, all);
            float[] b = p.prepare(img16, all);
            for (int i = 0; i < a.length; i++) {
                assertThat(b[i]).isCloseTo(a[i], org.assertj.core.data.Offset.offset(1e-5f));
            }
        } finally {
            img8.release();
            img16.release();
        }
    }

    @Test
    void candidate_outside_the_image_or_colour_image_is_refused() {
        Mat img = image(50, 50, 5);
        Mat colour = new Mat(10, 10, CvType.CV_8UC3);
        try {
            PatchPreparer p = new PatchPreparer(PatchSettings.lineCandidates());
            assertThatThrownBy(() -> p.prepare(img, new PixelRect(500, 500, 5, 5))).hasMessageContaining("outside");
            assertThatThrownBy(() -> p.prepare(colour, new PixelRect(0, 0, 5, 5))).hasMessageContaining("grey");
            assertThatThrownBy(() -> p.prepare(img, new PixelRect(0, 0, 0, 5))).hasMessageContaining("positive size");
        } finally {
            img.release();
            colour.release();
        }
    }
}
