package org.sinterscope.routes.compliance;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.sinterscope.routes.StationErrorHandling;

/**
 * Furnace telemetry on the line: readings in, placed on the web, judged against the recipe's sintering
 * window; reject commands join the station's command path, violations raise alarms.
 *
 * <pre>
 * furnace-messages : JSON readings on {{sinterscope.furnace.uri}} (seda by default, MQTT by configuration);
 *                    an unusable message is written to the quarantine folder with its reason
 * furnace-files    : CSV logs in {{sinterscope.furnace.inbox}}; a log with bad rows goes to the quarantine
 *                    folder with every bad row's line and reason (its good rows are applied), else to done
 * furnace-opcua-N  : one OPC UA subscription per node of sinterscope.furnace.opcua.nodes (numeric values)
 * furnace-watchdog : every {{sinterscope.furnace.watchdog-ms}}: samples the encoder, alarms when telemetry is lost
 * furnace-outcome  : commands → direct:send-command (journal, store, actuators); alarms → {{sinterscope.alarm.uri}}
 * </pre>
 * Beans by the names in {@link FurnaceStage}.
 */
public final class FurnaceRoutes extends RouteBuilder {

    static final String MOVE_TO = "SinterscopeFurnaceMoveTo";
    static final String REASON = "SinterscopeFurnaceReason";

    private final List<FurnaceStage.OpcUaNode> nodes;

    public FurnaceRoutes(List<FurnaceStage.OpcUaNode> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    @Override
    public void configure() {
        from("{{sinterscope.furnace.uri}}")
                .routeId("furnace-messages")
                .routeConfigurationId(StationErrorHandling.ID)
                .convertBodyTo(byte[].class)
                .doTry()
                    .setBody(method(FurnaceStage.INLET, "json(${body})"))
                    .to("direct:furnace-outcome")
                .doCatch(FurnaceReadingException.class)
                    .setHeader(REASON, simple("${exception.message}"))
                    .bean(FurnaceStage.FILES, "putMessage(${body}, ${header." + REASON + "})")
                    .setBody(simple("furnace reading quarantined as ${body}: ${header." + REASON + "}"))
                    .to("direct:furnace-rejected")
                .end();

        from("file:{{sinterscope.furnace.inbox}}?move=${header." + MOVE_TO + "}&{{sinterscope.furnace.inbox.options}}")
                .routeId("furnace-files")
                .routeConfigurationId(StationErrorHandling.ID)
                .setHeader(MOVE_TO, method(FurnaceStage.FILES, "quarantinePath(${header." + Exchange.FILE_NAME + "})"))
                .doTry()
                    .convertBodyTo(byte[].class)
                    .setBody(method(FurnaceStage.INLET, "csv(${body})"))
                    .setProperty("log", body())
                    .to("direct:furnace-outcome")
                    .setBody(exchangeProperty("log"))
                    .choice()
                        .when(simple("${body.bad.isEmpty()}"))
                            .setHeader(MOVE_TO, method(FurnaceStage.FILES, "donePath(${header." + Exchange.FILE_NAME + "})"))
                        .otherwise()
                            .setHeader(REASON, simple("${body.reason()}"))
                            .setHeader(MOVE_TO, method(FurnaceStage.FILES,
                                    "writeReason(${header." + Exchange.FILE_NAME + "}, ${header." + REASON + "})"))
                            .setBody(simple("furnace log quarantined as ${header." + MOVE_TO + "}: ${header." + REASON + "}"))
                            .to("direct:furnace-rejected")
                    .end()
                .endDoTry()
                .doCatch(FurnaceReadingException.class)
                    .setHeader(REASON, simple("${exception.message}"))
                    .setHeader(MOVE_TO, method(FurnaceStage.FILES,
                            "writeReason(${header." + Exchange.FILE_NAME + "}, ${header." + REASON + "})"))
                    .setBody(simple("furnace log quarantined as ${header." + MOVE_TO + "}: ${header." + REASON + "}"))
                    .to("direct:furnace-rejected")
                .end();

        for (int i = 0; i < nodes.size(); i++) {
            FurnaceStage.OpcUaNode n = nodes.get(i);
            from(n.uri())
                    .routeId("furnace-opcua-" + i)
                    .routeConfigurationId(StationErrorHandling.ID)
                    .process(e -> {
                        Object b = e.getMessage().getBody();
                        if (b instanceof DataValue dv) {
                            e.getMessage().setBody(dv.getValue() == null ? null : dv.getValue().getValue());
                        }
                    })
                    .filter(body().isNotNull())
                    .doTry()
                        .setBody(method(FurnaceStage.INLET, "value('" + n.zone() + "', '" + n.quantity() + "', ${body})"))
                        .to("direct:furnace-outcome")
                    .doCatch(FurnaceReadingException.class)
                        .setBody(simple("furnace OPC UA value refused: ${exception.message}"))
                        .to("direct:furnace-rejected")
                    .end();
        }

        from("timer:furnace-watchdog?period={{sinterscope.furnace.watchdog-ms}}")
                .routeId("furnace-watchdog")
                .routeConfigurationId(StationErrorHandling.ID)
                .setBody(method(FurnaceStage.INLET, "tick"))
                .to("direct:furnace-outcome");

        from("direct:furnace-outcome")
                .routeId("furnace-outcome")
                .routeConfigurationId(StationErrorHandling.ID)
                .setProperty("outcome", body())
                .split(simple("${body.commands}"))
                    .to("direct:send-command")
                .end()
                .setBody(exchangeProperty("outcome"))
                .split(simple("${body.alarms}"))
                    .to("{{sinterscope.alarm.uri}}")
                .end();

        from("direct:furnace-rejected")
                .routeId("furnace-rejected")
                .routeConfigurationId(StationErrorHandling.ID)
                .log(LoggingLevel.WARN, "org.sinterscope.furnace", "${body}")
                .to("{{sinterscope.alarm.uri}}");
    }
}
