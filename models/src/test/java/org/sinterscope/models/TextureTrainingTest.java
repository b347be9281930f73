package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchSettings;

/**
 * Train → bundle file → load → evaluate, end to end, on the seeded six-class synthetic stand-in
 * for a steel-surface data set (whole 200 × 200 images, some colour, some another size). Kept
 * small (30 images per class, 32 px input, 10 epochs) so that the class runs in a few minutes on
 * 2 shared cores; the full-size figures are in docs/classifier.md.
 *
 * <p>The accuracy bound holds over three seeds (11, 12, 13) pooled: the 95 % Wilson lower bound of
 * the pooled test accuracy. Its threshold was set from other seeds (101, 102, 103:
 * {@code ./sinterscope classifier check --kind textures --per-class 30 --input-size 32 --epochs 10
 * --first-seed 101 --seeds 3}), never from the seeds it gates.
 */
class TextureTrainingTest {

    /**
     * Set on seeds 101–103 with a margin: there the pooled test accuracy was 64 of 90 (0.711, Wilson
     * lower bound 0.61; per seed 0.667, 0.700, 0.767). Chance is 1/6.
     */
    static final double POOLED_ACCURACY_LOWER_BOUND = 0.50;
    /** Each seed on its own (dev seeds: at least 0.667). */
    static final double PER_SEED_ACCURACY = 0.40;

    @Test
    void six_class_texture_set_trains_to_a_pooled_bound_over_three_seeds(@TempDir Path dir) throws Exception {
        TrainingSettings ts = TrainingSettings.generic(0).withEpochs(10);
        ClassifierCheck.Report rep = ClassifierCheck.run((d, seed) -> SyntheticTextures.write(d, 30, seed), List.of(11L, 12L, 13L),
                new ClassifierCheck.Config(32, ImageFit.STRETCH, ts), dir, TrainingProgress.NONE);
        int n = rep.pooled().total();
        assertThat(n).isEqualTo(3 * 6 * 5);
        int correct = (int) Math.round(rep.pooled().accuracy() * n);
        assertThat(ClassifierCheck.wilsonLower(correct, n)).as("pooled test accuracy %s of %d", rep.pooled().accuracy(), n)
                .isGreaterThanOrEqualTo(POOLED_ACCURACY_LOWER_BOUND);
        // six classes: chance is 1/6; every seed on its own is far above it
        for (ClassifierCheck.Run r : rep.runs()) {
            assertThat(r.test().accuracy()).as("seed %d", r.seed()).isGreaterThan(PER_SEED_ACCURACY);
        }
    }

    @Test
    void a_trained_bundle_saves_loads_and_evaluates_the_same(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticTextures.write(data, 12, 5);
        ImageFolderDataset ds = ImageFolderDataset.scan(data);
        assertThat(ds.classes()).containsExactlyElementsOf(SyntheticTextures.CLASSES);
        DataSplit split = ds.load(32, ImageFit.PAD, 0.25, 0.25, 5);
        assertThat(split.train().size() + split.val().size() + split.test().size()).isEqualTo(72);

        TrainingSettings ts = TrainingSettings.generic(5).withEpochs(2);
        ClassifierTrainer.Result r = new ClassifierTrainer(ts, TrainingProgress.NONE)
                .train(split, ImageFit.PAD.wholeImage(32), ImageFit.PAD, ds.dataHash());

        Path file = dir.resolve("model.zip");
        BundleFiles.write(r.bundle(), file);
        ModelBundle loaded = BundleFiles.read(file);
        assertThat(loaded.metadata().dataHash()).isEqualTo(ds.dataHash());
        assertThat(loaded.metadata().classes()).containsExactlyElementsOf(SyntheticTextures.CLASSES);
        assertThat(loaded.metadata().imageFit()).isEqualTo(ImageFit.PAD);
        assertThat(loaded.metadata().wholeImagePatch()).isEqualTo(ImageFit.PAD.wholeImage(32));
        assertThat(loaded.metadata().patch().resizeMode()).isEqualTo(PatchSettings.ResizeMode.SQUARE);
        assertThat(loaded.metadata().training()).contains("balance=sqrt", "select=val_macro_f1", "pool=avg_max", "linear-decay");
        assertThat(loaded.metadata().evaluation().get("test").get("accuracy")).isEqualTo(r.test().accuracy());
        // evaluate prepares the images the way the bundle says: same figures as at the end of training
        Evaluation again = BundleEvaluator.evaluate(loaded,
                ds.loadForEvaluationChecked(loaded.metadata().wholeImagePatch()).patches().subset(indicesOf(split, ds)));
        assertThat(again.accuracy()).isEqualTo(r.test().accuracy());
        assertThat(again.macroF1()).isEqualTo(r.test().macroF1());
    }

    /** Positions of the test split's sources among all samples (the data set has no test/ folder). */
    private static int[] indicesOf(DataSplit split, ImageFolderDataset ds) {
        List<String> all = ds.loadForEvaluationChecked(ImageFit.PAD.wholeImage(32)).patches().sources();
        return split.test().sources().stream().mapToInt(all::indexOf).toArray();
    }
}
