package org.sinterscope.routes.actuator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.plc.MosquittoBroker;
import org.sinterscope.simulator.plc.MqttPlcSimulator;
import org.sinterscope.simulator.plc.OpcUaPlcSimulator;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectCommand;

/** The OPC UA link (camel-milo client) against a real Milo server playing the PLC. */
class OpcUaActuationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private OpcUaPlcSimulator plc;
    private ActuationRig rig;
    private PlcSimulator core;

    @BeforeEach
    void start() throws Exception {
        int port = MosquittoBroker.freePort();
        SimulatedEncoder encoder = SimulatedEncoder.freeRunning(); // the PLC and the station follow the same web
        core = new PlcSimulator(encoder);
        plc = OpcUaPlcSimulator.start(port, "sinterscope", "station-1", List.of("marker-1"), core, "station", "secret");
        rig = new ActuationRig(dir.resolve("journal"), encoder, Map.of("sinterscope.actuators", "marker-1",
                "sinterscope.actuator.link", "opcua", "sinterscope.actuator.distance-mm", "1000",
                "sinterscope.opcua.endpoint", plc.endpoint(), "sinterscope.opcua.username", "station",
                "sinterscope.opcua.password", "secret"));
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        if (plc != null) {
            plc.close();
        }
    }

    @Test
    void commands_are_written_acknowledged_and_fire_at_their_encoder_position() {
        RejectCommand a = rig.command("station-1/cam/1/0/marker-1", "marker-1", 100, 150, 1000);
        RejectCommand b = rig.command("station-1/cam/2/0/marker-1", "marker-1", 400, 420, 1000);
        rig.submit(a);
        rig.submit(b);
        await().atMost(WAIT).until(() -> rig.gateway.counts().acknowledged() == 2);
        assertThat(core.fired()).isEmpty();

        rig.encoder.advanceTo(1100);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 1);
        assertThat(core.fired()).singleElement().satisfies(f -> {
            assertThat(f.command()).isEqualTo(a);
            assertThat(f.firedAtMm()).isEqualTo(1100.0);
            assertThat(f.inTime()).isTrue();
        });
        rig.encoder.advanceTo(1400);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 2);
        assertThat(core.fired().get(1).command().id()).isEqualTo(b.id());
        assertThat(core.fired().get(1).firedAtMm()).isEqualTo(1400.0);
    }

    @Test
    void a_duplicate_id_written_twice_fires_once() {
        RejectCommand a = rig.command("station-1/cam/3/0/marker-1", "marker-1", 100, 150, 1000);
        rig.submit(a);
        await().atMost(WAIT).until(() -> rig.gateway.counts().acknowledged() == 1);
        rig.resend(a);
        await().atMost(WAIT).until(() -> core.duplicates() == 1);
        rig.encoder.advanceTo(2000);
        await().atMost(WAIT).until(() -> rig.gateway.fired().size() == 1);
        assertThat(core.fired()).hasSize(1);
    }
}
