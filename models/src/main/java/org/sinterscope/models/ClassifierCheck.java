package org.sinterscope.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.ModelBundleException;

/**
 * A classifier check over several seeds: for each seed, a data set is generated, split
 * (stratified 70/15/15 with that seed), a model trained (same seed) and evaluated once on the
 * test split; the figures are pooled.
 *
 * <p>Pooled figures: the sum of the per-seed test confusion matrices gives the pooled per-class
 * recall, with its 95 % Wilson score lower bound ({@link #wilsonLower}); the per-seed macro-F1
 * values give a mean and a 95 % Student-t interval {@code mean ± t(0.975, n−1)·sd/√n}.
 */
public final class ClassifierCheck {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ClassifierCheck.class);

    /** Makes the data set of one seed in an empty folder. */
    @FunctionalInterface
    public interface DataMaker {
        void write(Path dir, long seed) throws IOException;
    }

    /**
     * @param inputSizePx patch side
     * @param fit         how images are fitted to the patch
     * @param training    training settings (their seed is replaced by each run's seed)
     */
    public record Config(int inputSizePx, ImageFit fit, TrainingSettings training) {
    }

    /** One seed's outcome. */
    public record Run(long seed, Evaluation test, int epochsRun, int bestEpoch, double trainingSeconds) {
    }

    /** Every run and the pooled test figures. */
    public record Report(List<Run> runs, Evaluation pooled, double meanMacroF1, double macroF1Low, double macroF1High,
                         double minMacroF1, double[] recallLower95) {
        public Report {
            runs = List.copyOf(runs);
        }
    }

    private ClassifierCheck() {
    }

    /** Runs the check for {@code seeds} (temporary data under {@code work}, removed afterwards). */
    public static Report run(DataMaker data, List<Long> seeds, Config config, Path work, TrainingProgress progress)
            throws IOException, ModelBundleException {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a check needs at least one seed");
        }
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            Path dir = Files.createTempDirectory(work, "check-" + seed + "-");
            try {
                data.write(dir, seed);
                ImageFolderDataset ds = ImageFolderDataset.scan(dir);
                DataSplit split = ds.load(config.inputSizePx(), config.fit(), 0.15, 0.15, seed);
                ClassifierTrainer.Result r = new ClassifierTrainer(config.training().withSeed(seed), progress)
                        .train(split, config.fit().wholeImage(config.inputSizePx()), config.fit(), ds.dataHash());
                runs.add(new Run(seed, r.test(), r.epochsRun(), r.bestEpoch(), r.trainingSeconds()));
                LOG.info("check seed {}: test accuracy {}, macro-F1 {}, min recall {} ({} epochs, best {}, {} s); confusion {}",
                        seed, r.test().accuracy(), r.test().macroF1(), r.test().minRecall(), r.epochsRun(), r.bestEpoch(),
                        Math.round(r.trainingSeconds()), java.util.Arrays.deepToString(r.test().confusion()));
            } finally {
                deleteTree(dir);
            }
        }
        return pool(runs);
    }

    /** Pools the runs' test figures (see the class comment). */
    public static Report pool(List<Run> runs) {
        List<String> classes = runs.get(0).test().classes();
        int k = classes.size();
        int[][] cm = new int[k][k];
        double[] f1 = new double[runs.size()];
        for (int r = 0; r < runs.size(); r++) {
            Evaluation e = runs.get(r).test();
            if (!e.classes().equals(classes)) {
                throw new IllegalArgumentException("runs have different classes: " + classes + " and " + e.classes());
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    cm[i][j] += e.confusion()[i][j];
                }
            }
            f1[r] = e.macroF1();
        }
        Evaluation pooled = Evaluation.fromConfusion(classes, cm);
        double[] lower = new double[k];
        for (int i = 0; i < k; i++) {
            int support = 0;
            for (int j = 0; j < k; j++) {
                support += cm[i][j];
            }
            lower[i] = support == 0 ? Double.NaN : wilsonLower(cm[i][i], support);
        }
        double mean = 0;
        for (double v : f1) {
            mean += v / f1.length;
        }
        double ss = 0;
        for (double v : f1) {
            ss += (v - mean) * (v - mean);
        }
        double half = f1.length < 2 ? Double.NaN : t975(f1.length - 1) * Math.sqrt(ss / (f1.length - 1)) / Math.sqrt(f1.length);
        double min = java.util.Arrays.stream(f1).min().orElse(Double.NaN);
        return new Report(runs, pooled, mean, mean - half, mean + half, min, lower);
    }

    /** The 95 % Wilson score lower bound of {@code k} successes in {@code n} trials. */
    public static double wilsonLower(int k, int n) {
        if (n <= 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n and n > 0, got k " + k + ", n " + n);
        }
        double z = 1.959964;
        double z2 = z * z;
        double p = (double) k / n;
        double centre = p + z2 / (2.0 * n);
        double spread = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return Math.max(0, (centre - spread) / (1 + z2 / n));
    }

    /** Two-sided 95 % quantile of Student's t with {@code df} degrees of freedom (table to 10, then 1.96-ish). */
    static double t975(int df) {
        double[] t = {Double.NaN, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};
        return df <= 10 ? t[df] : df <= 30 ? 2.042 + (2.228 - 2.042) * (30 - df) / 20.0 : 1.96;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
