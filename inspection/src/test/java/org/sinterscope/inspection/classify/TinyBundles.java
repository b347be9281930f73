package org.sinterscope.inspection.classify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/** Small hand-made bundles for tests of the inline side (the trainer lives in models). */
final class TinyBundles {

    static final List<String> CLASSES = List.of("dark", "bright", "edge");

    private TinyBundles() {
    }

    /** conv 3×3 (4 channels, seeded weights) → ReLU → global mean → dense(3) → softmax, 16 × 16 input. */
    static ModelBundle bundle() throws ModelBundleException {
        PatchSettings ps = new PatchSettings(16, 0.5, 8, 64, PatchSettings.ResizeMode.SQUARE);
        SameDiff sd = SameDiff.create();
        sd.setEnableCache(false);
        SDVariable x = sd.placeHolder(ModelBundle.INPUT, DataType.FLOAT, -1, 1, 16, 16);
        Nd4j.getRandom().setSeed(42);
        SDVariable w = sd.constant("w", Nd4j.randn(DataType.FLOAT, 3, 3, 1, 4));
        SDVariable h = sd.nn().relu(sd.cnn().conv2d(x, w, Conv2DConfig.builder().kH(3).kW(3).paddingMode(PaddingMode.SAME)
                .dataFormat("NCHW").build()), 0);
        SDVariable logits = sd.nn().linear(h.mean(2, 3), sd.constant("wd", Nd4j.randn(DataType.FLOAT, 4, 3).mul(4)),
                sd.constant("bd", Nd4j.zeros(DataType.FLOAT, 3)));
        sd.nn().softmax(ModelBundle.OUTPUT, logits, 1);
        BundleMetadata md = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, CLASSES, 16, 1, ps,
                "test net", 76, 42, "2026-01-01T00:00:00Z", 1.0, "0".repeat(64), Map.of("train", 1), Map.of(), null);
        return ModelBundle.of(md, new Normalizer(0.4, 0.2), sd);
    }

    static byte[] bytes(ModelBundle b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.write(out);
        return out.toByteArray();
    }
}
