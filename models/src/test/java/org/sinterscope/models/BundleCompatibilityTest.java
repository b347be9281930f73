package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchSettings;

class BundleCompatibilityTest {

    @Test
    void the_shipped_bundle_without_image_fit_or_recipe_loads_as_stretch() throws Exception {
        ModelBundle b = BundleFiles.read(Path.of("bundles/default-classifier.zip"));
        assertThat(b.metadata().imageFit()).isEqualTo(ImageFit.STRETCH);
        assertThat(b.metadata().training()).isEmpty();
        assertThat(b.metadata().patch()).isEqualTo(PatchSettings.lineCandidates());
        assertThat(b.metadata().wholeImagePatch()).isEqualTo(PatchSettings.wholeImage(32));
    }

    @Test
    void the_default_bundle_recipe_is_unchanged() {
        TrainingSettings line = TrainingSettings.lineCandidates(7);
        assertThat(line.balance()).isEqualTo(TrainingSettings.ClassBalance.NONE);
        assertThat(line.selection()).isEqualTo(TrainingSettings.Selection.VAL_LOSS);
        assertThat(line.globalPool()).isEqualTo(ClassifierNet.GlobalPool.AVG);
        assertThat(line.augmenter()).isEqualTo(Augmenter.lineDefaults());
        assertThat(line.blockChannels()).containsExactly(16, 32, 64);
        assertThat(new ClassifierNet(32, line.blockChannels(), 7, line.globalPool()).parameterCount()).isEqualTo(23_863);
    }
}
