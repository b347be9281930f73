package org.sinterscope.simulator.training;

import org.sinterscope.models.BundleEvaluator;
import org.sinterscope.models.BundleFiles;
import org.sinterscope.models.Evaluation;
import org.sinterscope.models.PatchSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.PatchPreparer;

/** The bundle shipped in the repository, on synthetic line patches it has never seen. */
class DefaultBundleTest {

    static Path shipped() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve(DefaultClassifier.PATH))) {
            p = p.getParent();
        }
        return p == null ? null : p.resolve(DefaultClassifier.PATH);
    }

    @Test
    void shipped_bundle_reaches_macro_f1_of_095_on_unseen_synthetic_patches() throws Exception {
        Path file = shipped();
        assumeTrue(file != null, "default bundle not found");
        assertThat(Files.size(file)).isLessThan(2L << 20);
        ModelBundle b = BundleFiles.read(file);
        assertThat(b.metadata().classes()).containsExactlyElementsOf(SyntheticLinePatches.CLASSES);
        // another seed than the recipe's: other lines, other defects, other look-alikes
        PatchSet unseen = SyntheticLinePatches.generate(40, 90_001, new PatchPreparer(b.metadata().patch()));
        Evaluation e = BundleEvaluator.evaluate(b, unseen);
        assertThat(e.macroF1()).as("macro-F1 on unseen patches%n%s", e.confusionTable()).isGreaterThanOrEqualTo(0.95);
    }
}
