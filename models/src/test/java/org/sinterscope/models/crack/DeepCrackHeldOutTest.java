package org.sinterscope.models.crack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.crack.CrackDetector;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.inspection.crack.CrackEvaluator;
import org.sinterscope.inspection.crack.CrackSegmenter;
import org.sinterscope.inspection.crack.LearnedCrackDetector;
import org.sinterscope.inspection.crack.EvaluationSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detector on real crack photos it was never tuned on: the held-out 100 of the seeded split
 * (seed 4) of the DeepCrack training images. Skipped when the shared data folder is absent.
 */
class DeepCrackHeldOutTest {

    private static final Logger LOG = LoggerFactory.getLogger(DeepCrackHeldOutTest.class);
    static final long SPLIT_SEED = 4;
    static final int HELD_OUT = 100;
    /**
     * Floor of the default segmenter's held-out tolerant F1: the goal (0.85), set before the
     * shipped bundle was measured (0.9035, docs/cracks.md; the bundle before it read 0.810).
     */
    static final double LEARNED_FLOOR = 0.85;

    /** {@code shared/data/deepcrack-train} next to the project or any folder above it. */
    static Path deepCrack() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared/data/deepcrack-train");
            if (Files.isDirectory(d.resolve("images")) && Files.isDirectory(d.resolve("masks"))) {
                return d;
            }
        }
        return null;
    }

    @Test
    void held_out_deepcrack_photos_reach_tolerant_f1_of_0_75() throws Exception {
        Path d = deepCrack();
        assumeTrue(d != null, "shared/data/deepcrack-train not found above " + Path.of("").toAbsolutePath());
        CrackDataset held = CrackDataset.scan(d.resolve("images"), d.resolve("masks"))
                .part(CrackDataset.Part.HELDOUT, SPLIT_SEED, HELD_OUT);
        assertThat(held.size()).isEqualTo(HELD_OUT);
        CrackDatasetEvaluation.Report r = new CrackDatasetEvaluation(
                new CrackEvaluator(new CrackDetector(CrackDetectorConfig.standard()), 2)).run(held);
        EvaluationSummary s = r.summary();
        LOG.info("held-out deepcrack: {}", s);
        assertThat(r.failed()).isZero();
        assertThat(s.tolerantF1()).as("tolerant F1 (2 px) on the held-out part").isGreaterThanOrEqualTo(0.75);
    }

    /** The shipped learned segmenter ({@code models/bundles/default-crack-segmenter.zip}) on the same held-out part. */
    @Test
    void held_out_deepcrack_photos_with_the_default_segmenter_reach_the_goal_of_0_85() throws Exception {
        Path d = deepCrack();
        assumeTrue(d != null, "shared/data/deepcrack-train not found above " + Path.of("").toAbsolutePath());
        Path bundle = Path.of("bundles/default-crack-segmenter.zip");
        assertThat(bundle).as("the shipped default bundle").exists();
        CrackDataset held = CrackDataset.scan(d.resolve("images"), d.resolve("masks"))
                .part(CrackDataset.Part.HELDOUT, SPLIT_SEED, HELD_OUT);
        LearnedCrackDetector det = new LearnedCrackDetector(new CrackSegmenter(SegmenterFiles.read(bundle)));
        CrackDatasetEvaluation.Report r = new CrackDatasetEvaluation(new CrackEvaluator(det, 2)).run(held);
        EvaluationSummary s = r.summary();
        LOG.info("held-out deepcrack, default segmenter: {}", s);
        assertThat(r.failed()).isZero();
        assertThat(s.tolerantF1()).as("tolerant F1 (2 px) on the held-out part").isGreaterThanOrEqualTo(LEARNED_FLOOR);
    }
}
