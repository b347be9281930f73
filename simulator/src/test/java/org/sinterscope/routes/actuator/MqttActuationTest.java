package org.sinterscope.routes.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.journal.JournalEntry;
import org.sinterscope.routes.journal.Outcome;
import org.sinterscope.simulator.plc.MosquittoBroker;
import org.sinterscope.simulator.plc.MqttPlcSimulator;
import org.sinterscope.simulator.plc.OpcUaPlcSimulator;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectCommand;

/** The MQTT link against a real Mosquitto process and the MQTT PLC simulator. */
class MqttActuationTest {

    // a ceiling, not a pause: on a loaded 2-core machine the broker restart and reconnect can take long
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private MosquittoBroker broker;
    private ActuationRig rig;
    private MqttPlcSimulator plc;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(MosquittoBroker.available(), MosquittoBroker.BINARY + " is absent: install the Debian package mosquitto "
                + "(.ci/install-test-deps does) to run the MQTT integration tests");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        rig = new ActuationRig(dir.resolve("journal"), Map.of("sinterscope.actuators", "marker-1,cutter-1",
                "sinterscope.actuator.link", "mqtt", "sinterscope.actuator.distance-mm", "1000",
                "sinterscope.actuator.cutter-1.distance-mm", "1500", "sinterscope.actuator.cutter-1.policy", "alarm",
                "sinterscope.mqtt.broker-url", broker.url()));
        plc = MqttPlcSimulator.start(broker.url(), "sinterscope", "station-1", new PlcSimulator(rig.encoder), "", "");
    }

    @AfterEach
    void stop() {
        if (plc != null) {
            plc.close();
        }
        if (rig != null) {
            rig.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void commands_arrive_are_acknowledged_and_fire_at_their_encoder_position() {
        RejectCommand m = rig.command("station-1/cam/1/0/marker-1", "marker-1", 100, 150, 1000);
        RejectCommand c = rig.command("station-1/cam/1/0/cutter-1", "cutter-1", 100, 150, 1500);
        rig.submit(m);
        rig.submit(c);
        await().atMost(WAIT).until(() -> rig.gateway.counts().acknowledged() == 2);
        assertThat(plc.core().fired()).isEmpty();

        rig.encoder.advanceTo(1099);
        rig.encoder.advanceTo(1100);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 1);
        assertThat(plc.core().fired()).singleElement().satisfies(f -> {
            assertThat(f.command().id()).isEqualTo(m.id());
            assertThat(f.firedAtMm()).isEqualTo(1100.0);
            assertThat(f.inTime()).isTrue();
        });

        rig.encoder.advanceTo(1600);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 2);
        assertThat(plc.core().fired()).extracting(f -> f.command().id()).containsExactly(m.id(), c.id());
        assertThat(plc.core().fired().get(1).firedAtMm()).isEqualTo(1600.0);
        assertThat(rig.gateway.counts().late()).isZero();
    }

    @Test
    void a_duplicate_id_fires_once() {
        RejectCommand m = rig.command("station-1/cam/2/0/marker-1", "marker-1", 200, 260, 1000);
        rig.submit(m);
        await().atMost(WAIT).until(() -> rig.gateway.counts().acknowledged() == 1);
        rig.resend(m); // the same id again, as after a lost acknowledgement
        await().atMost(WAIT).until(() -> plc.core().duplicates() == 1);
        rig.encoder.advanceTo(2000);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 1);
        assertThat(plc.core().fired()).hasSize(1);
    }

    @Test
    void broker_stopped_mid_run_loses_nothing_and_late_commands_are_handled_by_policy() {
        RejectCommand early = rig.command("station-1/cam/3/0/marker-1", "marker-1", 0, 50, 1000);
        rig.submit(early);
        await().atMost(WAIT).until(() -> rig.gateway.counts().acknowledged() == 1);

        broker.stop();
        // decided while the broker is away: two that will miss their deadline, two that will not
        RejectCommand nearM = rig.command("station-1/cam/4/0/marker-1", "marker-1", 100, 400, 1000); // deadline 1100, widen
        RejectCommand nearC = rig.command("station-1/cam/4/0/cutter-1", "cutter-1", 100, 400, 1000); // deadline 1100, alarm
        RejectCommand farM = rig.command("station-1/cam/5/0/marker-1", "marker-1", 3000, 3050, 1000);
        RejectCommand farC = rig.command("station-1/cam/5/0/cutter-1", "cutter-1", 3000, 3050, 1500);
        List.of(nearM, nearC, farM, farC).forEach(rig::submit);
        await().atMost(WAIT).until(() -> rig.gateway.counts().sendFailures() >= 8);
        rig.encoder.advanceTo(1200); // past the near deadlines, inside their stretches
        await().atMost(WAIT).until(() -> rig.gateway.counts().late() == 2);
        assertThat(rig.gateway.counts().widened()).isEqualTo(1);
        await().atMost(WAIT).until(() -> rig.alarms.stream().anyMatch(a -> a.contains(nearC.id())));

        broker.startProcess();
        // early, nearM/w, nearC, farM, farC
        await().atMost(WAIT)
                .conditionEvaluationListener(c -> {
                    if (!c.isSatisfied() && c.getRemainingTimeInMS() <= 1000) {
                        // on a failure: what is still open
                        org.slf4j.LoggerFactory.getLogger(MqttActuationTest.class).warn(
                                "still waiting for acknowledgements: counts {}, open {}, PLC events {}",
                                rig.gateway.counts(), rig.gateway.openIds(), plc.core().events());
                    }
                })
                .until(() -> rig.gateway.counts().acknowledged() >= 5);
        rig.encoder.advanceTo(5000);
        await().atMost(WAIT).until(() -> rig.gateway.openIds().isEmpty());

        assertThat(plc.core().fired()).extracting(f -> f.command().id())
                .containsExactlyInAnyOrder(early.id(), nearM.id() + "/w", nearC.id(), farM.id(), farC.id());
        assertThat(plc.core().fired()).filteredOn(f -> f.command().id().startsWith("station-1/cam/5/"))
                .allSatisfy(f -> assertThat(f.inTime()).isTrue());
        assertThat(plc.core().fired()).filteredOn(f -> f.command().id().startsWith("station-1/cam/4/"))
                .allSatisfy(f -> assertThat(f.inTime()).isFalse());
        assertThat(rig.gateway.counts().failed()).isZero();
        List<JournalEntry> journal = Journal.readAll(dir.resolve("journal"));
        assertThat(journal).filteredOn(e -> e.outcome() == Outcome.LATE).extracting(JournalEntry::commandId)
                .containsExactlyInAnyOrder(nearM.id(), nearC.id());
        assertThat(journal).filteredOn(e -> e.outcome() == Outcome.WIDENED).extracting(JournalEntry::commandId).containsExactly(nearM.id());
        assertThat(journal).filteredOn(e -> e.outcome() == Outcome.ALARM).extracting(JournalEntry::commandId).containsExactly(nearC.id());
        assertThat(Journal.inFlight(journal)).isEmpty();
    }
}
