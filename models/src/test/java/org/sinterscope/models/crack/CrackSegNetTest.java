package org.sinterscope.models.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.SegmenterBundle;
import org.sinterscope.inspection.crack.SegmenterInput;
import org.sinterscope.inspection.crack.SegmenterMetadata;

class CrackSegNetTest {

    private static final CrackSegNet DEEP = new CrackSegNet(4, 6, 8, 8, 2.0, 0.5);

    @Test
    void three_levels_need_multiples_of_8_and_count_their_parameters() {
        assertThat(DEEP.inputMultiplePx()).isEqualTo(8);
        assertThat(new CrackSegNet(4, 6, 8, 2.0).inputMultiplePx()).isEqualTo(4);
        long n = 0;
        for (INDArray a : DEEP.initialParameters(3).values()) {
            n += a.length();
        }
        assertThat(DEEP.parameterCount()).isEqualTo(n);
        // conv layers (weights + biases) of the two-level net, plus the 1/8 level: 2 convs, 2 decoder convs, 1 up-sampling
        long extra = (9L * 8 * 8 + 8) + (9L * 8 * 8 + 8) + (9L * 16 * 8 + 8) + (9L * 8 * 8 + 8) + 4L * 8 * 8;
        assertThat(DEEP.parameterCount() - new CrackSegNet(4, 6, 8, 2.0).parameterCount()).isEqualTo(extra);
        assertThatThrownBy(() -> new SegmenterTrainingSettings(1, 2, 36, 4, 8, 2, 2, 3e-3, 1.0, 4, 8, 8, 8, 3.0, 1.0, 10, 0.6, 0, null))
                .hasMessageContaining("36").hasMessageContaining("8");
        assertThatThrownBy(() -> new CrackSegNet(4, 6, 8, 8, 2.0, -1)).hasMessageContaining("-1");
    }

    @Test
    void a_three_level_net_gives_the_same_map_in_tiles_as_in_one_piece() throws Exception {
        OpenCvNative.load();
        Map<String, INDArray> params = DEEP.initialParameters(5);
        SegmenterMetadata md = new SegmenterMetadata(SegmenterMetadata.FORMAT, SegmenterMetadata.FORMAT_VERSION, DEEP.describe(),
                DEEP.parameterCount(), DEEP.inputMultiplePx(), "test", 0.5, 0, 5, "2026-01-01T00:00:00Z", 0, "hash",
                Map.of("train", 1), Map.of(), null);
        SegmenterBundle bundle = SegmenterBundle.of(md, DEEP.inferenceGraph(params));
        CrackSegmenter seg = new CrackSegmenter(bundle);
        int w = 1030;
        int h = 1100; // 1.13 Mpx: tiled by the segmenter
        try (Mats m = new Mats()) {
            SplittableRandom rnd = new SplittableRandom(2);
            byte[] v = new byte[w * h];
            for (int i = 0; i < v.length; i++) {
                v[i] = (byte) (110 + rnd.nextInt(40));
            }
            Mat img = m.mat();
            img.create(h, w, CvType.CV_8UC1);
            img.put(0, 0, v);
            Imgproc.line(img, new Point(3, 9), new Point(w - 5, h - 11), new Scalar(30), 3);
            Mat tiled = m.add(seg.probability(img));
            // reference: the whole normalised image, padded by reflection to a multiple of 8, through the graph at once
            Mat norm = m.mat();
            SegmenterInput.normalise(img, norm);
            Mat padded = m.mat();
            Core.copyMakeBorder(norm, padded, 0, (8 - h % 8) % 8, 0, (8 - w % 8) % 8, Core.BORDER_REFLECT_101);
            float[] px = new float[padded.rows() * padded.cols()];
            padded.get(0, 0, px);
            SameDiff g = bundle.newGraph();
            float[] ref = g.output(Map.of(SegmenterBundle.INPUT, Nd4j.create(px, new long[] {1, 1, padded.rows(), padded.cols()}, 'c')),
                    SegmenterBundle.OUTPUT).get(SegmenterBundle.OUTPUT).data().asFloat();
            Mat refMap = m.mat();
            refMap.create(padded.rows(), padded.cols(), CvType.CV_32FC1);
            refMap.put(0, 0, ref);
            Mat refCrop = m.add(refMap.submat(0, h, 0, w));
            assertThat(Core.norm(tiled, refCrop, Core.NORM_INF)).isLessThan(1e-4);
        }
    }
}
