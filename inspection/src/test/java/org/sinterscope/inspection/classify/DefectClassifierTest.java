package org.sinterscope.inspection.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;

class DefectClassifierTest {

    private static ModelBundle bundle;

    @BeforeAll
    static void setUp() throws Exception {
        OpenCvNative.load();
        bundle = TinyBundles.bundle();
    }

    private static Mat noiseImage(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[200 * 300];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) r.nextInt(256);
        }
        Mat m = new Mat(200, 300, CvType.CV_8UC1);
        m.put(0, 0, px);
        return m;
    }

    private static List<PixelRect> candidates(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PixelRect> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new PixelRect(r.nextInt(-5, 290), r.nextInt(-5, 190), r.nextInt(1, 40), r.nextInt(1, 40)));
        }
        return out;
    }

    @Test
    void a_reused_graph_answers_like_a_fresh_one() {
        // DL4J 1.0.0-M2.1 with its output cache on answers a second input of the same shape wrongly
        Mat a = noiseImage(1);
        Mat b = noiseImage(2);
        try {
            DefectClassifier reused = new DefectClassifier(bundle, 0.5, 1);
            reused.classify(a, candidates(3, 20));
            List<Classification> second = reused.classify(b, candidates(4, 20));
            List<Classification> fresh = new DefectClassifier(bundle, 0.5, 1).classify(b, candidates(4, 20));
            assertThat(second).isEqualTo(fresh);
        } finally {
            a.release();
            b.release();
        }
    }

    @Test
    void large_lists_are_split_into_batches_without_changing_answers() {
        Mat img = noiseImage(5);
        try {
            DefectClassifier clf = new DefectClassifier(bundle, 0.5, 1);
            List<PixelRect> many = candidates(6, 300);
            List<Classification> all = clf.classify(img, many);
            assertThat(all).hasSize(300);
            for (int i : new int[] {0, 127, 128, 299}) {
                assertThat(clf.classify(img, List.of(many.get(i))).get(0)).isEqualTo(all.get(i));
            }
        } finally {
            img.release();
        }
    }

    @Test
    void below_the_threshold_a_result_is_uncertain() {
        Mat img = noiseImage(7);
        try {
            List<PixelRect> c = candidates(8, 50);
            List<Classification> strict = new DefectClassifier(bundle, 1.0, 1).classify(img, c);
            List<Classification> lax = new DefectClassifier(bundle, 0.0, 1).classify(img, c);
            assertThat(strict).allMatch(Classification::uncertain).allMatch(x -> x.label().equals(Classification.UNCERTAIN));
            assertThat(lax).noneMatch(Classification::uncertain);
            for (int i = 0; i < c.size(); i++) {
                assertThat(strict.get(i).className()).isEqualTo(lax.get(i).className());
                assertThat(lax.get(i).confidence()).isBetween(1.0 / 3 - 1e-6, 1.0);
            }
        } finally {
            img.release();
        }
    }

    @Test
    void concurrent_callers_get_the_same_answers_as_one_caller() throws Exception {
        Mat img = noiseImage(9);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            DefectClassifier one = new DefectClassifier(bundle, 0.5, 1);
            List<List<PixelRect>> jobs = new ArrayList<>();
            List<List<Classification>> expected = new ArrayList<>();
            for (int j = 0; j < 8; j++) {
                jobs.add(candidates(100 + j, 30));
                expected.add(one.classify(img, jobs.get(j)));
            }
            for (int instances : new int[] {1, 2}) {
                DefectClassifier shared = new DefectClassifier(bundle, 0.5, instances);
                List<Future<List<Classification>>> got = new ArrayList<>();
                for (List<PixelRect> job : jobs) {
                    got.add(pool.submit(() -> shared.classify(img, job)));
                }
                for (int j = 0; j < jobs.size(); j++) {
                    assertThat(got.get(j).get()).as("job %d with %d instances", j, instances).isEqualTo(expected.get(j));
                }
            }
        } finally {
            pool.shutdown();
            img.release();
        }
    }
}
