package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void figures_follow_the_confusion_matrix() {
        // actual a: 3 right, 1 as b; actual b: 2 right; actual c: 1 as a, 1 right
        int[] actual = {0, 0, 0, 0, 1, 1, 2, 2};
        int[] pred = {0, 0, 0, 1, 1, 1, 0, 2};
        Evaluation e = Evaluation.of(List.of("a", "b", "c"), actual, pred);
        assertThat(e.confusion()).isEqualTo(new int[][] {{3, 1, 0}, {0, 2, 0}, {1, 0, 1}});
        assertThat(e.accuracy()).isEqualTo(6.0 / 8);
        Evaluation.ClassFigures a = e.perClass().get(0);
        assertThat(a.precision()).isEqualTo(3.0 / 4);
        assertThat(a.recall()).isEqualTo(3.0 / 4);
        Evaluation.ClassFigures b = e.perClass().get(1);
        assertThat(b.precision()).isEqualTo(2.0 / 3);
        assertThat(b.recall()).isEqualTo(1.0);
        assertThat(b.f1()).isCloseTo(0.8, offset(1e-12));
        Evaluation.ClassFigures c = e.perClass().get(2);
        assertThat(c.f1()).isCloseTo(2 * 1.0 * 0.5 / 1.5, offset(1e-12));
        assertThat(e.macroF1()).isCloseTo((0.75 + 0.8 + 2.0 / 3) / 3, offset(1e-12));
        assertThat(e.confusionTable()).contains("actual\\pred").contains("a").contains("c");
    }

    @Test
    void a_model_that_answers_the_majority_class_gets_a_warning_for_each_minority_class() {
        // 70 "free", 20 "crack", 10 "break": the model says "free" for all but 2 cracks (1 right) and 3 breaks (all right)
        int n = 100;
        int[] actual = new int[n];
        int[] pred = new int[n];
        for (int i = 70; i < 90; i++) {
            actual[i] = 1;
        }
        for (int i = 90; i < 100; i++) {
            actual[i] = 2;
        }
        pred[70] = 1;
        pred[5] = 1;
        pred[90] = 2;
        pred[91] = 2;
        pred[92] = 2;
        Evaluation e = Evaluation.of(List.of("free", "crack", "break"), actual, pred);
        assertThat(e.accuracy()).isEqualTo(73.0 / 100);
        assertThat(e.perClass().get(1).predicted()).isEqualTo(2);
        assertThat(e.perClass().get(0).predicted()).isEqualTo(95);
        assertThat(e.macroRecall()).isCloseTo((69.0 / 70 + 1.0 / 20 + 3.0 / 10) / 3, offset(1e-12));
        assertThat(e.minRecall()).isCloseTo(1.0 / 20, offset(1e-12));
        // crack: 2 predictions < 0.2 · 20; break: 3 predictions >= 0.2 · 10 and recall 0.3: no warning
        assertThat(e.warnings()).extracting(Evaluation.ClassWarning::className).containsExactly("crack");
        assertThat(e.warnings().get(0).message()).contains("'crack'", "nearly never predicted", "2 times for 20 samples");
    }

    @Test
    void a_class_predicted_often_but_wrongly_is_warned_about_its_recall_and_a_good_model_gets_no_warning() {
        // b is predicted 4 times, but only for actual a: recall 0
        int[] actual = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1};
        int[] pred = {1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
        Evaluation bad = Evaluation.of(List.of("a", "b"), actual, pred);
        assertThat(bad.warnings()).singleElement().satisfies(w -> {
            assertThat(w.className()).isEqualTo("b");
            assertThat(w.message()).contains("nearly never predicted correctly", "recall 0.00");
        });
        Evaluation good = Evaluation.of(List.of("a", "b"), actual, actual.clone());
        assertThat(good.warnings()).isEmpty();
        assertThat(good.minRecall()).isEqualTo(1.0);
    }
}
