package org.sinterscope.models;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.sinterscope.inspection.classify.BundleMetadata;
import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.classify.Normalizer;
import org.sinterscope.inspection.classify.PatchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link ClassifierNet} on prepared patches and packs the result as a {@link ModelBundle}.
 *
 * <p>Method: the normalizer is fitted on the training split only; each epoch visits the training
 * patches in a seeded random order ({@link TrainingSettings.ClassBalance}: every patch once, or
 * class-balanced draws), augmented ({@link Augmenter}), in mini-batches for Adam with decoupled
 * weight decay; with class weights the cross-entropy of a class-c patch is multiplied by
 * {@code w_c = N / (K·n_c)} (done by scaling its one-hot label to {@code w_c}: the softmax
 * cross-entropy {@code −Σ_k y_k log p_k} is linear in the label). After each epoch the batch-norm
 * population statistics are estimated on up to {@value #STAT_BATCHES} unaugmented training batches
 * (mean of batch means; variance = mean of batch variances + variance of batch means), the
 * inference graph is built with them folded in, and it is scored on the validation split. The
 * epoch with the best validation score ({@link TrainingSettings.Selection}: lowest cross-entropy,
 * or highest macro-F1 with the cross-entropy breaking ties) is kept; training stops after
 * {@code patience} epochs without improvement. The test split, if any, is evaluated once, at the
 * end, with the kept graph.
 */
public final class ClassifierTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTrainer.class);
    static final int STAT_BATCHES = 16;
    private static final int EVAL_BATCH = 256;

    private final TrainingSettings settings;
    private final TrainingProgress progress;

    public ClassifierTrainer(TrainingSettings settings, TrainingProgress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** What a run produced. */
    public record Result(ModelBundle bundle, Evaluation validation, Evaluation test, int epochsRun, int bestEpoch,
                         double trainingSeconds) {
    }

    /**
     * @param split    train, val (non-empty) and test (may be empty) patches, same classes and size
     * @param patch    the patch settings the line must use with this model (stored in the bundle);
     *                 its size must equal the patches' size
     * @param dataHash hash of the training file list (see {@link ImageFolderDataset#dataHash()})
     */
    public Result train(DataSplit split, PatchSettings patch, String dataHash) throws ModelBundleException {
        return train(split, patch, ImageFit.STRETCH, dataHash);
    }

    /**
     * As {@link #train(DataSplit, PatchSettings, String)}, recording in the bundle how whole images
     * were fitted to the input ({@code fit}: the split's patches must have been prepared that way).
     */
    public Result train(DataSplit split, PatchSettings patch, ImageFit fit, String dataHash) throws ModelBundleException {
        PatchSet train = split.train();
        PatchSet val = split.val();
        if (train.size() == 0 || val.size() == 0) {
            throw new IllegalArgumentException("training needs non-empty train and validation splits, got "
                    + train.size() + " and " + val.size() + " patches");
        }
        if (patch.sizePx() != train.sizePx()) {
            throw new IllegalArgumentException("patch settings say " + patch.sizePx() + " px but the patches are " + train.sizePx() + " px");
        }
        long t0 = System.nanoTime();
        List<String> classes = train.classes();
        ClassifierNet net = new ClassifierNet(train.sizePx(), settings.blockChannels(), classes.size(), settings.globalPool());
        Normalizer norm = Normalizer.fit(train.values(), train.values().length);
        LOG.info("training {} on {} train / {} val / {} test patches, {} parameters", net.describe(), train.size(),
                val.size(), split.test().size(), net.parameterCount());
        SameDiff sd = net.trainingGraph(net.initialParameters(settings.seed()));
        sd.setTrainingConfig(TrainingConfig.builder()
                .updater(settings.decayLearningRate()
                        ? new Adam(new PolySchedule(ScheduleType.ITERATION, settings.learningRate(), 1.0, decaySteps(train)))
                        : new Adam(settings.learningRate()))
                .weightDecay(settings.weightDecay(), true)
                .dataSetFeatureMapping(ModelBundle.INPUT)
                .dataSetLabelMapping(ClassifierNet.LABEL)
                .build());
        SplittableRandom rnd = new SplittableRandom(settings.seed() ^ 0x7A1A_5EEDL);
        int s = train.sizePx();
        int v = train.valuesPerPatch();
        int bs = settings.batchSize();
        float[] weight = classWeights(train, settings.balance());
        SameDiff best = null;
        Evaluation bestVal = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestF1 = -1;
        int bestEpoch = 0;
        int stale = 0;
        int epoch = 0;
        while (epoch < settings.epochs() && stale < settings.patience()) {
            epoch++;
            long e0 = System.nanoTime();
            int[] order = epochOrder(train, settings.balance(), rnd);
            int batches = (order.length + bs - 1) / bs;
            for (int b = 0; b < batches; b++) {
                int from = b * bs;
                int n = Math.min(bs, order.length - from);
                float[] x = new float[n * v];
                float[] y = new float[n * classes.size()];
                for (int i = 0; i < n; i++) {
                    int idx = order[from + i];
                    settings.augmenter().apply(train.values(), idx * v, x, i * v, s, rnd);
                    int label = train.labels()[idx];
                    y[i * classes.size() + label] = weight[label];
                }
                INDArray fx = norm.applyInPlace(Nd4j.create(x, new long[] {n, 1, s, s}, 'c'));
                INDArray fy = Nd4j.create(y, new long[] {n, classes.size()}, 'c');
                sd.fit(new DataSet(fx, fy));
                progress.onBatch(epoch, settings.epochs(), b + 1, batches);
            }
            SameDiff inf = inferenceGraph(net, sd, train, norm);
            Scored scored = score(inf, val, norm);
            boolean improved = isBetter(settings.selection(), scored, bestF1, bestLoss);
            if (improved) {
                best = inf;
                bestLoss = scored.loss;
                bestF1 = scored.evaluation.macroF1();
                bestVal = scored.evaluation;
                bestEpoch = epoch;
                stale = 0;
            } else {
                stale++;
            }
            double secs = (System.nanoTime() - e0) / 1e9;
            LOG.info("epoch {}: val loss {}, accuracy {}, macro-F1 {} ({} s){}", epoch, fmt(scored.loss),
                    fmt(scored.evaluation.accuracy()), fmt(scored.evaluation.macroF1()), fmt(secs), improved ? " *" : "");
            progress.onEpoch(new TrainingProgress.EpochReport(epoch, scored.loss, scored.evaluation.accuracy(),
                    scored.evaluation.macroF1(), secs, improved));
        }
        Evaluation test = split.test().size() == 0 ? null : score(best, split.test(), norm).evaluation;
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> samples = new LinkedHashMap<>();
        samples.put("train", train.size());
        samples.put("val", val.size());
        samples.put("test", split.test().size());
        Map<String, Map<String, Double>> figures = new LinkedHashMap<>();
        figures.put("val", Map.of("accuracy", bestVal.accuracy(), "macroF1", bestVal.macroF1(), "loss", bestLoss));
        if (test != null) {
            figures.put("test", Map.of("accuracy", test.accuracy(), "macroF1", test.macroF1()));
        }
        BundleMetadata md = new BundleMetadata(BundleMetadata.FORMAT, BundleMetadata.FORMAT_VERSION, classes, s, 1, patch,
                net.describe(), net.parameterCount(), settings.seed(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                Math.round(seconds * 10) / 10.0, dataHash, samples, figures, null, fit, settings.describe());
        return new Result(ModelBundle.of(md, norm, best), bestVal, test, epoch, bestEpoch, seconds);
    }

    private SameDiff inferenceGraph(ClassifierNet net, SameDiff training, PatchSet train, Normalizer norm) {
        int s = train.sizePx();
        int v = train.valuesPerPatch();
        int bs = Math.max(settings.batchSize(), 16);
        int k = net.blockChannels().size();
        List<String> names = net.batchStatNames();
        List<INDArray> meanSum = new ArrayList<>();
        List<INDArray> meanSq = new ArrayList<>();
        List<INDArray> varSum = new ArrayList<>();
        int[] order = permutation(train.size(), new SplittableRandom(settings.seed() ^ 0xB0B0L));
        int nb = 0;
        for (int from = 0; from + bs <= train.size() || (from == 0 && nb == 0); from += bs) {
            int n = Math.min(bs, train.size() - from);
            float[] x = new float[n * v];
            for (int i = 0; i < n; i++) {
                System.arraycopy(train.values(), order[from + i] * v, x, i * v, v);
            }
            INDArray fx = norm.applyInPlace(Nd4j.create(x, new long[] {n, 1, s, s}, 'c'));
            Map<String, INDArray> out = training.output(Map.of(org.sinterscope.inspection.classify.ModelBundle.INPUT, fx),
                    names.toArray(new String[0]));
            for (int i = 0; i < k; i++) {
                INDArray m = out.get(names.get(i));
                INDArray var = out.get(names.get(k + i));
                if (nb == 0) {
                    meanSum.add(m.dup());
                    meanSq.add(m.mul(m));
                    varSum.add(var.dup());
                } else {
                    meanSum.get(i).addi(m);
                    meanSq.get(i).addi(m.mul(m));
                    varSum.get(i).addi(var);
                }
            }
            nb++;
            if (nb >= STAT_BATCHES) {
                break;
            }
        }
        List<INDArray> means = new ArrayList<>();
        List<INDArray> vars = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            INDArray mu = meanSum.get(i).div(nb);
            INDArray varOfMeans = meanSq.get(i).div(nb).sub(mu.mul(mu));
            means.add(mu);
            vars.add(varSum.get(i).div(nb).add(varOfMeans));
        }
        return net.inferenceGraph(net.parameters(training), means, vars);
    }

    record Scored(Evaluation evaluation, double loss) {
    }

    /** Probabilities of {@code set} under an inference graph; mean cross-entropy and figures. */
    static Scored score(SameDiff inf, PatchSet set, Normalizer norm) {
        float[][] p = Predictor.probabilities(inf, set.values(), set.size(), set.sizePx(), norm, EVAL_BATCH);
        int[] pred = new int[set.size()];
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            pred[i] = Predictor.argmax(p[i]);
            loss -= Math.log(Math.max(1e-7, p[i][set.labels()[i]]));
        }
        return new Scored(Evaluation.of(set.classes(), set.labels(), pred), loss / Math.max(1, p.length));
    }

    /** Steps over which the learning rate falls to 0: the most epochs times the longest epoch, plus one epoch. */
    private int decaySteps(PatchSet train) {
        int perEpoch = (train.size() + train.classes().size() + settings.batchSize() - 1) / settings.batchSize() + 1;
        return (settings.epochs() + 1) * perEpoch;
    }

    /** True when {@code scored} beats the best so far under {@code selection}. */
    static boolean isBetter(TrainingSettings.Selection selection, Scored scored, double bestF1, double bestLoss) {
        if (selection == TrainingSettings.Selection.VAL_LOSS) {
            return scored.loss < bestLoss - 1e-4;
        }
        double f1 = scored.evaluation.macroF1();
        return f1 > bestF1 + 1e-4 || (f1 >= bestF1 - 1e-4 && scored.loss < bestLoss - 1e-4);
    }

    /**
     * Loss weight per class: 1 for every class, or {@code N / (K·n_c)} with
     * {@link TrainingSettings.ClassBalance#WEIGHTS} (a class absent from the training split gets 0).
     */
    static float[] classWeights(PatchSet train, TrainingSettings.ClassBalance balance) {
        int[] n = train.countsPerClass();
        float[] w = new float[n.length];
        java.util.Arrays.fill(w, 1f);
        if (balance == TrainingSettings.ClassBalance.WEIGHTS) {
            long present = java.util.Arrays.stream(n).filter(c -> c > 0).count();
            for (int c = 0; c < n.length; c++) {
                w[c] = n[c] == 0 ? 0f : (float) ((double) train.size() / (present * n[c]));
            }
        }
        return w;
    }

    /**
     * The patch indices of one epoch, in training order: a permutation of all patches, or with
     * {@link TrainingSettings.ClassBalance#OVERSAMPLE} {@code ceil(N/K)} draws of every class present
     * (each class's patches in a fresh random order, cycled as often as needed), shuffled together.
     */
    static int[] epochOrder(PatchSet train, TrainingSettings.ClassBalance balance, SplittableRandom rnd) {
        if (balance != TrainingSettings.ClassBalance.OVERSAMPLE && balance != TrainingSettings.ClassBalance.SQRT) {
            return permutation(train.size(), rnd);
        }
        int k = train.classes().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < train.size(); i++) {
            byClass.get(train.labels()[i]).add(i);
        }
        int[] draws = drawsPerClass(train.countsPerClass(), balance);
        int[] out = new int[java.util.Arrays.stream(draws).sum()];
        int o = 0;
        for (int c = 0; c < k; c++) {
            List<Integer> members = byClass.get(c);
            if (members.isEmpty()) {
                continue;
            }
            int[] perm = null;
            for (int j = 0; j < draws[c]; j++) {
                int r = j % members.size();
                if (r == 0) {
                    perm = permutation(members.size(), rnd);
                }
                out[o++] = members.get(perm[r]);
            }
        }
        int[] shuffle = permutation(out.length, rnd);
        int[] order = new int[out.length];
        for (int i = 0; i < out.length; i++) {
            order[i] = out[shuffle[i]];
        }
        return order;
    }

    /**
     * Patches of each class per epoch: {@code ceil(N/K)} for every present class ({@code OVERSAMPLE}),
     * or {@code round(N·√n_c / Σ_j √n_j)}, at least 1 ({@code SQRT}); 0 for an absent class.
     */
    static int[] drawsPerClass(int[] counts, TrainingSettings.ClassBalance balance) {
        int n = java.util.Arrays.stream(counts).sum();
        long present = java.util.Arrays.stream(counts).filter(c -> c > 0).count();
        double sqrtSum = java.util.Arrays.stream(counts).mapToDouble(Math::sqrt).sum();
        int[] d = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                continue;
            }
            d[c] = balance == TrainingSettings.ClassBalance.SQRT
                    ? Math.max(1, (int) Math.round(n * Math.sqrt(counts[c]) / sqrtSum))
                    : (int) ((n + present - 1) / present);
        }
        return d;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
