package org.sinterscope.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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

/** A command decided after its deadline, with the stop-line policy, through {@code direct:actuation}. */
class LateActuationEndToEndTest extends OnePinholeThroughActuation {
    @Override
    protected double actuatorDistanceMm() {
        return 10; // the verdict cannot be there before the stretch reaches the actuator
    }

    @Override
    protected ActuatorSpec actuator() {
        return new ActuatorSpec("marker-1", actuatorDistanceMm(), ActuatorSpec.Link.PLC_SIM, FailSafePolicy.STOP_LINE, 50, Set.of(),
                "");
    }

    @Test
    void a_late_command_requests_a_line_stop_and_still_closes_with_a_definite_outcome() throws Exception {
        runFrames(line.frameCount());
        runOutAndSettle();

        assertThat(gateway().counts().late()).isEqualTo(1);
        assertThat(gateway().counts().lineStops()).isEqualTo(1);
        List<JournalEntry> journal = Journal.readAll(journalDir);
        assertThat(journal).extracting(JournalEntry::outcome).contains(Outcome.LATE, Outcome.LINE_STOP);
        assertThat(journal).extracting(JournalEntry::outcome).containsAnyOf(Outcome.FIRED, Outcome.FAILED);
        assertThat(Journal.inFlight(journal)).isEmpty();
        // the line-stop notice reaches the ledger through the actuation tick and the alarm queue: wait for it
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(ledger.alarms()).anyMatch(a -> a.contains("line stop requested")));
    }
}
