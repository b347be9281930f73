package org.sinterscope.models;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.sinterscope.inspection.classify.ModelBundle;

/**
 * The small CNN, as SameDiff graphs (NCHW, grey input):
 *
 * <pre>
 * input [n,1,s,s] → k × (conv 3×3 same → batch norm → ReLU → max-pool 2×2, no pool after the last block)
 *                 → global pool → dense → softmax
 * </pre>
 *
 * <p>Global pool: the channel means ({@link GlobalPool#AVG}, c features), or the channel means and
 * maxima side by side ({@link GlobalPool#AVG_MAX}, 2c features): a small defect in one corner of a
 * large image moves a channel's maximum but hardly its mean.
 *
 * <p>Two graphs share the parameter names: the <b>training graph</b> normalises each block with
 * the statistics of the current mini-batch (BN: {@code γ·(x − μ_B)/√(σ²_B + ε) + β}) and ends in
 * softmax cross-entropy on the logits; the <b>inference graph</b> has the batch norm folded into the
 * convolution with population statistics μ, σ² ({@code W' = W·γ/√(σ²+ε)},
 * {@code b' = β − μ·γ/√(σ²+ε)}), so the line runs conv → ReLU → pool only. Folding is exact up to
 * float rounding.
 *
 * @param inputSizePx   side of the input patch (a multiple of 2^(blocks−1))
 * @param blockChannels output channels of each conv block
 * @param classes       number of classes
 * @param globalPool    what the last feature map is reduced to
 */
public record ClassifierNet(int inputSizePx, List<Integer> blockChannels, int classes, GlobalPool globalPool) {

    /** Reduction of the last feature map to one vector per image. */
    public enum GlobalPool {
        /** Mean of each channel (the default bundle's network). */
        AVG,
        /** Mean and maximum of each channel, concatenated. */
        AVG_MAX
    }

    /** The network with global average pooling. */
    public ClassifierNet(int inputSizePx, List<Integer> blockChannels, int classes) {
        this(inputSizePx, blockChannels, classes, GlobalPool.AVG);
    }

    static final String LABEL = "label";
    static final String LOSS = "loss";
    static final String LOGITS = "logits";
    /** BN variance floor ε. */
    static final double EPS = 1e-5;

    public ClassifierNet {
        blockChannels = List.copyOf(blockChannels);
        java.util.Objects.requireNonNull(globalPool, "globalPool");
        if (blockChannels.isEmpty() || blockChannels.stream().anyMatch(c -> c < 1 || c > 512)) {
            throw new IllegalArgumentException("need 1+ conv blocks of 1..512 channels, got " + blockChannels);
        }
        int div = 1 << (blockChannels.size() - 1);
        if (inputSizePx < 8 || inputSizePx % div != 0) {
            throw new IllegalArgumentException("input size must be >= 8 and a multiple of " + div + " for "
                    + blockChannels.size() + " blocks, got " + inputSizePx);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("need at least 2 classes, got " + classes);
        }
    }

    /** A one-line description for the bundle metadata. */
    public String describe() {
        return "input 1x" + inputSizePx + "x" + inputSizePx + " | "
                + blockChannels.stream().map(c -> "conv3x3(" + c + ")+BN+ReLU").collect(Collectors.joining("+maxpool2 | "))
                + (globalPool == GlobalPool.AVG ? " | global-avg-pool" : " | global-avg+max-pool") + " | dense(" + classes + ") | softmax";
    }

    /** Trainable parameters of the training graph (conv weights, BN γ and β, dense weights and bias). */
    public long parameterCount() {
        long n = 0;
        int cin = 1;
        for (int c : blockChannels) {
            n += 9L * cin * c + 2L * c;
            cin = c;
        }
        return n + (long) features(cin) * classes + classes;
    }

    /** He-initialised parameters, drawn from {@code seed}: name → array. */
    public Map<String, INDArray> initialParameters(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, INDArray> p = new LinkedHashMap<>();
        int cin = 1;
        for (int i = 0; i < blockChannels.size(); i++) {
            int c = blockChannels.get(i);
            p.put("w" + i, gaussian(rnd, Math.sqrt(2.0 / (9.0 * cin)), 3, 3, cin, c));
            p.put("gamma" + i, Nd4j.ones(DataType.FLOAT, 1, c, 1, 1));
            p.put("beta" + i, Nd4j.zeros(DataType.FLOAT, 1, c, 1, 1));
            cin = c;
        }
        p.put("wd", gaussian(rnd, Math.sqrt(1.0 / features(cin)), features(cin), classes));
        p.put("bd", Nd4j.zeros(DataType.FLOAT, classes));
        return p;
    }

    private static INDArray gaussian(SplittableRandom rnd, double std, long... shape) {
        long n = 1;
        for (long s : shape) {
            n *= s;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return Nd4j.create(v, shape, 'c');
    }

    /** The training graph with the given parameters (copied). Outputs per block i: {@code bn<i>_mean}, {@code bn<i>_var}. */
    public SameDiff trainingGraph(Map<String, INDArray> params) {
        SameDiff sd = SameDiff.create();
        sd.setEnableCache(false); // M2.1: the output cache mixes up inputs of equal shape
        SDVariable x = sd.placeHolder(ModelBundle.INPUT, DataType.FLOAT, -1, 1, inputSizePx, inputSizePx);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, classes);
        int last = blockChannels.size() - 1;
        for (int i = 0; i <= last; i++) {
            SDVariable w = sd.var("w" + i, params.get("w" + i).dup());
            x = sd.cnn().conv2d("conv" + i, x, w, conv());
            SDVariable mean = sd.mean("bn" + i + "_mean", x, true, 0, 2, 3);
            SDVariable centred = x.sub(mean);
            SDVariable var = sd.mean("bn" + i + "_var", centred.mul(centred), true, 0, 2, 3);
            SDVariable gamma = sd.var("gamma" + i, params.get("gamma" + i).dup());
            SDVariable beta = sd.var("beta" + i, params.get("beta" + i).dup());
            // γ/√(σ²+ε) is per channel: one small op, then one multiply-add over the whole tensor
            SDVariable scale = gamma.div(sd.math().sqrt(var.add(EPS)));
            x = centred.mul(scale).add(beta);
            x = sd.nn().relu(x, 0);
            if (i < last) {
                x = sd.cnn().maxPooling2d(x, pool());
            }
        }
        SDVariable gap = pool(sd, x);
        SDVariable logits = sd.nn().linear(LOGITS, gap, sd.var("wd", params.get("wd").dup()), sd.var("bd", params.get("bd").dup()));
        sd.nn().softmax(ModelBundle.OUTPUT, logits, 1);
        sd.loss().softmaxCrossEntropy(LOSS, label, logits, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        sd.setLossVariables(LOSS);
        return sd;
    }

    /**
     * The inference graph: parameters of the training graph with batch norm folded in using
     * population statistics {@code means[i]}, {@code vars[i]} (each {@code [1,c,1,1]}).
     */
    public SameDiff inferenceGraph(Map<String, INDArray> params, List<INDArray> means, List<INDArray> vars) {
        SameDiff sd = SameDiff.create();
        sd.setEnableCache(false); // M2.1: the output cache mixes up inputs of equal shape
        SDVariable x = sd.placeHolder(ModelBundle.INPUT, DataType.FLOAT, -1, 1, inputSizePx, inputSizePx);
        int last = blockChannels.size() - 1;
        for (int i = 0; i <= last; i++) {
            int c = blockChannels.get(i);
            INDArray scale = params.get("gamma" + i).reshape(c)
                    .div(Transforms.sqrt(vars.get(i).reshape(c).add(EPS)));
            INDArray w = params.get("w" + i);
            long[] shape = w.shape();
            INDArray wf = w.reshape('c', shape[0] * shape[1] * shape[2], c).mulRowVector(scale).reshape('c', shape);
            INDArray bf = params.get("beta" + i).reshape(c).sub(means.get(i).reshape(c).mul(scale));
            x = sd.cnn().conv2d("conv" + i, x, sd.constant("w" + i, wf.castTo(DataType.FLOAT)),
                    sd.constant("b" + i, bf.castTo(DataType.FLOAT)), conv());
            x = sd.nn().relu(x, 0);
            if (i < last) {
                x = sd.cnn().maxPooling2d(x, pool());
            }
        }
        SDVariable gap = pool(sd, x);
        SDVariable logits = sd.nn().linear(LOGITS, gap, sd.constant("wd", params.get("wd").dup()), sd.constant("bd", params.get("bd").dup()));
        sd.nn().softmax(ModelBundle.OUTPUT, logits, 1);
        return sd;
    }

    /** Current trainable parameters of a training graph, copied. */
    public Map<String, INDArray> parameters(SameDiff training) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        for (String name : initialParameters(0).keySet()) {
            p.put(name, training.getArrForVarName(name).dup());
        }
        return p;
    }

    /** Names of the per-block batch statistics in the training graph: means then variances. */
    public List<String> batchStatNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < blockChannels.size(); i++) {
            names.add("bn" + i + "_mean");
        }
        for (int i = 0; i < blockChannels.size(); i++) {
            names.add("bn" + i + "_var");
        }
        return names;
    }

    private int features(int lastChannels) {
        return globalPool == GlobalPool.AVG ? lastChannels : 2 * lastChannels;
    }

    /** [n,c,h,w] → [n,c] means, or [n,2c] means then maxima. */
    private SDVariable pool(SameDiff sd, SDVariable x) {
        SDVariable mean = x.mean(2, 3);
        if (globalPool == GlobalPool.AVG) {
            return mean;
        }
        return sd.concat(1, mean, x.max(2, 3));
    }

    private static Conv2DConfig conv() {
        return Conv2DConfig.builder().kH(3).kW(3).sH(1).sW(1).paddingMode(PaddingMode.SAME).dataFormat("NCHW").build();
    }

    private static Pooling2DConfig pool() {
        return Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).paddingMode(PaddingMode.VALID).isNHWC(false).build();
    }
}
