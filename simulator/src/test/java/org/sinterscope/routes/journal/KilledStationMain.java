package org.sinterscope.routes.journal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.actuator.Actuation;
import org.sinterscope.routes.actuator.ActuationRoutes;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;
import org.sinterscope.routes.reject.RejectTracker;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;

/**
 * The station's actuation in a process of its own, for {@link StationKillTest}: the real gateway,
 * journal and routes, the plc-sim link to an in-process PLC on a paced encoder (60 m/min), deciding
 * one reject command every 10 ms until it is killed. It prints {@code DECIDED <id>} once the command
 * was handed to {@code direct:actuation} (its DECIDED line is on disk then) and {@code FIRED <id>}
 * when the PLC fires. Arguments: the journal folder.
 */
public final class KilledStationMain {

    static final String STATION = "station-kill";

    private KilledStationMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        Map<String, String> m = Map.of("sinterscope.journal.dir", Path.of(args[0]).toString(), "sinterscope.station.id", STATION,
                "sinterscope.actuators", "marker-1", "sinterscope.actuator.distance-mm", "300", "sinterscope.actuator.link", "plc-sim",
                "sinterscope.alarm.uri", "log:alarms?level=WARN", "sinterscope.actuation.resend-ms", "50");
        StationSettings settings = StationSettings.load(null, m);
        SimulatedEncoder encoder = SimulatedEncoder.paced(60);
        RejectTracker tracker = RejectTracker.fromSettings(settings, encoder);
        Actuation actuation = Actuation.create(settings, tracker);
        PlcSimulator plc = new PlcSimulator(encoder);
        plc.addListener(e -> {
            if (e.kind() == ActuatorEvent.Kind.FIRED) {
                out.println("FIRED " + e.commandId());
            }
        });
        CamelContext camel = new DefaultCamelContext();
        Properties p = new Properties();
        p.putAll(settings.asMap());
        camel.getPropertiesComponent().setInitialProperties(p);
        camel.addRoutes(new StationErrorHandling());
        camel.addRoutes(actuation.routes());
        camel.addRoutes(new InProcessPlc(plc).routes());
        camel.start();
        encoder.start();
        ProducerTemplate t = camel.createProducerTemplate();
        for (int i = 0; ; i++) {
            double y0 = encoder.positionMm() + 20;
            RejectCommand c = new RejectCommand(STATION + "/k/cam/" + i + "/0/marker-1", STATION, "marker-1", y0, y0 + 30,
                    List.of("pinhole"), List.of("cam/" + i + "/0"), y0 + 300, Instant.now(), Instant.now(), encoder.positionMm());
            t.sendBody(ActuationRoutes.INPUT, c);
            out.println("DECIDED " + c.id());
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // the line's pace of decisions (the child, not a test wait)
        }
    }
}
