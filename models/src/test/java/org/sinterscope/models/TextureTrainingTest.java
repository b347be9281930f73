package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchSettings;

/**
 * Train → bundle file → load → evaluate, end to end, on a seeded six-class stand-in for a
 * steel-surface data set (whole 200 × 200 images, some colour, some another size). Kept small
 * (30 images per class, 32 px input, 10 epochs) so it runs in well under a minute; the full-size
 * figures are in docs/classifier.md.
 */
class TextureTrainingTest {

    @Test
    void six_class_texture_set_trains_saves_loads_and_evaluates(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        SyntheticTextures.write(data, 30, 11);
        ImageFolderDataset ds = ImageFolderDataset.scan(data);
        assertThat(ds.classes()).containsExactlyElementsOf(SyntheticTextures.CLASSES);
        DataSplit split = ds.load(32, 0.2, 0.2, 5);
        assertThat(split.train().size() + split.val().size() + split.test().size()).isEqualTo(180);

        TrainingSettings ts = TrainingSettings.generic(5).withEpochs(10);
        ClassifierTrainer.Result r = new ClassifierTrainer(ts, TrainingProgress.NONE)
                .train(split, PatchSettings.wholeImage(32), ds.dataHash());
        // six classes: chance is 1/6; a working pipeline is far above it after a few epochs
        assertThat(r.test().accuracy()).isGreaterThan(0.7);

        Path file = dir.resolve("model.zip");
        BundleFiles.write(r.bundle(), file);
        ModelBundle loaded = BundleFiles.read(file);
        assertThat(loaded.metadata().dataHash()).isEqualTo(ds.dataHash());
        assertThat(loaded.metadata().classes()).containsExactlyElementsOf(SyntheticTextures.CLASSES);
        assertThat(loaded.metadata().evaluation().get("test").get("accuracy")).isEqualTo(r.test().accuracy());
        Evaluation again = BundleEvaluator.evaluate(loaded, split.test());
        assertThat(again.accuracy()).isEqualTo(r.test().accuracy());
        assertThat(again.macroF1()).isEqualTo(r.test().macroF1());
    }
}
