package org.sinterscope.routes.classify;

import org.sinterscope.simulator.demo.ClassifierComparison;
import org.sinterscope.simulator.demo.ClassifierSummary;
import org.sinterscope.simulator.demo.LineFigures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;

/**
 * The default bundle on a simulated line with look-alikes: the same frames decided with the
 * classical classes and with the classifier.
 */
class ClassifierOnTheLineTest {

    @Test
    void the_classifier_lowers_false_rejects_from_lookalikes_without_losing_recall() throws Exception {
        String bundle = Bundles.defaultBundle().toString();
        // a 100 mm wide view (2048 px at 50 µm) keeps the run short; 8 m, 3 defects and 5 look-alikes per m
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withFrame(2048, 1024, PixelPitch.square(50), 95, 80)
                .withLengthM(8).withDefectRatePerM(3).withLookalikeRatePerM(5).withSeed(11);
        StationClassifier sc = StationClassifier.create(StationSettings.load(null, Map.of(StationClassifier.BUNDLE, bundle)),
                new CoatingInspector(CoatingInspectorConfig.defaults()));
        assertThat(sc.note()).isEmpty();
        ClassifierComparison cmp = new ClassifierComparison(sc);
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            while (line.hasNext()) {
                try (var f = line.next()) {
                    cmp.inspect(f);
                }
            }
            // the default recipe's defect rules; its coating limits are for a 160 mm coating, this one is 80 mm
            Recipe base = RecipeLoader.defaults();
            Recipe narrow = new Recipe(base.product(), base.rejectMarginMm(), base.defects(),
                    new Recipe.CoatingLimits(Double.NaN, Double.NaN, Double.NaN, Double.NaN, base.coating().maxCvPercent()),
                    base.uncertainPolicy());
            ClassifierSummary s = cmp.summarize(line.plan(), new VerdictDecider(narrow), 1.0);
            LineFigures without = s.withoutClassifier();
            LineFigures with = s.withClassifier();
            // the look-alikes make the classical station reject good web ...
            assertThat(without.falseRejectsFromLookalikes()).as("classical false rejects from look-alikes: %s", s)
                    .isGreaterThanOrEqualTo(10);
            // ... the classifier removes most of that ...
            assertThat(with.falseRejectsFromLookalikes()).as("%s", s).isLessThanOrEqualTo(without.falseRejectsFromLookalikes() / 4);
            assertThat(with.falseRejects()).isLessThan(without.falseRejects());
            assertThat(s.lookalikesSuppressed()).isPositive();
            // ... and every class is still caught
            assertThat(with.byClass()).hasSize(6);
            with.byClass().forEach((c, r) -> assertThat(r.recall()).as("recall of %s with the classifier: %s", c, r)
                    .isGreaterThanOrEqualTo(0.95));
            without.byClass().forEach((c, r) -> assertThat(with.byClass().get(c).rejected())
                    .as("%s rejected with vs without", c).isGreaterThanOrEqualTo(r.rejected()));
        }
    }
}
