package org.sinterscope.simulator.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PodFitTest {

    @Test
    void the_fit_recovers_a_known_curve_and_its_a90_within_the_bound() {
        // true POD: b0 = 6, b1 = 3 on ln(mm): a90 = exp((ln 9 − 6) / 3) = 0.2815 mm
        double b0 = 6;
        double b1 = 3;
        double trueA90 = Math.exp((Math.log(9) - b0) / b1);
        SplittableRandom rnd = new SplittableRandom(11);
        List<PodFit.Trial> trials = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            double size = 0.02 * Math.pow(100, k % 20 / 19.0);
            double p = 1 / (1 + Math.exp(-(b0 + b1 * Math.log(size))));
            trials.add(new PodFit.Trial(size, rnd.nextDouble() < p));
        }
        PodFit f = PodFit.fit(trials);
        assertThat(f.converged()).isTrue();
        assertThat(f.b1()).isCloseTo(b1, within(1.0));
        assertThat(f.a90Mm()).isCloseTo(trueA90, within(0.15 * trueA90));
        assertThat(f.a9095Mm()).isGreaterThan(f.a90Mm()).isLessThan(2 * trueA90);
        assertThat(f.pod(f.a90Mm())).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void hits_and_misses_separated_by_size_have_no_maximum_likelihood_fit() {
        List<PodFit.Trial> trials = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            trials.add(new PodFit.Trial(0.1 + k * 0.01, false));
            trials.add(new PodFit.Trial(1 + k * 0.1, true));
        }
        PodFit f = PodFit.fit(trials);
        assertThat(f.converged()).isFalse();
        assertThat(f.b1()).isNaN();
        assertThat(f.a90Mm()).as("the smallest size above the step").isEqualTo(1.0);
        assertThat(f.a9095Mm()).as("10 hits above the step are fewer than 29").isNaN();
        assertThat(f.note()).contains("separated", "0.1900 mm (largest miss)", "too few");
    }

    @Test
    void separated_hits_and_misses_demonstrate_a90_95_with_29_hits_above_the_step() {
        List<PodFit.Trial> trials = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            trials.add(new PodFit.Trial(0.090, false));
            trials.add(new PodFit.Trial(0.095, false));
            trials.add(new PodFit.Trial(0.101, true));
            trials.add(new PodFit.Trial(0.106, true));
            trials.add(new PodFit.Trial(0.111, true));
        }
        PodFit f = PodFit.fit(trials);
        assertThat(f.a90Mm()).isEqualTo(0.101);
        // 12 at 0.101 and 12 at 0.106 are 24 hits: the 29th is at 0.111
        assertThat(f.a9095Mm()).isEqualTo(0.111);
        assertThat(Math.pow(0.9, PodFit.DEMONSTRATION_HITS)).isLessThan(0.05);
        assertThat(Math.pow(0.9, PodFit.DEMONSTRATION_HITS - 1)).isGreaterThan(0.05);
    }

    @Test
    void a_hit_below_the_largest_miss_is_no_step_and_gives_no_demonstrated_figures() {
        PodFit f = PodFit.separated(List.of(new PodFit.Trial(0.1, true), new PodFit.Trial(0.2, false),
                new PodFit.Trial(0.3, true)), "test");
        assertThat(f.a90Mm()).isNaN();
        assertThat(f.a9095Mm()).isNaN();
    }

    @Test
    void all_hits_give_no_fit() {
        assertThat(PodFit.fit(List.of(new PodFit.Trial(1, true), new PodFit.Trial(2, true), new PodFit.Trial(3, true),
                new PodFit.Trial(4, true))).converged()).isFalse();
    }
}
