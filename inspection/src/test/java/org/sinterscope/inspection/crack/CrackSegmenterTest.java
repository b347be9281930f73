package org.sinterscope.inspection.crack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.WebGrid;

class CrackSegmenterTest {

    private static Mat noise(Mats m, int w, int h, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] v = new byte[w * h];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (120 + rnd.nextInt(20));
        }
        Mat img = m.mat();
        img.create(h, w, CvType.CV_8UC1);
        img.put(0, 0, v);
        return img;
    }

    @Test
    void the_probability_map_equals_a_brute_force_reference_in_one_piece_and_in_tiles() throws Exception {
        OpenCvNative.load();
        CrackSegmenter seg = new CrackSegmenter(SegmenterTestGraphs.darkLine());
        // 1030 x 1100 = 1.13 Mpx: above MAX_WHOLE_PX, so tiled, with odd sizes (padding); 300 x 210 in one piece
        for (int[] size : new int[][] {{300, 210}, {1030, 1100}}) {
            try (Mats m = new Mats()) {
                Mat img = noise(m, size[0], size[1], 3);
                Imgproc.line(img, new Point(5, 7), new Point(size[0] - 9, size[1] - 4), new Scalar(40), 2);
                Mat p = m.add(seg.probability(img));
                // reference: the same normalisation, 3x3 filter with zero border, sigmoid
                Mat norm = m.mat();
                SegmenterInput.normalise(img, norm);
                Mat k = m.mat();
                k.create(3, 3, CvType.CV_32F);
                float e = 1f / 8;
                k.put(0, 0, e, e, e, e, -1f, e, e, e, e);
                Mat conv = m.mat();
                Imgproc.filter2D(norm, conv, CvType.CV_32F, k, new Point(-1, -1), 0, Core.BORDER_CONSTANT);
                Mat ref = m.mat();
                conv.convertTo(ref, CvType.CV_32F, -4.0, 1.0); // exp(-z), z = 4·conv − 1
                Core.exp(ref, ref);
                Core.add(ref, new Scalar(1), ref);
                Core.divide(1.0, ref, ref);
                // the graph pads by reflection at the image's right/bottom edge up to a multiple of 4: compare inside
                Mat inner = m.add(p.submat(1, size[1] - 4, 1, size[0] - 4));
                Mat innerRef = m.add(ref.submat(1, size[1] - 4, 1, size[0] - 4));
                assertThat(Core.norm(inner, innerRef, Core.NORM_INF)).as("size %dx%d", size[0], size[1]).isLessThan(1e-4);
                assertThat(p.size()).isEqualTo(img.size());
            }
        }
    }

    @Test
    void the_mirror_average_is_the_mean_of_the_mirrored_maps_mirrored_back() throws Exception {
        OpenCvNative.load();
        // symmetric kernel: the graph commutes with mirroring, so the average equals the plain map
        CrackSegmenter symmetric = new CrackSegmenter(SegmenterTestGraphs.darkLine());
        // a kernel that looks left only: the mirrored maps differ, the average is checked piece by piece
        CrackSegmenter oneSided = new CrackSegmenter(SegmenterBundle.of(SegmenterTestGraphs.metadata(0.5, 0),
                SegmenterTestGraphs.conv3(new float[] {0, 0, 0, 1, -1, 0, 0, 0, 0}, 4.0, -1.0)));
        try (Mats m = new Mats()) {
            Mat img = noise(m, 120, 84, 9);
            Imgproc.line(img, new Point(10, 5), new Point(70, 80), new Scalar(40), 2);
            Mat plain = m.add(symmetric.probability(img));
            Mat avg = m.add(symmetric.probability(img, true));
            // inside: away from the right/bottom padding, which the mirror images put on the other side
            assertThat(Core.norm(m.add(plain.submat(4, 80, 4, 116)), m.add(avg.submat(4, 80, 4, 116)), Core.NORM_INF))
                    .isLessThan(1e-5);

            Mat sum = m.mat();
            sum.create(img.size(), CvType.CV_32FC1);
            sum.setTo(new Scalar(0));
            Core.add(sum, m.add(oneSided.probability(img)), sum);
            for (int code : new int[] {1, 0, -1}) {
                Mat f = m.mat();
                Core.flip(img, f, code);
                Mat back = m.mat();
                Core.flip(m.add(oneSided.probability(f)), back, code);
                Core.add(sum, back, sum);
            }
            Core.multiply(sum, new Scalar(0.25), sum);
            Mat got = m.add(oneSided.probability(img, true));
            assertThat(Core.norm(got, sum, Core.NORM_INF)).isLessThan(1e-5);
            assertThat(Core.norm(got, m.add(oneSided.probability(img)), Core.NORM_INF)).isGreaterThan(0.05);
        }
    }

    @Test
    void the_learned_detector_finds_a_dark_line_and_measures_it() throws Exception {
        OpenCvNative.load();
        LearnedCrackDetector det = new LearnedCrackDetector(new CrackSegmenter(SegmenterTestGraphs.darkLine()));
        try (Mats m = new Mats()) {
            Mat img = m.mat();
            img.create(200, 300, CvType.CV_8UC1);
            img.setTo(new Scalar(150));
            Imgproc.line(img, new Point(50, 100), new Point(250, 100), new Scalar(60), 1);
            Mat score = m.mat();
            try (CrackResult r = det.detect(img, new WebGrid(0, 0, PixelPitch.square(10)), score)) {
                assertThat(r.measurements().crackCount()).isEqualTo(1);
                assertThat(r.measurements().totalLengthMm()).isBetween(1.85, 2.1);
                assertThat(score.get(100, 150)[0]).isGreaterThan(0.9);
                assertThat(score.get(50, 150)[0]).isLessThan(0.5);
            }
        }
    }

    @Test
    void normalisation_removes_brightness_and_contrast() {
        OpenCvNative.load();
        try (Mats m = new Mats()) {
            Mat img = noise(m, 64, 64, 5);
            Mat brighter = m.mat();
            img.convertTo(brighter, CvType.CV_8U, 1.5, 30);
            Mat a = m.mat();
            Mat b = m.mat();
            SegmenterInput.normalise(img, a);
            SegmenterInput.normalise(brighter, b);
            SegmenterInput.Stats s = SegmenterInput.stats(img);
            assertThat(s.median()).isBetween(128.0, 131.0);
            // uniform 120..139: MAD 5 grey levels
            assertThat(s.spread()).isBetween(1.4826 * 4, 1.4826 * 6);
            assertThat(Core.norm(a, b, Core.NORM_INF)).isLessThan(0.12); // rounding of the 8-bit values
        }
    }
}
