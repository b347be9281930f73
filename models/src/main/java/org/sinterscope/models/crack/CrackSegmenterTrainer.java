package org.sinterscope.models.crack;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.opencv.core.Mat;
import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.EvaluationSummary;
import org.sinterscope.inspection.crack.LearnedCrackDetector;
import org.sinterscope.inspection.crack.SegmenterBundle;
import org.sinterscope.inspection.crack.SegmenterInput;
import org.sinterscope.inspection.crack.SegmenterMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a {@link CrackSegNet} on crack images and masks and packs it as a {@link SegmenterBundle}.
 *
 * <p>Method: the given images are split by the seed ({@code Collections.shuffle} with
 * {@code new Random(seed)}; the first {@code valImages} validate, the rest train). Each epoch is
 * {@code stepsPerEpoch} Adam steps on fresh augmented patches ({@link CrackPatchSampler}); after
 * it the inference graph runs on the whole validation images and is scored by the pooled
 * tolerant F1 (2 px) over the threshold sweep (ODS). The epoch with the best validation ODS is
 * kept; training stops after {@code patience} epochs without improvement. The bundle's mask
 * threshold is that epoch's ODS threshold (minimum component length: the setting); no image
 * outside the given set is ever seen. Validation and the bundle normalise the input as the
 * setting {@code normWindowPx} says (the recipe: windows of the patch size, as the patches were).
 *
 * <p>Last, the kept epoch's bundle is calibrated on the same validation images ({@link #recalibrate}):
 * the setting's input scales (mean map) and the mask and hysteresis seed thresholds of the best
 * validation mask ({@link SegmenterCalibration}). {@link #recalibrate} alone does this for an
 * existing bundle (the graph is kept).
 */
public final class CrackSegmenterTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(CrackSegmenterTrainer.class);
    static final int TOLERANCE_PX = 2;
    /** The training loss is sampled (after the step) every this many steps, for the log. */
    private static final int LOSS_EVERY = 10;

    private final SegmenterTrainingSettings settings;

    public CrackSegmenterTrainer(SegmenterTrainingSettings settings) {
        this.settings = settings;
    }

    /** Receives the best result so far. */
    @FunctionalInterface
    public interface Checkpoint {
        void accept(Result bestSoFar) throws IOException;
    }

    /** What a run produced. */
    public record Result(SegmenterBundle bundle, EvaluationSummary validation, int epochsRun, int bestEpoch,
                         double trainingSeconds) {
    }

    /** Trains on {@code data} (every item needs a mask); the validation images are carved from it. */
    public Result train(CrackDataset data) throws ModelBundleException, IOException {
        return train(data, r -> { });
    }

    /**
     * As {@link #train(CrackDataset)}; {@code checkpoint} receives the best bundle so far after
     * every epoch that improved it (a run stopped after epoch k has thus delivered exactly what a
     * k-epoch run returns: the step-size schedule does not depend on the number of epochs).
     */
    public Result train(CrackDataset data, Checkpoint checkpoint) throws ModelBundleException, IOException {
        SegmenterTrainingSettings st = settings;
        List<CrackDataset.Item> items = new ArrayList<>(data.items());
        for (CrackDataset.Item it : items) {
            if (it.mask() == null) {
                throw new IllegalArgumentException("image " + it.image() + " has no mask");
            }
        }
        if (items.size() < st.valImages() + 1) {
            throw new IllegalArgumentException("need more than " + st.valImages() + " images, got " + items.size());
        }
        long t0 = System.nanoTime();
        Collections.shuffle(items, new Random(st.seed()));
        CrackDataset val = new CrackDataset(items.subList(0, st.valImages()));
        List<CrackDataset.Item> trainItems = items.subList(st.valImages(), items.size());
        List<Mat> greys = new ArrayList<>();
        List<Mat> masks = new ArrayList<>();
        CrackPatchSampler sampler;
        try {
            for (CrackDataset.Item it : trainItems) {
                greys.add(CrackImages.readGrey(it.image()));
                masks.add(CrackImages.readMask(it.mask()));
            }
            sampler = new CrackPatchSampler(greys, masks, st.patchPx(), true, st.crackCentreP());
        } finally {
            greys.forEach(Mat::release);
            masks.forEach(Mat::release);
        }
        CrackSegNet net = st.net();
        LOG.info("training {} ({} parameters) on {} images, validating on {}", net.describe(), net.parameterCount(),
                trainItems.size(), val.size());
        try {
            SameDiff sd = net.trainingGraph(net.initialParameters(st.seed()));
            SplittableRandom rnd = new SplittableRandom(st.seed() ^ 0x5EED_C4ACL);
            int p = st.patchPx();
            int b = st.batchSize();
            EvaluationSummary bestSweep = null;
            EvaluationSummary bestVal = null;
            SegmenterBundle bestBundle = null;
            String hash = dataHash(items);
            Map<String, Integer> samples = new LinkedHashMap<>();
            samples.put("train", trainItems.size());
            samples.put("val", val.size());
            int bestEpoch = 0;
            int stale = 0;
            int epoch = 0;
            // one Adam state for the whole run; the step size decays by lrDecay per epoch, smoothly per step
            sd.setTrainingConfig(TrainingConfig.builder()
                    .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, st.learningRate(),
                            Math.pow(st.lrDecay(), 1.0 / st.stepsPerEpoch()))))
                    .dataSetFeatureMapping(SegmenterBundle.INPUT).dataSetLabelMapping(CrackSegNet.LABEL).build());
            while (epoch < st.epochs() && stale < st.patience()) {
                epoch++;
                long e0 = System.nanoTime();
                double lossSum = 0;
                int lossCount = 0;
                for (int s = 0; s < st.stepsPerEpoch(); s++) {
                    float[] x = new float[b * p * p];
                    float[] y = new float[b * p * p];
                    for (int i = 0; i < b; i++) {
                        sampler.sample(rnd, x, y, i);
                    }
                    INDArray fx = Nd4j.create(x, new long[] {b, 1, p, p}, 'c');
                    INDArray fy = Nd4j.create(y, new long[] {b, 1, p, p}, 'c');
                    sd.fit(new DataSet(fx, fy));
                    if (s % LOSS_EVERY == LOSS_EVERY - 1) {
                        lossSum += sd.output(Map.of(SegmenterBundle.INPUT, fx, CrackSegNet.LABEL, fy), CrackSegNet.LOSS)
                                .get(CrackSegNet.LOSS).getDouble(0);
                        lossCount++;
                    }
                    if (s % 50 == 49) {
                        LOG.info("epoch {}: step {} of {} ({} s)", epoch, s + 1, st.stepsPerEpoch(), fmt((System.nanoTime() - e0) / 1e9));
                    }
                }
                double trainSecs = (System.nanoTime() - e0) / 1e9;
                Map<String, INDArray> params = net.parameters(sd);
                EvaluationSummary sweep = validate(net, params, 0.5, st.minLengthPx(), val);
                boolean improved = bestVal == null || sweep.ods() > bestSweep.ods() + 1e-4;
                EvaluationSummary v = sweep;
                if (improved) {
                    // the mask at the ODS threshold, with the minimum length: the figures the bundle states
                    v = validate(net, params, sweep.odsThreshold(), st.minLengthPx(), val);
                    bestSweep = sweep;
                    bestVal = v;
                    bestEpoch = epoch;
                    stale = 0;
                    double secs = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
                    Map<String, Double> figures = new LinkedHashMap<>();
                    figures.put("valTolerantF1", v.tolerantF1());
                    figures.put("valTolerantPrecision", v.tolerantPrecision());
                    figures.put("valTolerantRecall", v.tolerantRecall());
                    figures.put("valOds", v.ods());
                    figures.put("valOis", v.ois());
                    figures.put("bestEpoch", (double) bestEpoch);
                    bestBundle = SegmenterBundle.of(metadata(net, sweep.odsThreshold(), st.minLengthPx(),
                            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), secs, hash, samples, figures),
                            net.inferenceGraph(params));
                    checkpoint.accept(new Result(bestBundle, v, epoch, bestEpoch, secs));
                } else {
                    stale++;
                }
                LOG.info("epoch {}: train loss {}, val ODS {} at {}, OIS {} (lr {}, {} s train, {} s total){}", epoch,
                        fmt(lossSum / Math.max(1, lossCount)), fmt(sweep.ods()), fmt(sweep.odsThreshold()), fmt(sweep.ois()),
                        String.format(Locale.ROOT, "%.2e", st.learningRate() * Math.pow(st.lrDecay(), epoch - 1)), fmt(trainSecs),
                        fmt((System.nanoTime() - e0) / 1e9), improved ? " *" : "");
            }
            Result cal = recalibrate(bestBundle, data, st.normWindowPx(), st.inputScales());
            double secs = (System.nanoTime() - t0) / 1e9;
            Result done = new Result(cal.bundle(), cal.validation(), epoch, bestEpoch, secs);
            checkpoint.accept(done);
            return done;
        } finally {
            sampler.release();
        }
    }

    private SegmenterMetadata metadata(CrackSegNet net, double threshold, int minLength, String at, double secs, String hash,
                                       Map<String, Integer> samples, Map<String, Double> figures) {
        SegmenterTrainingSettings st = settings;
        return new SegmenterMetadata(SegmenterMetadata.FORMAT, SegmenterMetadata.FORMAT_VERSION, net.describe(),
                net.parameterCount(), net.inputMultiplePx(), SegmenterInput.describe(st.normWindowPx()), threshold,
                minLength, st.seed(), at, secs, hash, samples, figures, null, st.normWindowPx(), null, null);
    }

    /**
     * The bundle's graph with input normalisation {@code windowPx} (0 = whole image), input
     * {@code scales} and the mask and seed thresholds chosen on the validation images
     * ({@link SegmenterCalibration}), which are the first {@code valImages} of {@code data} shuffled
     * by the settings' seed (the bundle's training validation images when {@code data} is its tuning
     * set). Returns the new bundle and its validation figures.
     */
    public Result recalibrate(SegmenterBundle bundle, CrackDataset data, int windowPx, List<Double> scales)
            throws ModelBundleException {
        long t0 = System.nanoTime();
        CrackDataset val = data.part(CrackDataset.Part.HELDOUT, settings.seed(), settings.valImages());
        SegmenterMetadata md = bundle.metadata();
        String input = SegmenterInput.describe(windowPx) + (scales.equals(List.of(1.0)) ? "" : "; mean map over input scales " + scales);
        SegmenterBundle probe = bundle.withMetadata(md.withCalibration(windowPx, input, scales, 0.5, 0.5, md.evaluation()));
        SegmenterCalibration.Choice c = SegmenterCalibration.choose(new CrackSegmenter(probe), val, TOLERANCE_PX);
        SegmenterBundle chosen = bundle.withMetadata(md.withCalibration(windowPx, input, scales, c.threshold(), c.seedThreshold(),
                md.evaluation()));
        EvaluationSummary v = evaluate(chosen, val);
        Map<String, Double> figures = new LinkedHashMap<>(md.evaluation());
        figures.put("valTolerantF1", v.tolerantF1());
        figures.put("valTolerantPrecision", v.tolerantPrecision());
        figures.put("valTolerantRecall", v.tolerantRecall());
        figures.put("valOds", v.ods());
        figures.put("valOis", v.ois());
        SegmenterBundle out = bundle.withMetadata(md.withCalibration(windowPx, input, scales, c.threshold(), c.seedThreshold(),
                figures));
        LOG.info("calibrated: window {} px, scales {}, threshold {}, seed threshold {}, validation tolerant F1 {}, ODS {}, OIS {}",
                windowPx, scales, fmt(c.threshold()), fmt(c.seedThreshold()), fmt(v.tolerantF1()), fmt(v.ods()), fmt(v.ois()));
        int best = (int) Math.round(md.evaluation().getOrDefault("bestEpoch", 0.0));
        return new Result(out, v, best, best, (System.nanoTime() - t0) / 1e9);
    }

    /** Validation figures of the network with {@code params} at a mask threshold and minimum length. */
    private EvaluationSummary validate(CrackSegNet net, Map<String, INDArray> params, double threshold, int minLength,
                                       CrackDataset val) throws ModelBundleException {
        SegmenterBundle b = SegmenterBundle.of(metadata(net, threshold, minLength, "", 0, "", Map.of(), Map.of()),
                net.inferenceGraph(params));
        return evaluate(b, val);
    }

    private static EvaluationSummary evaluate(SegmenterBundle b, CrackDataset val) {
        LearnedCrackDetector det = new LearnedCrackDetector(new CrackSegmenter(b));
        CrackDatasetEvaluation.Report r = new CrackDatasetEvaluation(new CrackEvaluator(det, TOLERANCE_PX)).run(val);
        if (r.failed() > 0) {
            throw new IllegalArgumentException(r.failed() + " validation images failed, e.g. "
                    + r.outcomes().stream().filter(o -> !o.ok()).findFirst().map(CrackDatasetEvaluation.ImageOutcome::error).orElse(""));
        }
        return r.summary();
    }

    /** SHA-256 over the sorted "name size" lines of the images and masks. */
    static String dataHash(List<CrackDataset.Item> items) throws IOException {
        List<String> lines = new ArrayList<>();
        for (CrackDataset.Item it : items) {
            lines.add(it.image().getFileName() + " " + Files.size(it.image()));
            lines.add(it.mask().getFileName() + " " + Files.size(it.mask()));
        }
        Collections.sort(lines);
        return org.sinterscope.models.DataHash.ofLines(lines);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }
}
