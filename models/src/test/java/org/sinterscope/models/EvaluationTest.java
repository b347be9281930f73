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
}
