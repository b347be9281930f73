package org.sinterscope.simulator.plc;

import java.util.Map;
import java.util.Objects;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.actuator.ActuationRoutes;

/**
 * The {@code plc-sim} link's far end: a {@link PlcSimulator} in the station's own process, as a
 * station stage. Only a simulated line plugs it in; a plant station talks to a real PLC.
 *
 * <pre>
 * plc-sim  : direct:plc-sim (the plc-sim link's endpoint) → the simulator; its reply is the acknowledgement
 * plc-tick : every {{sinterscope.plc.tick-ms}}: the simulator follows the encoder and fires what is due
 * </pre>
 * Every event of the simulator (acks and fired reports) also goes to {@value ActuationRoutes#EVENTS}.
 */
public final class InProcessPlc implements StationStage {

    public static final String ENDPOINT = "direct:plc-sim";

    private final PlcSimulator plc;
    private final boolean reportEvents;

    /** The simulator behind the station's actuation routes, reporting every event to them. */
    public InProcessPlc(PlcSimulator plc) {
        this(plc, true);
    }

    /**
     * @param reportEvents false when commands reach {@value #ENDPOINT} directly, without the station's
     *                     actuation routes (tests of the line routes alone): nobody listens for events then
     */
    public InProcessPlc(PlcSimulator plc, boolean reportEvents) {
        this.plc = Objects.requireNonNull(plc, "plc");
        this.reportEvents = reportEvents;
    }

    @Override
    public RoutesBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                if (reportEvents) {
                    ProducerTemplate events = getContext().createProducerTemplate();
                    plc.addListener(ev -> events.sendBody(ActuationRoutes.EVENTS, ev));
                }
                from(ENDPOINT)
                        .routeId("plc-sim")
                        .bean(plc, "receive");
                from("timer:plc-tick?period={{sinterscope.plc.tick-ms}}&delay=0")
                        .routeId("plc-tick")
                        .bean(plc, "tick");
            }
        };
    }

    @Override
    public Map<String, Object> beans() {
        return Map.of();
    }

    public PlcSimulator simulator() {
        return plc;
    }
}
