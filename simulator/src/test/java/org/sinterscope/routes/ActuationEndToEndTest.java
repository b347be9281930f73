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

/** A command decided in time goes through the journal and the plc-sim link and fires in time. */
class ActuationEndToEndTest extends OnePinholeThroughActuation {
    @Test
    void the_command_is_journaled_sent_acknowledged_and_fired_in_time() throws Exception {
        runFrames(line.frameCount());
        runOutAndSettle();

        assertThat(gateway().fired()).singleElement().satisfies(f -> {
            assertThat(f.inTime()).isTrue();
            assertThat(f.command().y0Mm()).isLessThanOrEqualTo(DEFECT_Y_MM);
            assertThat(f.command().y1Mm()).isGreaterThanOrEqualTo(DEFECT_Y_MM);
            assertThat(f.firedAtMm()).isGreaterThanOrEqualTo(f.command().deadlineMm());
        });
        List<JournalEntry> journal = Journal.readAll(journalDir);
        String id = gateway().fired().get(0).command().id();
        // the in-process PLC's acknowledgement may be journaled before the link returns from the send
        assertThat(journal).filteredOn(e -> e.commandId().equals(id)).extracting(JournalEntry::outcome)
                .hasSize(4).startsWith(Outcome.DECIDED).endsWith(Outcome.FIRED).contains(Outcome.SENT, Outcome.ACKNOWLEDGED);
        assertThat(Journal.inFlight(journal)).isEmpty();
        assertThat(gateway().counts().late()).isZero();
        assertThat(gateway().counts().failed()).isZero();
    }
}
