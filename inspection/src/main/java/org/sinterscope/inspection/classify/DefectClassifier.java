package org.sinterscope.inspection.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Mat;
import org.sinterscope.camera.PixelRect;

/**
 * Classifies defect candidates with a {@link ModelBundle}: each candidate becomes a patch
 * ({@link PatchPreparer}, with the bundle's settings), patches are standardised with the
 * bundle's normalizer and run through the graph in batches of at most {@link #maxBatch()};
 * the answer is the class of highest softmax probability and that probability as confidence,
 * flagged {@code uncertain} when the confidence is below the threshold.
 *
 * <p>Thread-safe: the classifier holds a small pool of independent graph instances
 * ({@code instances}, one per thread that may classify at the same time); a call borrows one for
 * the duration of its batches and waits when all are busy. One instance (the default) serialises
 * calls; the station's two inspection threads may use two (see docs/classifier.md for measured
 * throughput of both).
 */
public final class DefectClassifier {

    private static final int DEFAULT_MAX_BATCH = 128;

    private final ModelBundle bundle;
    private final PatchPreparer preparer;
    private final double threshold;
    private final int maxBatch;
    private final BlockingQueue<SameDiff> pool;
    private final List<String> classes;

    /**
     * @param bundle              the model
     * @param confidenceThreshold below this confidence a result is uncertain, in [0, 1]
     * @param instances           graph instances, i.e. how many threads may classify at once (1–16)
     */
    public DefectClassifier(ModelBundle bundle, double confidenceThreshold, int instances) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        if (!(confidenceThreshold >= 0 && confidenceThreshold <= 1)) {
            throw new IllegalArgumentException("confidence threshold must be in [0, 1], got " + confidenceThreshold);
        }
        if (instances < 1 || instances > 16) {
            throw new IllegalArgumentException("graph instances must be 1..16, got " + instances);
        }
        this.threshold = confidenceThreshold;
        this.preparer = new PatchPreparer(bundle.metadata().patch());
        this.maxBatch = DEFAULT_MAX_BATCH;
        this.classes = bundle.metadata().classes();
        this.pool = new ArrayBlockingQueue<>(instances);
        for (int i = 0; i < instances; i++) {
            pool.add(bundle.newGraph());
        }
    }

    /** One graph instance, threshold 0.5. */
    public DefectClassifier(ModelBundle bundle) {
        this(bundle, 0.5, 1);
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public PatchPreparer preparer() {
        return preparer;
    }

    public double confidenceThreshold() {
        return threshold;
    }

    public int maxBatch() {
        return maxBatch;
    }

    /**
     * Classifies {@code candidates} of a grey frame, in order.
     *
     * @param frameGrey  the frame, 8- or 16-bit grey
     * @param candidates candidate boxes in the frame's pixels
     */
    public List<Classification> classify(Mat frameGrey, List<PixelRect> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return classifyPatches(preparer.prepareAll(frameGrey, candidates), candidates.size());
    }

    /** Classifies {@code count} prepared patches (as {@link PatchPreparer} makes them), in order. */
    public List<Classification> classifyPatches(float[] patches, int count) {
        float[][] p = probabilities(patches, count);
        List<Classification> out = new ArrayList<>(count);
        for (float[] row : p) {
            int best = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            double conf = Math.min(1.0, Math.max(0.0, row[best]));
            out.add(new Classification(classes.get(best), conf, conf < threshold));
        }
        return out;
    }

    /**
     * Class probabilities for {@code count} prepared patches: {@code [count][classes]}, each row
     * summing to 1.
     */
    public float[][] probabilities(float[] patches, int count) {
        int v = preparer.settings().valuesPerPatch();
        if (count < 0 || (long) count * v > patches.length) {
            throw new IllegalArgumentException(count + " patches of " + v + " values need " + ((long) count * v)
                    + " values, got " + patches.length);
        }
        float[][] out = new float[count][];
        if (count == 0) {
            return out;
        }
        int s = preparer.settings().sizePx();
        SameDiff sd = borrow();
        try {
            for (int start = 0; start < count; start += maxBatch) {
                int n = Math.min(maxBatch, count - start);
                float[] chunk = new float[n * v];
                System.arraycopy(patches, start * v, chunk, 0, n * v);
                try (INDArray x = Nd4j.create(chunk, new long[] {n, 1, s, s}, 'c')) {
                    bundle.normalizer().applyInPlace(x);
                    INDArray y = sd.output(Map.of(ModelBundle.INPUT, x), ModelBundle.OUTPUT).get(ModelBundle.OUTPUT);
                    float[][] rows = y.toFloatMatrix();
                    System.arraycopy(rows, 0, out, start, n);
                    y.close();
                }
            }
        } finally {
            pool.add(sd);
        }
        return out;
    }

    private SameDiff borrow() {
        try {
            return pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free classifier graph", e);
        }
    }
}
