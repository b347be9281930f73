package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.sinterscope.simulator.plc.PlcSimulator;

class StationEndToEndTest extends OnePinholeStation {

    @Test
    void a_defect_injected_at_a_known_y_is_rejected_there_in_time() throws Exception {
        runFrames(line.frameCount());
        // the web runs on until everything has passed the actuator
        encoder.advanceTo(cfg.frameCount() * cfg.frameLengthMm() + actuatorDistanceMm() + 1);
        plc.tick();

        List<PlcSimulator.Fired> fired = plc.fired();
        assertThat(fired).hasSize(1);
        PlcSimulator.Fired f = fired.get(0);
        assertThat(f.inTime()).isTrue();
        assertThat(f.command().y0Mm()).isLessThanOrEqualTo(DEFECT_Y_MM).isGreaterThanOrEqualTo(DEFECT_Y_MM - cfg.frameLengthMm());
        assertThat(f.command().y1Mm()).isGreaterThanOrEqualTo(DEFECT_Y_MM).isLessThanOrEqualTo(DEFECT_Y_MM + cfg.frameLengthMm());
        assertThat(f.command().causes()).containsExactly("pinhole");
        // fired when the stretch's start reached the actuator, not before
        assertThat(f.firedAtMm()).isGreaterThanOrEqualTo(f.command().deadlineMm());
        assertThat(plc.lateCommands()).isZero();
        assertThat(ledger.verdicts()).isEqualTo(line.frameCount());
        assertThat(ledger.framesFailed()).isZero();
    }
}
