package org.sinterscope.models;

import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.Normalizer;

/** Batch inference on an inference graph, for training and evaluation. */
final class Predictor {

    private Predictor() {
    }

    static float[][] probabilities(SameDiff inf, float[] values, int count, int size, Normalizer norm, int batch) {
        int v = size * size;
        float[][] out = new float[count][];
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            float[] x = new float[n * v];
            System.arraycopy(values, from * v, x, 0, n * v);
            INDArray fx = norm.applyInPlace(Nd4j.create(x, new long[] {n, 1, size, size}, 'c'));
            INDArray y = inf.output(Map.of(ModelBundle.INPUT, fx), ModelBundle.OUTPUT).get(ModelBundle.OUTPUT);
            System.arraycopy(y.toFloatMatrix(), 0, out, from, n);
        }
        return out;
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int k = 1; k < row.length; k++) {
            if (row[k] > row[best]) {
                best = k;
            }
        }
        return best;
    }
}
