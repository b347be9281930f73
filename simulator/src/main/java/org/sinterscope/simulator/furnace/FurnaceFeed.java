package org.sinterscope.simulator.furnace;

import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.StationStage;

/**
 * The simulated furnace's PLC as a station stage: a route that, every {@code periodMs}, sends the
 * readings for the web that has run since the last time to the station's furnace endpoint
 * ({@code {{sinterscope.furnace.uri}}}) as one JSON message.
 */
public record FurnaceFeed(SimulatedFurnace furnace, LineEncoder encoder, long periodMs) implements StationStage {

    /** Sends what is due now, in the calling thread's order: one call per timer tick. */
    synchronized String due() {
        return furnace.jsonUpTo(encoder.positionMm());
    }

    @Override
    public RoutesBuilder routes() {
        FurnaceFeed self = this;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:furnace-simulator?period=" + periodMs)
                        .routeId("furnace-simulator")
                        .process(e -> e.getMessage().setBody(self.due()))
                        .filter(body().isNotNull())
                        .to("{{sinterscope.furnace.uri}}");
            }
        };
    }

    @Override
    public Map<String, Object> beans() {
        return Map.of();
    }
}
