package org.sinterscope.inspection.crack;

import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/** Small hand-made segmenter graphs and bundles for tests. */
final class SegmenterTestGraphs {

    private SegmenterTestGraphs() {
    }

    /** {@code probability = sigmoid(gain · (k ∗ input) + bias)} with a 3×3 kernel {@code k} ("same" padding, zeros outside). */
    static SameDiff conv3(float[] kernel3x3, double gain, double bias) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder(SegmenterBundle.INPUT, DataType.FLOAT, -1, 1, -1, -1);
        SDVariable w = sd.constant("w", Nd4j.create(kernel3x3, new long[] {3, 3, 1, 1}, 'c'));
        SDVariable y = sd.cnn().conv2d(x, w, Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1)
                .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
        sd.nn().sigmoid(SegmenterBundle.OUTPUT, y.mul(gain).add(bias));
        return sd;
    }

    static SegmenterMetadata metadata(double threshold, int minLengthPx) {
        return new SegmenterMetadata(SegmenterMetadata.FORMAT, SegmenterMetadata.FORMAT_VERSION, "test conv3", 9, 4, "test",
                threshold, minLengthPx, 1, "2026-01-01T00:00:00Z", 0, "hash", Map.of("train", 1), Map.of(), null);
    }

    /** A dark-line detector: centre minus neighbours' mean, negated (dark centre → high). */
    static SegmenterBundle darkLine() throws Exception {
        float e = 1f / 8;
        float[] k = {e, e, e, e, -1f, e, e, e, e};
        return SegmenterBundle.of(metadata(0.5, 0), conv3(k, 4.0, -1.0));
    }
}
