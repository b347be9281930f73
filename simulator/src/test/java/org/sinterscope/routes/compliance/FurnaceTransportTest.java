package org.sinterscope.routes.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.reject.RejectCommand;
import org.sinterscope.simulator.plc.MosquittoBroker;

/**
 * Furnace readings over real transports: an OPC UA subscription to an in-process Milo server (the
 * furnace PLC) and MQTT JSON through a Mosquitto broker. Zones z1 1000–2000 mm and z2 2000–3000 mm,
 * default recipe (T_max 600 °C, O2 ≤ 10 ppm), a marker 5000 mm past the camera.
 */
class FurnaceTransportTest {

    @TempDir
    Path dir;

    private final List<RejectCommand> commands = new CopyOnWriteArrayList<>();
    private final List<String> alarms = new CopyOnWriteArrayList<>();
    private CamelContext station;
    private CamelContext plc;
    private MosquittoBroker broker;
    private volatile double encoderMm = 2500;

    @AfterEach
    void stop() throws Exception {
        if (station != null) {
            station.stop();
        }
        if (plc != null) {
            plc.stop();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private FurnaceStage startStation(Map<String, String> extra) throws Exception {
        Map<String, String> m = new HashMap<>();
        m.put("sinterscope.furnace.zones", "z1:1000:2000,z2:2000:3000");
        m.put("sinterscope.furnace.inbox", dir.resolve("inbox").toString());
        m.put("sinterscope.furnace.done-dir", dir.resolve("done").toString());
        m.put("sinterscope.furnace.quarantine-dir", dir.resolve("quarantine").toString());
        m.put("sinterscope.actuator.distance-mm", "5000");
        m.put("sinterscope.alarm.uri", "direct:test-alarms");
        m.putAll(extra);
        StationSettings s = StationSettings.load(null, m);
        FurnaceStage stage = FurnaceStage.create(s, () -> encoderMm, RecipeLoader.defaults());
        station = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(s.asMap());
        station.getPropertiesComponent().setInitialProperties(p);
        stage.beans().forEach((k, v) -> station.getRegistry().bind(k, v));
        station.addRoutes(new StationErrorHandling());
        station.addRoutes(stage.routes());
        station.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send-command").process(e -> commands.add(e.getMessage().getBody(RejectCommand.class)));
                from("direct:test-alarms").process(e -> alarms.add(e.getMessage().getBody(String.class)));
            }
        });
        station.start();
        return stage;
    }

    @Test
    void opc_ua_node_values_land_on_the_web_inside_their_zone() throws Exception {
        int port = MosquittoBroker.freePort();
        plc = org.sinterscope.simulator.plc.MiloTestServer.start(port);
        plc.createProducerTemplate().sendBody("milo-server:furnace.z2.temp", 580.0);

        FurnaceStage stage = startStation(Map.of("sinterscope.furnace.opcua.nodes", "z2.tempC=furnace.z2.temp",
                "sinterscope.furnace.opcua.endpoint", "opc.tcp://127.0.0.1:" + port + "/milo",
                "sinterscope.opcua.username", "station", "sinterscope.opcua.password", "secret"));
        await().atMost(Duration.ofSeconds(30)).until(() -> stage.compliance().readingsPlaced() >= 1);
        assertThat(commands).isEmpty();

        plc.createProducerTemplate().sendBody("milo-server:furnace.z2.temp", 641.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> !commands.isEmpty());
        RejectCommand c = commands.get(0);
        assertThat(c.causes()).containsExactly("furnace-temperature");
        // web in z2 at encoder 2500: [−500, 500] mm, from the roll's start
        assertThat(c.y0Mm()).isEqualTo(0);
        assertThat(c.y1Mm()).isEqualTo(500);
        assertThat(alarms).anyMatch(a -> a.contains("furnace zone z2 at 641.0 °C > 600.0 °C"));
    }

    @Test
    void mqtt_json_readings_land_on_their_metres_and_a_bad_one_is_quarantined() throws Exception {
        assumeTrue(MosquittoBroker.available(), MosquittoBroker.BINARY + " is absent: install the Debian package mosquitto "
                + "(.ci/install-test-deps does)");
        broker = MosquittoBroker.start(dir.resolve("broker"));
        String uri = "paho-mqtt5:sinterscope/furnace?brokerUrl=" + broker.url() + "&qos=1";
        FurnaceStage stage = startStation(Map.of("sinterscope.furnace.uri", uri));
        var template = station.createProducerTemplate();
        // the route's subscription is up once a first message comes through
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            template.sendBody(uri, "{\"zone\":\"z1\",\"tempC\":450,\"encoderMm\":1500}");
            return stage.compliance().readingsPlaced() >= 1;
        });
        template.sendBody(uri, "{\"zone\":\"all\",\"o2Ppm\":38,\"dewPointC\":-50,\"encoderMm\":2800}");
        await().atMost(Duration.ofSeconds(30)).until(() -> commands.stream().anyMatch(c -> c.causes().contains("furnace-o2")));
        RejectCommand c = commands.stream().filter(x -> x.causes().contains("furnace-o2")).findFirst().orElseThrow();
        // both zones at encoder 2800: web [−200, 1800] mm
        assertThat(c.y0Mm()).isEqualTo(0);
        assertThat(c.y1Mm()).isEqualTo(1800);
        assertThat(c.deadlineMm()).isEqualTo(5000);

        template.sendBody(uri, "{\"zone\":\"z1\",\"tempC\":\"hot\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> alarms.stream().anyMatch(a -> a.contains("quarantined")));
        assertThat(alarms).anyMatch(a -> a.contains("'tempC' must be a number"));
    }
}
