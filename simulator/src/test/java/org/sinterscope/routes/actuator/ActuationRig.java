package org.sinterscope.routes.actuator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.journal.Journal;
import org.sinterscope.routes.reject.ActuatorSpec;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * The station's actuation alone (gateway, journal, routes, alarm collector) in a Camel context,
 * on a free-running encoder the test moves: the same routes the station runs, without frames.
 */
final class ActuationRig implements AutoCloseable {

    final SimulatedEncoder encoder;
    final ActuationGateway gateway;
    final List<String> alarms = new CopyOnWriteArrayList<>();
    final List<String> lineStops = new CopyOnWriteArrayList<>();
    private final Map<String, String> sendUris;
    private final CamelContext camel;
    private final ProducerTemplate template;

    ActuationRig(Path journalDir, Map<String, String> settings) throws Exception {
        this(journalDir, SimulatedEncoder.freeRunning(), settings);
    }

    ActuationRig(Path journalDir, SimulatedEncoder encoder, Map<String, String> settings) throws Exception {
        this.encoder = encoder;
        Map<String, String> all = new HashMap<>(settings);
        all.put("sinterscope.journal.dir", journalDir.toString());
        all.putIfAbsent("sinterscope.actuation.resend-ms", "100");
        all.putIfAbsent("sinterscope.actuation.ack-timeout-ms", "1000");
        // a ceiling for a PLC that never reports, far above a reconnect on a loaded machine
        all.putIfAbsent("sinterscope.actuation.fired-timeout-ms", "20000");
        all.put("sinterscope.alarm.uri", "direct:test-alarms");
        all.put("sinterscope.line-stop.uri", "direct:test-line-stop");
        StationSettings s = StationSettings.load(null, all);
        List<ActuatorSpec> actuators = ActuatorSpec.fromSettings(s);
        ActuatorLinks links = new ActuatorLinks(s);
        sendUris = links.sendUris(actuators);
        gateway = new ActuationGateway(actuators, sendUris, encoder, Journal.open(journalDir, s.stationId()),
                Duration.ofMillis(Long.parseLong(s.get("sinterscope.actuation.resend-ms"))),
                Duration.ofMillis(Long.parseLong(s.get("sinterscope.actuation.ack-timeout-ms"))),
                Duration.ofMillis(Long.parseLong(s.get("sinterscope.actuation.fired-timeout-ms"))));
        camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(s.asMap());
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.addRoutes(new StationErrorHandling());
        camel.addRoutes(new ActuationRoutes(gateway, links.ackUris(actuators), links.lineStopUri(actuators)));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:test-alarms").process(e -> alarms.add(e.getMessage().getBody(String.class)));
                from("direct:test-line-stop").process(e -> lineStops.add(e.getMessage().getBody(String.class)));
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    /** A command for {@code actuator} over web [y0, y1] mm with the deadline {@code y0 + distance}. */
    RejectCommand command(String id, String actuator, double y0, double y1, double distanceMm) {
        return new RejectCommand(id, "station-1", actuator, y0, y1, List.of("pinhole"), List.of("cam/1/0"), y0 + distanceMm,
                Instant.now(), Instant.now(), encoder.positionMm());
    }

    void submit(RejectCommand c) {
        template.sendBody(ActuationRoutes.INPUT, c);
    }

    /** Sends {@code c} once more through the station's send route (a resend: same id). */
    void resend(RejectCommand c) {
        template.sendBody("direct:actuator-send", new ActuationGateway.Outgoing(c, sendUris.get(c.actuatorId())));
    }

    @Override
    public void close() {
        template.stop();
        camel.stop();
        gateway.close();
    }
}
