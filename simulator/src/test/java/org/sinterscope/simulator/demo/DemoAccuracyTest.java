package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The acceptance figures on the default simulated line, through the whole station
 * (routes, recipe, tracker, PLC simulator), scored against the generator's ground truth.
 */
class DemoAccuracyTest {

    @TempDir
    Path journal;

    @TempDir
    Path foil;

    /**
     * Look-alikes (dust, glints, fibres) are off here: these are the coating detector's figures; what
     * the classifier makes of look-alikes is held by ClassifierLineTest.
     */
    private DemoSummary run(SimulatedLineConfig line) throws Exception {
        return DemoRun.run(new DemoOptions(line.withLookalikeRatePerM(0), true, null, null, Map.of(
                "sinterscope.journal.dir", journal.toString(),
                "sinterscope.foil.inbox", foil.resolve("inbox").toString(),
                "sinterscope.foil.done-dir", foil.resolve("done").toString(),
                "sinterscope.foil.quarantine-dir", foil.resolve("quarantine").toString(),
                "sinterscope.furnace.inbox", foil.resolve("furnace-inbox").toString(),
                "sinterscope.furnace.done-dir", foil.resolve("furnace-done").toString(),
                "sinterscope.furnace.quarantine-dir", foil.resolve("furnace-quarantine").toString()),
                Duration.ofMinutes(10)));
    }

    @Test
    void every_defect_class_is_detected_and_rejected_with_recall_of_at_least_95_percent() throws Exception {
        // 30 m at 3 defects per metre: about 15 of each of the six classes
        DemoSummary s = run(SimulatedLineConfig.defaults().withLengthM(30).withDefectRatePerM(3).withSeed(11));

        assertThat(s.injectedDefects()).isGreaterThan(60);
        assertThat(s.byClass()).containsOnlyKeys("pinhole", "agglomerate", "scratch", "streak", "uncoated", "edge");
        s.byClass().forEach((c, v) -> {
            assertThat(v.injected()).as("%s injected", c).isGreaterThanOrEqualTo(5);
            assertThat((double) v.detected() / v.injected()).as("%s detection recall", c).isGreaterThanOrEqualTo(0.95);
            assertThat((double) v.rejected() / v.injected()).as("%s rejected in time", c).isGreaterThanOrEqualTo(0.95);
        });
        assertThat(s.falseRejects()).isZero();
        assertThat(s.lateCommands()).isZero();
        assertThat(s.failedFrames()).isZero();
        assertThat(s.frames()).isEqualTo(586);
        // the foil profilometer: a trace every 5 m, the third of a too-smooth patch (Ra 0.15 µm < 0.2 µm)
        assertThat(s.foil().traces()).isEqualTo(7);
        assertThat(s.foil().judged()).isEqualTo(7);
        assertThat(s.foil().failed()).isEqualTo(1);
        assertThat(s.foil().quarantined()).isZero();
        assertThat(s.foil().minRaUm()).isBetween(0.12, 0.18);
        assertThat(s.alarms()).isGreaterThanOrEqualTo(1);
        // the furnace: a temperature excursion and an O2 spike, each flagged and its web rejected in time
        assertThat(s.furnace().injected()).isEqualTo(2);
        assertThat(s.furnace().flagged()).isEqualTo(2);
        assertThat(s.furnace().rejectedInTime()).isEqualTo(2);
        assertThat(s.furnace().maxSeenC()).isGreaterThan(s.furnace().maxAllowedC());
        // the lab: one amorphous and one crystalline XRD sample of the roll, each judged as simulated
        assertThat(s.xrd()).isEqualTo(new DemoSummary.XrdSummary(2, 1, 1, 1, 1));
    }

    @Test
    void thirty_metres_of_defect_free_web_give_no_reject() throws Exception {
        DemoSummary s = run(SimulatedLineConfig.defaults().withLengthM(30).withDefectRatePerM(0).withSeed(12));

        assertThat(s.injectedDefects()).isZero();
        assertThat(s.falseRejects()).isZero();
        assertThat(s.rejectedMeters()).isZero();
        assertThat(s.frames()).isEqualTo(586);
        assertThat(s.coatingCvPercent()).isBetween(0.1, 5.0);
    }
}
