package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.sinterscope.routes.actuator.ActuationGateway;

/**
 * The whole station with its commands going through {@code direct:actuation}: journal, outbox and
 * fail-safe policy, then the plc-sim link to the in-process PLC, whose events come back to the
 * gateway. One pinhole at y = 1000 mm on 2 m of web.
 */
abstract class OnePinholeThroughActuation extends OnePinholeStation {

    @Override
    protected boolean throughActuation() {
        return true;
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
