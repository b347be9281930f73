package org.sinterscope.simulator.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;

class SimulatedLineTest {

    private static SimulatedLineConfig small() {
        return SimulatedLineConfig.defaults().withLengthM(2).withDefectRatePerM(10);
    }

    @Test
    void same_seed_renders_the_same_pixels_and_plan() {
        try (SimulatedLine a = new SimulatedLine(small(), SimulatedEncoder.freeRunning());
             SimulatedLine b = new SimulatedLine(small(), SimulatedEncoder.freeRunning())) {
            assertThat(a.plan()).isEqualTo(b.plan());
            for (int i = 0; i < 3; i++) {
                try (Frame fa = a.next(); Frame fb = b.next()) {
                    Mat diff = new Mat();
                    Core.absdiff(fa.image(), fb.image(), diff);
                    assertThat(Core.countNonZero(diff)).isZero();
                    diff.release();
                }
            }
        }
    }

    @Test
    void another_seed_gives_another_plan() {
        DefectPlan a = DefectPlan.generate(small());
        DefectPlan b = DefectPlan.generate(small().withSeed(8));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void plan_follows_the_rate_and_deals_every_class_equally_often() {
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withLengthM(200).withDefectRatePerM(3);
        DefectPlan plan = DefectPlan.generate(cfg);
        // 3 per m over the usable 199.96 m
        assertThat(plan.size()).isEqualTo(600);
        Map<DefectClass, Integer> n = new EnumMap<>(DefectClass.class);
        plan.defects().forEach(d -> n.merge(d.defectClass(), 1, Integer::sum));
        assertThat(n.keySet()).isEqualTo(SimulatedLineConfig.COATING_CLASSES);
        assertThat(n.values()).allSatisfy(k -> assertThat(k).isEqualTo(100));
        plan.defects().forEach(d -> assertThat(d.bounds().y1Mm()).isLessThan(200_000).isGreaterThanOrEqualTo(20));
    }

    /** 30 m at 3 per m: 90 defects, 15 of each class; a part deck at the end leaves classes within one of each other. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} m at 3 per m, seed {1}")
    @org.junit.jupiter.params.provider.CsvSource({"30, 7", "30, 8", "31, 9", "2, 10"})
    void classes_are_dealt_within_one_of_each_other(double meters, long seed) {
        DefectPlan plan = DefectPlan.generate(SimulatedLineConfig.defaults().withLengthM(meters).withDefectRatePerM(3).withSeed(seed));
        Map<DefectClass, Integer> n = new EnumMap<>(DefectClass.class);
        SimulatedLineConfig.COATING_CLASSES.forEach(c -> n.put(c, 0));
        plan.defects().forEach(d -> n.merge(d.defectClass(), 1, Integer::sum));
        assertThat(plan.size()).isEqualTo(Math.round(3 * (meters - 0.04)));
        assertThat(java.util.Collections.max(n.values()) - java.util.Collections.min(n.values())).isLessThanOrEqualTo(1);
    }

    @Test
    void frames_tile_the_web_and_carry_its_geometry() {
        SimulatedLineConfig cfg = small();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            assertThat(line.frameCount()).isEqualTo((int) Math.ceil(2000 / 51.2));
            double expectY = 0;
            int n = 0;
            while (line.hasNext() && n < 5) {
                try (SimulatedFrame sf = line.nextWithTruth()) {
                    Frame f = sf.frame();
                    assertThat(f.sequence()).isEqualTo(n);
                    assertThat(f.yStartMm()).isEqualTo(expectY, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(f.widthPx()).isEqualTo(4096);
                    assertThat(f.heightPx()).isEqualTo(1024);
                    assertThat(line.encoder().positionMm()).isEqualTo(f.yEndMm());
                    expectY = f.yEndMm();
                    // every defect listed for the frame that is not an edge or streak has labelled pixels
                    Mat labels = sf.labels();
                    assertThat(labels.size()).isEqualTo(f.image().size());
                    for (InjectedDefect d : sf.defects()) {
                        Mat hit = new Mat();
                        Core.compare(labels, new Scalar(d.defectClass().ordinal() + 1), hit, Core.CMP_EQ);
                        assertThat(Core.countNonZero(hit)).as("labelled pixels of %s", d).isPositive();
                        hit.release();
                    }
                }
                n++;
            }
        }
    }

    @Test
    void copper_margins_are_bright_and_coating_is_dark() {
        try (SimulatedLine line = new SimulatedLine(small().withDefectRatePerM(0), SimulatedEncoder.freeRunning());
             Frame f = line.next()) {
            var g = f.grid();
            int marginCol = (int) g.col(7);          // bare copper, 7 mm from the foil edge
            int coatCol = (int) g.col(95);           // middle of the coating
            int rollerCol = 20;                      // beyond the foil
            double margin = Core.mean(f.image().colRange(marginCol, marginCol + 10)).val[0];
            double coat = Core.mean(f.image().colRange(coatCol, coatCol + 10)).val[0];
            double roller = Core.mean(f.image().colRange(rollerCol, rollerCol + 10)).val[0];
            assertThat(margin).isBetween(185.0, 215.0);
            assertThat(coat).isBetween(75.0, 100.0);
            assertThat(roller).isLessThan(40.0);
        }
    }
}
