package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchSettings;

/** Train → bundle → evaluate, end to end, on a seeded six-class stand-in for a steel-surface data set. */
class TextureTrainingTest {

    @Test
    void six_class_texture_set_trains_and_evaluates_end_to_end(@TempDir Path dir) throws Exception {
        SyntheticTextures.write(dir, 20, 11);
        ImageFolderDataset ds = ImageFolderDataset.scan(dir);
        assertThat(ds.classes()).containsExactlyElementsOf(SyntheticTextures.CLASSES);
        DataSplit split = ds.load(64, 0.2, 0.2, 5);
        assertThat(split.train().size() + split.val().size() + split.test().size()).isEqualTo(120);

        TrainingSettings ts = TrainingSettings.generic(5).withEpochs(3);
        long t0 = System.nanoTime();
        ClassifierTrainer.Result r = new ClassifierTrainer(ts, TrainingProgress.NONE)
                .train(split, PatchSettings.wholeImage(64), ds.dataHash());
        double secs = (System.nanoTime() - t0) / 1e9;
        System.err.printf("texture training: %d epochs in %.1f s, val acc %.3f, test acc %.3f macroF1 %.3f%n",
                r.epochsRun(), secs, r.validation().accuracy(), r.test().accuracy(), r.test().macroF1());
        assertThat(r.test().accuracy()).isGreaterThan(0.8);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.bundle().write(bytes);
        ModelBundle loaded = ModelBundle.load(new ByteArrayInputStream(bytes.toByteArray()), "memory");
        Evaluation again = BundleEvaluator.evaluate(loaded, ds.load(64, 0.2, 0.2, 5).test());
        assertThat(again.accuracy()).isEqualTo(r.test().accuracy());
    }
}
