package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.actuator.ActuationGateway;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.JournalEntry;
import org.sinterscope.routes.journal.Outcome;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.FailSafePolicy;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;

/**
 * The whole station with its commands going through {@code direct:actuation}: journal, outbox and
 * fail-safe policy, then the plc-sim link to the in-process PLC, whose events come back to the
 * gateway. One pinhole at y = 1000 mm on 2 m of web.
 */
abstract class OnePinholeThroughActuation extends StationTestSupport {
    static final double DEFECT_Y_MM = 1000;
    final SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
    final SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withLengthM(2);
    final SimulatedLine line = new SimulatedLine(cfg, encoder, onePinholeAt(95, DEFECT_Y_MM));

    @Override
    protected boolean throughActuation() {
        return true;
    }

    @Override
    protected FrameSource source() {
        return line;
    }

    @Override
    protected LineEncoder encoder() {
        return encoder;
    }

    @AfterEach
    void closeLine() {
        line.close();
    }

    ActuationGateway gateway() {
        return actuation().gateway();
    }

    /** Runs the web on until every stretch has passed the actuator and waits for every command to close. */
    void runOutAndSettle() throws Exception {
        encoder.advanceTo(cfg.frameCount() * cfg.frameLengthMm() + actuatorDistanceMm() + 200);
        gateway().awaitSettled(Duration.ofSeconds(60));
    }
}
