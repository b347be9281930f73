package org.sinterscope.inspection.coating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.OpenCvNative;

/** {@link CdProfile}'s fast paths against brute-force references on seeded inputs, bit for bit. */
class CdProfileTest {

    static Stream<Arguments> medians() {
        // length, from, to, window, distinct levels (few levels: many ties), seed
        return Stream.of(
                Arguments.of(4096, 300, 3800, 200, 0, 1L),
                Arguments.of(4096, 300, 3800, 200, 5, 2L),
                Arguments.of(1000, 0, 1000, 31, 0, 3L),
                Arguments.of(1000, 10, 990, 15, 3, 4L),
                Arguments.of(50, 5, 45, 200, 0, 5L),
                Arguments.of(100, 0, 100, 2, 0, 6L),
                Arguments.of(17, 0, 17, 16, 2, 7L),
                Arguments.of(1, 0, 1, 200, 0, 8L));
    }

    @ParameterizedTest(name = "n {0}, [{1}, {2}), window {3}, levels {4}")
    @MethodSource("medians")
    void running_median_equals_sorting_each_window(int len, int from, int to, int window, int levels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] p = new float[len];
        for (int i = 0; i < len; i++) {
            p[i] = levels > 0 ? 60 + r.nextInt(levels) : (float) (80 + 10 * Math.sin(i / 300.0) + r.nextGaussian() * 3);
        }
        assertThat(CdProfile.runningMedian(p, from, to, window)).containsExactly(bruteForce(p, from, to, window));
    }

    @ParameterizedTest(name = "n {0}, [{1}, {2}), window {3}, levels {4}")
    @MethodSource("medians")
    void running_median_of_sums_equals_the_running_median_of_the_means(int len, int from, int to, int window, int levels,
                                                                        long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 100 + (int) seed;
        float scale = (float) (1.0 / rows);
        int[] sums = new int[len];
        float[] means = new float[len];
        for (int i = 0; i < len; i++) {
            double grey = levels > 0 ? 60 + r.nextInt(levels) + 0.01 * r.nextInt(3) : 80 + 10 * Math.sin(i / 300.0) + r.nextGaussian();
            sums[i] = (int) Math.round(grey * rows);
            means[i] = sums[i] * scale;
        }
        int[] hist = new int[255 * rows + 1];
        assertThat(CdProfile.runningMedian(sums, scale, from, to, window, hist)).containsExactly(bruteForce(means, from, to, window));
        assertThat(hist).as("histogram left empty").containsOnly(0);
    }

    @ParameterizedTest(name = "{0} lines in {1} stripes")
    @CsvSource({"1024, 8", "1000, 7", "512, 4", "37, 3", "2048, 9"})
    void stripe_sums_and_means_match_opencv_reduce(int h, int n) {
        OpenCvNative.load();
        SplittableRandom r = new SplittableRandom(h);
        byte[] px = new byte[h * 300];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (r.nextInt(4) == 0 ? r.nextInt(256) : 240 + r.nextInt(16));
        }
        Mat img = new Mat(h, 300, CvType.CV_8UC1);
        Mat avg = new Mat();
        try {
            img.put(0, 0, px);
            StripeProfiles sp = CdProfile.stripes(img, n);
            assertThat(sp.count()).isEqualTo(n);
            for (int s = 0; s < n; s++) {
                Mat stripe = img.rowRange(s * h / n, (s + 1) * h / n);
                Core.reduce(stripe, avg, 0, Core.REDUCE_AVG, CvType.CV_32F);
                float[] want = new float[300];
                avg.get(0, 0, want);
                stripe.release();
                assertThat(sp.means()[s]).containsExactly(want);
                assertThat(sp.rows()[s]).isEqualTo((s + 1) * h / n - s * h / n);
            }
        } finally {
            img.release();
            avg.release();
        }
    }

    @ParameterizedTest(name = "{0} stripes")
    @CsvSource({"3", "4", "8", "9"})
    void median_over_stripes_equals_sorting_each_column(int n) {
        SplittableRandom r = new SplittableRandom(n);
        float[][] st = new float[n][500];
        for (float[] row : st) {
            for (int c = 0; c < row.length; c++) {
                row[c] = r.nextInt(5) == 0 ? 0f : (float) (r.nextInt(20) + r.nextInt(128) / 128.0);
            }
        }
        float[] got = CdProfile.median(st);
        for (int c = 0; c < 500; c++) {
            float[] v = new float[n];
            for (int s = 0; s < n; s++) {
                v[s] = st[s][c];
            }
            Arrays.sort(v);
            assertThat(got[c]).isEqualTo(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2f);
        }
    }

    @ParameterizedTest(name = "{0} values, {1} levels")
    @CsvSource({"4096, 0", "4096, 3", "1024, 1", "1, 0", "2, 2", "7, 0", "1000, 50"})
    void select_gives_what_sorting_puts_at_that_index(int n, int levels) {
        SplittableRandom r = new SplittableRandom(n * 7L + levels);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = levels > 0 ? r.nextInt(levels) * 0.5f : (float) r.nextGaussian() * 40;
        }
        if (n > 3) {
            v[1] = -0.0f;
            v[2] = 0.0f;
        }
        float[] sorted = v.clone();
        Arrays.sort(sorted);
        for (int k : new int[] {0, n / 2, n - 1, n / 3}) {
            assertThat(Float.floatToIntBits(CdProfile.select(v, k))).isEqualTo(Float.floatToIntBits(sorted[k]));
        }
    }

    /** The definition: sort every knot's window. */
    private static float[] bruteForce(float[] p, int from, int to, int window) {
        int n = to - from;
        float[] out = new float[n];
        if (n <= 0) {
            return out;
        }
        int half = Math.max(1, window / 2);
        int step = Math.max(1, window / 16);
        int knots = (n - 1) / step + 2;
        float[] kv = new float[knots];
        int[] kx = new int[knots];
        for (int k = 0; k < knots; k++) {
            int x = Math.min(n - 1, k * step);
            int a = Math.max(0, x - half);
            int b = Math.min(n - 1, x + half);
            float[] buf = Arrays.copyOfRange(p, from + a, from + b + 1);
            Arrays.sort(buf);
            kv[k] = buf[buf.length / 2];
            kx[k] = x;
        }
        int k = 0;
        for (int x = 0; x < n; x++) {
            while (k < knots - 2 && kx[k + 1] < x) {
                k++;
            }
            float t = kx[k + 1] == kx[k] ? 0f : (float) (x - kx[k]) / (kx[k + 1] - kx[k]);
            out[x] = kv[k] + t * (kv[k + 1] - kv[k]);
        }
        return out;
    }
}
