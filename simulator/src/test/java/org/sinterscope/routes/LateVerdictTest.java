package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.routes.reject.ActuatorEvent;

/**
 * With the actuator 10 mm after the camera, a defect's stretch has reached it before the frame
 * showing it is even complete: the verdict is late by construction.
 */
class LateVerdictTest extends StationTestSupport {

    private final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
    private final SimulatedLine line = new SimulatedLine(SimulatedLineConfig.defaults().withLengthM(1), encoder,
            onePinholeAt(95, 500));

    @Override
    protected FrameSource source() {
        return line;
    }

    @Override
    protected LineEncoder encoder() {
        return encoder;
    }

    @Override
    protected double actuatorDistanceMm() {
        return 10;
    }

    @AfterEach
    void closeLine() {
        line.close();
    }

    @Test
    void a_verdict_after_its_deadline_is_reported_late_not_lost() throws Exception {
        NotifyBuilder alarm = new NotifyBuilder(context).fromRoute("alarms").whenDone(1).create();
        runFrames(line.frameCount());
        assertThat(alarm.matches(30, TimeUnit.SECONDS)).as("an alarm for the late verdict").isTrue();

        assertThat(plc.lateCommands()).isEqualTo(1);
        assertThat(plc.lateCommands(c -> c.causes().stream().anyMatch(k -> k.startsWith("pinhole")))).isEqualTo(1);
        assertThat(plc.lateCommands(c -> c.causes().contains("furnace-dwell"))).isZero();
        assertThat(plc.events()).anyMatch(e -> e.kind() == ActuatorEvent.Kind.LATE);
        assertThat(ledger.alarms()).anyMatch(a -> a.contains("decided after its deadline"));
        assertThat(ledger.rejectingVerdicts()).isEqualTo(1);
        assertThat(ledger.verdictList()).filteredOn(v -> v.reject())
                .singleElement().satisfies(v -> assertThat(v.reasons()).anyMatch(r -> r.startsWith("pinhole")));
    }
}
