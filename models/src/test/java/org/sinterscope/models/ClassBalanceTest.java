package org.sinterscope.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The class-balance rules of {@link ClassifierTrainer}: epoch order and loss weights. */
class ClassBalanceTest {

    /** 70 of class 0, 25 of class 1, 5 of class 2 (patches of 8 × 8 zeros). */
    private static PatchSet imbalanced() {
        int[] labels = new int[100];
        List<String> src = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 70 ? 0 : i < 95 ? 1 : 2;
            src.add("p" + i);
        }
        return new PatchSet(List.of("free", "crack", "fray"), 8, new float[100 * 64], labels, src);
    }

    @Test
    void oversampled_epochs_draw_every_class_equally_and_use_every_small_class_patch() {
        PatchSet set = imbalanced();
        int[] order = ClassifierTrainer.epochOrder(set, TrainingSettings.ClassBalance.OVERSAMPLE, new SplittableRandom(3));
        assertThat(order).hasSize(3 * 34);
        int[] perClass = new int[3];
        int[] perPatch = new int[100];
        for (int i : order) {
            perClass[set.labels()[i]]++;
            perPatch[i]++;
        }
        assertThat(perClass).containsExactly(34, 34, 34);
        // the 5 fray patches: each 6 or 7 times (34 = 6·5 + 4); crack: each once or twice; free: a subset, at most once
        for (int i = 95; i < 100; i++) {
            assertThat(perPatch[i]).isBetween(6, 7);
        }
        for (int i = 70; i < 95; i++) {
            assertThat(perPatch[i]).isBetween(1, 2);
        }
        for (int i = 0; i < 70; i++) {
            assertThat(perPatch[i]).isBetween(0, 1);
        }
        // classes are interleaved, not in blocks: the first batch of 32 holds at least two classes
        assertThat(java.util.Arrays.stream(order, 0, 32).map(i -> set.labels()[i]).distinct().count()).isGreaterThan(1);
    }

    @Test
    void square_root_epochs_draw_classes_in_proportion_to_the_root_of_their_size() {
        PatchSet set = imbalanced();
        // √70 : √25 : √5 = 8.37 : 5 : 2.24 (sum 15.60) of 100 draws → 53.6, 32.0, 14.3 → 54, 32, 14
        assertThat(ClassifierTrainer.drawsPerClass(set.countsPerClass(), TrainingSettings.ClassBalance.SQRT))
                .containsExactly(54, 32, 14);
        int[] order = ClassifierTrainer.epochOrder(set, TrainingSettings.ClassBalance.SQRT, new SplittableRandom(4));
        assertThat(order).hasSize(100);
        int[] perClass = new int[3];
        for (int i : order) {
            perClass[set.labels()[i]]++;
        }
        assertThat(perClass).containsExactly(54, 32, 14);
        assertThat(ClassifierTrainer.drawsPerClass(new int[] {10, 0, 10}, TrainingSettings.ClassBalance.SQRT))
                .containsExactly(10, 0, 10);
    }

    @Test
    void other_modes_visit_every_patch_once_per_epoch() {
        PatchSet set = imbalanced();
        for (TrainingSettings.ClassBalance b : List.of(TrainingSettings.ClassBalance.NONE, TrainingSettings.ClassBalance.WEIGHTS)) {
            int[] order = ClassifierTrainer.epochOrder(set, b, new SplittableRandom(3));
            assertThat(order).hasSize(100);
            assertThat(java.util.Arrays.stream(order).distinct().count()).isEqualTo(100);
        }
    }

    @Test
    void class_weights_are_inverse_frequency_with_a_weighted_mean_of_one() {
        PatchSet set = imbalanced();
        float[] w = ClassifierTrainer.classWeights(set, TrainingSettings.ClassBalance.WEIGHTS);
        assertThat((double) w[0]).isCloseTo(100.0 / (3 * 70), offset(1e-6));
        assertThat((double) w[1]).isCloseTo(100.0 / (3 * 25), offset(1e-6));
        assertThat((double) w[2]).isCloseTo(100.0 / (3 * 5), offset(1e-6));
        // Σ_c n_c·w_c = N: the mean loss scale is unchanged
        assertThat(70.0 * w[0] + 25.0 * w[1] + 5.0 * w[2]).isCloseTo(100.0, offset(1e-4));
        assertThat(ClassifierTrainer.classWeights(set, TrainingSettings.ClassBalance.NONE)).containsOnly(1f);
        assertThat(ClassifierTrainer.classWeights(set, TrainingSettings.ClassBalance.OVERSAMPLE)).containsOnly(1f);
    }

    @Test
    void macro_f1_selection_prefers_the_epoch_that_finds_the_small_class_even_at_a_higher_loss() {
        List<String> classes = List.of("free", "crack");
        int[] actual = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
        Evaluation allFree = Evaluation.of(classes, actual, new int[10]);
        Evaluation findsCracks = Evaluation.of(classes, actual, new int[] {0, 0, 0, 0, 0, 0, 0, 1, 1, 1});
        double bestF1 = allFree.macroF1();
        double bestLoss = 0.30;
        ClassifierTrainer.Scored later = new ClassifierTrainer.Scored(findsCracks, 0.35);
        assertThat(ClassifierTrainer.isBetter(TrainingSettings.Selection.VAL_MACRO_F1, later, bestF1, bestLoss)).isTrue();
        assertThat(ClassifierTrainer.isBetter(TrainingSettings.Selection.VAL_LOSS, later, bestF1, bestLoss)).isFalse();
        // same macro-F1: the lower loss wins
        ClassifierTrainer.Scored tie = new ClassifierTrainer.Scored(allFree, 0.25);
        assertThat(ClassifierTrainer.isBetter(TrainingSettings.Selection.VAL_MACRO_F1, tie, bestF1, bestLoss)).isTrue();
        ClassifierTrainer.Scored worse = new ClassifierTrainer.Scored(allFree, 0.31);
        assertThat(ClassifierTrainer.isBetter(TrainingSettings.Selection.VAL_MACRO_F1, worse, bestF1, bestLoss)).isFalse();
    }
}
