package org.sinterscope.models.crack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.sinterscope.inspection.crack.SegmenterBundle;

/**
 * A compact U-Net for crack probability, as SameDiff graphs (NCHW, one grey channel in, one
 * probability channel out, any input size divisible by 4):
 *
 * <pre>
 * e0 = conv(c0) → conv(c0)                       full resolution
 * e1 = maxpool2 → conv(c1) → conv(c1)            1/2
 * b  = maxpool2 → conv(c2) → conv(c2)            1/4
 * [c3 &gt; 0: b3 = maxpool2 → conv(c3) → conv(c3)   1/8
 *            b  = up2(b3) ⊕ b → conv(c2) → conv(c2)  1/4]
 * d1 = up2(b) ⊕ e1 → conv(c1) → conv(c1)          1/2   (⊕: channel concatenation;
 * d0 = up2(d1) ⊕ e0 → conv(c0) → conv(c0)         full   up2: 2×2 stride-2 transposed conv)
 * p  = sigmoid(conv1×1(d0))
 * </pre>
 * every conv 3×3 "same" with bias and ReLU, He-initialised from the seed. No batch norm: the
 * input is normalised per image ({@link org.sinterscope.inspection.crack.SegmenterInput}) and the
 * net is shallow, so training graph and inference graph are the same graph.
 *
 * <p>Loss (training graph): pixel-weighted binary cross-entropy on the logits {@code z},
 * {@code mean(w·(softplus(z) − y·z))} with {@code w = posWeight} on crack pixels and 1 elsewhere,
 * plus {@code diceWeight} times the soft Dice loss {@code 1 − (2Σpy + 1)/(Σp + Σy + 1)} over the batch.
 * The third pooling level ({@code c3 > 0}) widens the receptive radius from ~18 px to ~45 px
 * (context along a crack and across textured surfaces); inputs are then multiples of 8.
 *
 * @param c0         channels at full resolution
 * @param c1         channels at 1/2
 * @param c2         channels at 1/4
 * @param c3         channels at 1/8; 0: no third pooling level
 * @param posWeight  BCE weight of crack pixels (≥ 1: cracks are ~2–5 % of the pixels)
 * @param diceWeight weight of the Dice term, 0..10
 */
public record CrackSegNet(int c0, int c1, int c2, int c3, double posWeight, double diceWeight) {

    static final String LABEL = "label";
    static final String LOSS = "loss";
    static final String LOGITS = "logits";

    public CrackSegNet {
        if (c0 < 1 || c1 < 1 || c2 < 1 || c3 < 0 || c0 > 128 || c1 > 256 || c2 > 512 || c3 > 512) {
            throw new IllegalArgumentException("channels must be 1..128/256/512 and 0..512, got " + c0 + "/" + c1 + "/" + c2 + "/" + c3);
        }
        if (!(posWeight >= 1 && posWeight <= 100) || !(diceWeight >= 0 && diceWeight <= 10)) {
            throw new IllegalArgumentException("positive weight must be 1..100 and Dice weight 0..10, got " + posWeight + ", " + diceWeight);
        }
    }

    /** The two-level net with the Dice term at weight 1. */
    public CrackSegNet(int c0, int c1, int c2, double posWeight) {
        this(c0, c1, c2, 0, posWeight, 1.0);
    }

    /** Input sides must be multiples of this, px (2^pooling steps). */
    public int inputMultiplePx() {
        return c3 > 0 ? 8 : 4;
    }

    /** One-line description for the bundle metadata. */
    public String describe() {
        String deep = c3 > 0 ? " | pool, 2x conv3x3(" + c3 + ") | up, concat, 2x conv3x3(" + c2 + ")" : "";
        return "U-Net grey in | 2x conv3x3(" + c0 + ") | pool, 2x conv3x3(" + c1 + ") | pool, 2x conv3x3(" + c2 + ")" + deep
                + " | up, concat, 2x conv3x3(" + c1 + ") | up, concat, 2x conv3x3(" + c0 + ") | conv1x1(1) | sigmoid; ReLU, no BN"
                + (diceWeight == 1.0 ? "" : "; loss BCE(pos x" + posWeight + ") + " + diceWeight + " Dice");
    }

    /** Layer names and shapes {@code [kH, kW, in, out]}, in graph order. */
    private Map<String, int[]> layers() {
        Map<String, int[]> l = new LinkedHashMap<>();
        l.put("e0a", new int[] {3, 3, 1, c0});
        l.put("e0b", new int[] {3, 3, c0, c0});
        l.put("e1a", new int[] {3, 3, c0, c1});
        l.put("e1b", new int[] {3, 3, c1, c1});
        l.put("b0a", new int[] {3, 3, c1, c2});
        l.put("b0b", new int[] {3, 3, c2, c2});
        if (c3 > 0) {
            l.put("b1a", new int[] {3, 3, c2, c3});
            l.put("b1b", new int[] {3, 3, c3, c3});
            l.put("d2a", new int[] {3, 3, c3 + c2, c2});
            l.put("d2b", new int[] {3, 3, c2, c2});
        }
        l.put("d1a", new int[] {3, 3, c2 + c1, c1});
        l.put("d1b", new int[] {3, 3, c1, c1});
        l.put("d0a", new int[] {3, 3, c1 + c0, c0});
        l.put("d0b", new int[] {3, 3, c0, c0});
        l.put("out", new int[] {1, 1, c0, 1});
        return l;
    }

    /** Up-sampling layers and their channels (in = out). */
    private Map<String, Integer> ups() {
        Map<String, Integer> u = new LinkedHashMap<>();
        if (c3 > 0) {
            u.put("u2", c3);
        }
        u.put("u1", c2);
        u.put("u0", c1);
        return u;
    }

    public long parameterCount() {
        long n = 0;
        for (int[] s : layers().values()) {
            n += (long) s[0] * s[1] * s[2] * s[3] + s[3];
        }
        for (int c : ups().values()) {
            n += 4L * c * c;
        }
        return n;
    }

    /** He-initialised weights and zero biases from {@code seed}: name → array. */
    public Map<String, INDArray> initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : layers().entrySet()) {
            int[] s = e.getValue();
            double std = Math.sqrt(2.0 / (s[0] * s[1] * s[2]));
            float[] v = new float[s[0] * s[1] * s[2] * s[3]];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rnd.nextGaussian() * std);
            }
            p.put("w_" + e.getKey(), Nd4j.create(v, new long[] {s[0], s[1], s[2], s[3]}, 'c'));
            p.put("b_" + e.getKey(), Nd4j.zeros(DataType.FLOAT, s[3]));
        }
        for (Map.Entry<String, Integer> e : ups().entrySet()) {
            int c = e.getValue();
            float[] v = new float[4 * c * c];
            for (int k = 0; k < 4; k++) {
                for (int i = 0; i < c; i++) {
                    for (int j = 0; j < c; j++) {
                        v[(k * c + i) * c + j] = (float) ((i == j ? 1.0 : 0.0) + rnd.nextGaussian() * 0.01);
                    }
                }
            }
            p.put("w_" + e.getKey(), Nd4j.create(v, new long[] {2, 2, c, c}, 'c'));
        }
        return p;
    }

    /** The training graph (variables initialised with copies of {@code params}), loss {@value #LOSS}. */
    public SameDiff trainingGraph(Map<String, INDArray> params) {
        SameDiff sd = build(params, true);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, 1, -1, -1);
        SDVariable z = sd.getVariable(LOGITS);
        SDVariable p = sd.getVariable(SegmenterBundle.OUTPUT);
        SDVariable w = label.mul(posWeight - 1).add(1.0);
        SDVariable bce = sd.mean(w.mul(sd.nn().softplus(z).sub(label.mul(z))));
        SDVariable inter = sd.sum(p.mul(label));
        SDVariable dice = sd.math().neg(inter.mul(2).add(1.0).div(sd.sum(p).add(sd.sum(label)).add(1.0))).add(1.0);
        bce.add(LOSS, dice.mul(diceWeight));
        sd.setLossVariables(LOSS);
        return sd;
    }

    /** The inference graph: weights as constants, {@code input → probability}. */
    public SameDiff inferenceGraph(Map<String, INDArray> params) {
        return build(params, false);
    }

    /** Current trainable parameters of a training graph, copied. */
    public Map<String, INDArray> parameters(SameDiff training) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (String name : initialParameters(0).keySet()) {
            p.put(name, training.getArrForVarName(name).dup());
        }
        return p;
    }

    private SameDiff build(Map<String, INDArray> params, boolean trainable) {
        SameDiff sd = SameDiff.create();
        sd.setEnableCache(false); // M2.1: the output cache mixes up inputs of equal shape
        SDVariable x = sd.placeHolder(SegmenterBundle.INPUT, DataType.FLOAT, -1, 1, -1, -1);
        Layer l = new Layer(sd, params, trainable);
        SDVariable e0 = l.conv("e0b", l.conv("e0a", x, true), true);
        SDVariable e1 = l.conv("e1b", l.conv("e1a", sd.cnn().maxPooling2d(e0, pool()), true), true);
        SDVariable b = l.conv("b0b", l.conv("b0a", sd.cnn().maxPooling2d(e1, pool()), true), true);
        if (c3 > 0) {
            SDVariable b3 = l.conv("b1b", l.conv("b1a", sd.cnn().maxPooling2d(b, pool()), true), true);
            b = l.conv("d2b", l.conv("d2a", sd.concat(1, l.up("u2", b3), b), true), true);
        }
        SDVariable u1 = sd.concat(1, l.up("u1", b), e1);
        SDVariable d1 = l.conv("d1b", l.conv("d1a", u1, true), true);
        SDVariable u0 = sd.concat(1, l.up("u0", d1), e0);
        SDVariable d0 = l.conv("d0b", l.conv("d0a", u0, true), true);
        SDVariable z = l.conv("out", d0, false);
        sd.updateVariableNameAndReference(z, LOGITS);
        sd.nn().sigmoid(SegmenterBundle.OUTPUT, z);
        return sd;
    }

    private record Layer(SameDiff sd, Map<String, INDArray> params, boolean trainable) {
        SDVariable conv(String name, SDVariable in, boolean relu) {
            INDArray w = params.get("w_" + name).dup();
            INDArray b = params.get("b_" + name).dup();
            SDVariable wv = trainable ? sd.var("w_" + name, w) : sd.constant("w_" + name, w);
            SDVariable bv = trainable ? sd.var("b_" + name, b) : sd.constant("b_" + name, b);
            int k = (int) w.size(0);
            SDVariable y = sd.cnn().conv2d(in, wv, bv, Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1)
                    .paddingMode(PaddingMode.SAME).dataFormat("NCHW").build());
            return relu ? sd.nn().relu(y, 0) : y;
        }

        /** 2× up-sampling: a 2×2, stride-2 transposed convolution, initialised as nearest-neighbour copy. */
        SDVariable up(String name, SDVariable in) {
            INDArray w = params.get("w_" + name).dup();
            SDVariable wv = trainable ? sd.var("w_" + name, w) : sd.constant("w_" + name, w);
            return sd.cnn().deconv2d(in, wv, DeConv2DConfig.builder().kH(2).kW(2).sH(2).sW(2)
                    .isSameMode(false).dataFormat("NCHW").build());
        }
    }

    private static Pooling2DConfig pool() {
        return Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }

    /** Names of the parameters, in order. */
    public List<String> parameterNames() {
        return List.copyOf(initialParameters(0).keySet());
    }
}
