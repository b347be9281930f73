package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.models.crack.DefaultCrackSegmenter;

/**
 * The imbalanced case, end to end and short: half-size {@link SurfaceDefectSet} (672 images, 71 %
 * defect-free, the smallest class 16), 48 px input, 12 epochs, the generic recipe (square-root
 * balanced epochs, selection on validation macro-F1) with 90° turns, over two seeds (11, 12),
 * pooled. A model that answers "free" for nearly everything — what training on the natural
 * frequencies with selection on loss gives — fails both bounds.
 *
 * <p>Thresholds set from other seeds (101, 102: {@code ./sinterscope classifier check --kind surfaces
 * --scale 0.5 --input-size 48 --epochs 12 --augment rot90 --first-seed 101 --seeds 2}), with a margin;
 * never from the seeds they gate. The full-size figures are in docs/classifier.md.
 */
class ImbalancedTrainingTest {

    /**
     * Pooled macro-F1 of seeds 11 and 12 (from the summed confusion matrix) must reach this. On the
     * dev seeds 101–102: 0.741 (per seed 0.769, 0.714).
     */
    static final double POOLED_MACRO_F1 = 0.55;
    /**
     * Every class's pooled recall must reach this (a neglected class has recall near 0). On the dev
     * seeds: smallest 0.625 (crack, 5 of 8); the smallest class has only 4 test images over two seeds.
     */
    static final double POOLED_MIN_RECALL = 0.30;

    @Test
    void every_class_is_found_on_imbalanced_surfaces_of_varying_size(@TempDir Path dir) throws Exception {
        Path photos = DefaultCrackSegmenter.findData(Path.of(""));
        assumeTrue(photos != null, "shared/data/deepcrack-train not found above " + Path.of("").toAbsolutePath());
        TrainingSettings ts = TrainingSettings.generic(0).withEpochs(12).withAugmenter(Augmenter.rotating());
        ClassifierCheck.Report rep = ClassifierCheck.run((d, seed) -> SurfaceDefectSet.write(photos, d, 0.5, seed),
                List.of(11L, 12L), new ClassifierCheck.Config(48, ImageFit.STRETCH, ts), dir, TrainingProgress.NONE);
        Evaluation pooled = rep.pooled();
        assertThat(pooled.macroF1()).as("pooled macro-F1; confusion%n%s", pooled.confusionTable())
                .isGreaterThanOrEqualTo(POOLED_MACRO_F1);
        assertThat(pooled.minRecall()).as("pooled min recall; confusion%n%s", pooled.confusionTable())
                .isGreaterThanOrEqualTo(POOLED_MIN_RECALL);
        assertThat(pooled.warnings()).as("classes nearly never predicted").isEmpty();
    }
}
