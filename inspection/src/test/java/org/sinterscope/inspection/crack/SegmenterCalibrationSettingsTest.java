package org.sinterscope.inspection.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/** The segmenter's input and mask settings: local normalisation, input scales, hysteresis, older bundles. */
class SegmenterCalibrationSettingsTest {

    /** Uniform noise 110..139 plus a horizontal illumination ramp of {@code ramp} grey levels over the width. */
    private static Mat image(Mats m, int w, int h, long seed, double ramp) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] v = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                v[y * w + x] = (byte) Math.round(70 + rnd.nextInt(30) + ramp * x / (w - 1));
            }
        }
        Mat img = m.mat();
        img.create(h, w, CvType.CV_8UC1);
        img.put(0, 0, v);
        return img;
    }

    @Test
    void local_normalisation_at_a_grid_node_is_the_normalisation_with_that_windows_statistics() {
        OpenCvNative.load();
        int win = 48;
        int step = (win + 2) / 3;
        try (Mats m = new Mats()) {
            Mat img = image(m, 200, 150, 1, 100);
            Mat local = m.mat();
            SegmenterInput.normaliseLocal(img, win, local);
            assertThat(local.size()).isEqualTo(img.size());
            for (int[] node : new int[][] {{2, 2}, {5, 3}, {0, 0}, {12, 9}}) {
                int x = node[0] * step;
                int y = node[1] * step;
                int x0 = Math.max(0, Math.min(img.cols() - win, x - win / 2));
                int y0 = Math.max(0, Math.min(img.rows() - win, y - win / 2));
                SegmenterInput.Stats s = SegmenterInput.stats(m.add(img.submat(new Rect(x0, y0, win, win)).clone()));
                double want = Math.max(-2, Math.min(2, (img.get(y, x)[0] - s.median()) / (3 * s.spread())));
                assertThat(local.get(y, x)[0]).as("node %s", java.util.Arrays.toString(node)).isCloseTo(want,
                        org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }

    @Test
    void local_normalisation_keeps_a_shadowed_half_as_it_is_where_the_whole_image_normalisation_flattens_it() {
        OpenCvNative.load();
        try (Mats m = new Mats()) {
            Mat flat = image(m, 512, 256, 2, 0);
            Mat shadowed = m.mat();
            flat.copyTo(shadowed);
            Mat right = m.add(shadowed.submat(new Rect(256, 0, 256, 256)));
            Core.add(right, new Scalar(80), right); // the right half lit 80 grey levels brighter
            Mat a = m.mat();
            Mat b = m.mat();
            SegmenterInput.normaliseLocal(flat, 96, a);
            SegmenterInput.normaliseLocal(shadowed, 96, b);
            // left of x = 256 − 48 (half window) − 32 (grid step) − 1 no window or interpolation node sees the step
            Rect far = new Rect(0, 0, 175, 256);
            assertThat(Core.norm(m.add(a.submat(far)), m.add(b.submat(far)), Core.NORM_INF)).isLessThan(1e-5);
            Mat whole = m.mat();
            SegmenterInput.normalise(shadowed, whole);
            Mat flatWhole = m.mat();
            SegmenterInput.normalise(flat, flatWhole);
            // the whole image's spread now comes from the step: the texture (and a crack in it) loses most of its contrast
            assertThat(std(m.add(whole.submat(far)))).isLessThan(0.4 * std(m.add(flatWhole.submat(far))));
            assertThat(std(m.add(b.submat(far)))).isCloseTo(std(m.add(a.submat(far))), org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void local_normalisation_refuses_a_window_out_of_range_and_a_colour_image() {
        OpenCvNative.load();
        try (Mats m = new Mats()) {
            Mat img = image(m, 64, 64, 3, 0);
            assertThatThrownBy(() -> SegmenterInput.normaliseLocal(img, 8, m.mat())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got 8");
            Mat colour = m.mat();
            colour.create(32, 32, CvType.CV_8UC3);
            assertThatThrownBy(() -> SegmenterInput.normaliseLocal(colour, 32, m.mat())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8UC3");
        }
    }

    @Test
    void a_map_over_several_input_scales_is_the_mean_of_the_maps_at_each_scale_resized_back() throws Exception {
        OpenCvNative.load();
        SegmenterBundle base = SegmenterTestGraphs.darkLine();
        SegmenterBundle both = calibrated(base, 48, List.of(1.0, 0.5), 0.5, 0.5);
        SegmenterBundle one = calibrated(base, 48, List.of(1.0), 0.5, 0.5);
        try (Mats m = new Mats()) {
            Mat img = image(m, 160, 120, 4, 40);
            Imgproc.line(img, new Point(10, 20), new Point(150, 100), new Scalar(30), 3);
            Mat p = m.add(new CrackSegmenter(both).probability(img));
            Mat p1 = m.add(new CrackSegmenter(one).probability(img));
            Mat half = m.mat();
            Imgproc.resize(img, half, new Size(80, 60), 0, 0, Imgproc.INTER_AREA);
            Mat p05 = m.add(new CrackSegmenter(one).probability(half));
            Imgproc.resize(p05, p05, img.size(), 0, 0, Imgproc.INTER_LINEAR);
            Mat ref = m.mat();
            Core.addWeighted(p1, 0.5, p05, 0.5, 0, ref);
            assertThat(Core.norm(p, ref, Core.NORM_INF)).isLessThan(1e-5);
        }
    }

    @Test
    void hysteresis_keeps_only_components_that_hold_a_seed() {
        OpenCvNative.load();
        try (Mats m = new Mats()) {
            Mat p = m.mat();
            p.create(40, 60, CvType.CV_32FC1);
            p.setTo(new Scalar(0.1));
            Imgproc.line(p, new Point(5, 5), new Point(50, 5), new Scalar(0.6), 1);   // weak line with one strong pixel
            p.put(5, 30, 0.97f);
            Imgproc.line(p, new Point(5, 30), new Point(50, 30), new Scalar(0.7), 1); // weak line, no seed
            Mat mask = m.mat();
            LearnedCrackDetector.mask(p, 0.5, 0.95, 0, mask, null);
            assertThat(Core.countNonZero(mask)).isEqualTo(46);
            assertThat(mask.get(5, 5)[0]).isEqualTo(255);
            assertThat(mask.get(30, 20)[0]).isZero();
            LearnedCrackDetector.mask(p, 0.5, 0.5, 0, mask, null); // equal thresholds: plain thresholding
            assertThat(Core.countNonZero(mask)).isEqualTo(92);
            assertThatThrownBy(() -> LearnedCrackDetector.mask(p, 0.6, 0.5, 0, m.mat(), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.6");
        }
    }

    @Test
    void a_bundle_written_before_the_calibration_fields_loads_as_whole_image_single_scale_plain_threshold() throws Exception {
        SegmenterBundle b = SegmenterTestGraphs.darkLine();
        String json = b.metadataJson().replaceAll(",\\s*\"normWindowPx\"\\s*:\\s*\\d+", "")
                .replaceAll(",\\s*\"seedThreshold\"\\s*:\\s*[0-9.]+", "")
                .replaceAll(",\\s*\"scales\"\\s*:\\s*\\[[^]]*]", "");
        assertThat(json).doesNotContain("normWindowPx").doesNotContain("seedThreshold").doesNotContain("scales");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("metadata.json"));
            z.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry("graph.sd"));
            ByteArrayOutputStream g = new ByteArrayOutputStream();
            b.newGraph().save(g, false);
            z.write(g.toByteArray());
            z.closeEntry();
        }
        SegmenterMetadata md = SegmenterBundle.load(new ByteArrayInputStream(zip.toByteArray()), "old.zip").metadata();
        assertThat(md.normWindowPx()).isZero();
        assertThat(md.seedThreshold()).isEqualTo(md.threshold());
        assertThat(md.scales()).containsExactly(1.0);
    }

    @Test
    void calibration_settings_out_of_range_are_refused_with_the_value() throws Exception {
        SegmenterBundle b = SegmenterTestGraphs.darkLine();
        assertThatThrownBy(() -> calibrated(b, 8, List.of(1.0), 0.5, 0.5)).hasMessageContaining("got 8");
        assertThatThrownBy(() -> calibrated(b, 96, List.of(1.0, 3.0), 0.5, 0.5)).hasMessageContaining("3.0");
        assertThatThrownBy(() -> calibrated(b, 96, List.of(1.0), 0.6, 0.5)).hasMessageContaining("0.5");
    }

    private static double std(Mat m) {
        org.opencv.core.MatOfDouble mean = new org.opencv.core.MatOfDouble();
        org.opencv.core.MatOfDouble sd = new org.opencv.core.MatOfDouble();
        Core.meanStdDev(m, mean, sd);
        double v = sd.get(0, 0)[0];
        mean.release();
        sd.release();
        return v;
    }

    private static SegmenterBundle calibrated(SegmenterBundle b, int window, List<Double> scales, double t, double seed)
            throws Exception {
        return b.withMetadata(b.metadata().withCalibration(window, "test", scales, t, seed, Map.of()));
    }
}
