package org.sinterscope.simulator.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelRect;

class LookalikeTest {

    private static SimulatedLineConfig line() {
        return SimulatedLineConfig.defaults().withLengthM(2).withDefectRatePerM(10).withLookalikeRatePerM(20);
    }

    @Test
    void lookalikes_leave_the_defects_of_a_seed_where_they_were() {
        DefectPlan without = DefectPlan.generate(line().withLookalikeRatePerM(0));
        DefectPlan with = DefectPlan.generate(line());
        assertThat(with.defects()).isEqualTo(without.defects());
        assertThat(without.lookalikes()).isEmpty();
        assertThat(with.size()).isEqualTo(with.defects().size());
    }

    @Test
    void plan_follows_the_lookalike_rate_and_draws_every_kind() {
        DefectPlan plan = DefectPlan.generate(SimulatedLineConfig.defaults().withLengthM(100).withLookalikeRatePerM(5));
        // Poisson with mean 500: 5 sigma is about 112
        assertThat(plan.lookalikes()).hasSizeBetween(388, 612);
        Map<Lookalike.Kind, Integer> n = new EnumMap<>(Lookalike.Kind.class);
        plan.lookalikes().forEach(l -> n.merge(l.kind(), 1, Integer::sum));
        assertThat(n.keySet()).containsExactlyInAnyOrder(Lookalike.Kind.values());
        assertThat(DefectPlan.generate(SimulatedLineConfig.defaults().withLengthM(100).withLookalikeRatePerM(5)))
                .isEqualTo(plan);
    }

    @Test
    void lookalikes_are_drawn_on_the_coating_but_not_labelled() {
        SimulatedLineConfig cfg = line().withDefectRatePerM(0);
        try (SimulatedLine with = new SimulatedLine(cfg, SimulatedEncoder.freeRunning());
             SimulatedLine without = new SimulatedLine(cfg, SimulatedEncoder.freeRunning(), new DefectPlan(java.util.List.of()))) {
            int seen = 0;
            for (int i = 0; i < 6; i++) {
                try (SimulatedFrame a = with.render(i, true); SimulatedFrame b = without.render(i, true)) {
                    Frame f = a.frame();
                    assertThat(Core.countNonZero(a.labels())).isZero();
                    for (Lookalike l : with.plan().lookalikesWithin(f.yStartMm(), f.yEndMm())) {
                        PixelRect r = f.grid().toPixels(l.bounds());
                        Rect box = new Rect(Math.max(0, r.x()), Math.max(0, r.y()), r.width(), r.height());
                        box.height = Math.min(box.height, f.heightPx() - box.y);
                        if (box.height <= 0) {
                            continue;
                        }
                        double maxDiff;
                        try (Mats m = new Mats()) {
                            Mat diff = m.mat();
                            Core.absdiff(m.add(f.image().submat(box)), m.add(b.frame().image().submat(box)), diff);
                            maxDiff = Core.minMaxLoc(diff).maxVal;
                        }
                        assertThat(maxDiff).as("grey-level change of %s", l).isGreaterThan(15);
                        seen++;
                    }
                }
            }
            assertThat(seen).isPositive();
        }
    }
}
