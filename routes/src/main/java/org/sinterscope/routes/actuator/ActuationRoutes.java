package org.sinterscope.routes.actuator;

import java.util.List;
import java.util.Objects;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.sinterscope.routes.StationErrorHandling;
import org.sinterscope.routes.journal.JournalCodec;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * The actuation routes: reject commands in, through the {@link ActuationGateway} (journal, outbox,
 * fail-safe policy), out to each actuator's link; the PLC's acknowledgements back in.
 *
 * <pre>
 * actuation        : direct:actuation (the station's {{sinterscope.actuator.uri}}) → journal → actuator-send
 * actuation-tick   : every {{sinterscope.actuation.resend-ms}}: deadlines, policies, resends; alarms and line stops out;
 *                    the journal's lines written since its last forced write are forced to disk (off the frame path)
 * actuator-send    : one command to its link (in-process simulator, MQTT topic, OPC UA node); a refusal keeps it buffered
 * line-stop        : line-stop requests to the PLC
 * actuator-ack-N   : the PLC's acks and fired reports (MQTT topics, OPC UA nodes) → gateway
 * actuator-events  : {@value #EVENTS}: events of an in-process PLC (plc-sim link) → gateway
 * </pre>
 */
public final class ActuationRoutes extends RouteBuilder {

    public static final String INPUT = "direct:actuation";
    /** Where an in-process PLC (the {@code plc-sim} link's endpoint) reports its events. */
    public static final String EVENTS = "direct:actuator-events";

    private final ActuationGateway gateway;
    private final List<String> ackUris;
    private final String lineStopUri;
    private final JournalCodec codec = new JournalCodec();

    public ActuationRoutes(ActuationGateway gateway, List<String> ackUris, String lineStopUri) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ackUris = List.copyOf(ackUris);
        this.lineStopUri = Objects.requireNonNull(lineStopUri, "lineStopUri");
    }

    @Override
    public void configure() {
        // made now, at start, not in the first reject command's path
        synchronized (this) {
            template = getContext().createProducerTemplate();
        }
        from(INPUT)
                .routeId("actuation")
                .routeConfigurationId(StationErrorHandling.ID)
                .split(method(gateway, "submit"))
                    .to("direct:actuator-send")
                .end();

        from("timer:actuation?period={{sinterscope.actuation.resend-ms}}&delay=0")
                .routeId("actuation-tick")
                .routeConfigurationId(StationErrorHandling.ID)
                .split(method(gateway, "due"))
                    .to("direct:actuator-send")
                .end()
                .split(method(gateway, "drainNotices"))
                    .choice()
                        .when(simple("${body.kind} == 'LINE_STOP'"))
                            .setBody(simple("${body.text}"))
                            .to("direct:line-stop")
                        .otherwise()
                            .setBody(simple("${body.text}"))
                            .to("{{sinterscope.alarm.uri}}")
                    .end()
                .end()
                .process(e -> gateway.journal().sync());

        from("direct:actuator-send")
                .routeId("actuator-send")
                .process(this::send);

        from("direct:line-stop")
                .routeId("line-stop")
                .routeConfigurationId(StationErrorHandling.ID)
                .to(lineStopUri);

        from(EVENTS)
                .routeId("actuator-events")
                .bean(gateway, "onEvent");

        for (int i = 0; i < ackUris.size(); i++) {
            from(ackUris.get(i))
                    .routeId("actuator-ack-" + i)
                    .routeConfigurationId(StationErrorHandling.ID)
                    .process(e -> {
                        Object b = e.getMessage().getBody();
                        if (b instanceof DataValue dv) {
                            b = dv.getValue() == null ? null : dv.getValue().getValue();
                        }
                        String text = b instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                                : b == null ? "" : b.toString();
                        if (!text.isBlank()) {
                            gateway.onMessage(text);
                        }
                    });
        }
    }

    /** Hands one command to its link; whatever the link throws keeps the command buffered for a resend. */
    private void send(Exchange exchange) {
        ActuationGateway.Outgoing o = exchange.getMessage().getBody(ActuationGateway.Outgoing.class);
        RejectCommand c = o.command();
        boolean inProcess = o.uri().startsWith("direct:") || o.uri().startsWith("seda:");
        Object reply;
        try {
            if (inProcess) {
                reply = producer(exchange).requestBody(o.uri(), c);
            } else {
                producer(exchange).sendBody(o.uri(), codec.commandJson(c));
                reply = null;
            }
        } catch (RuntimeException ex) {
            Throwable root = ex;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            gateway.sendFailed(o, root.getClass().getSimpleName() + ": " + root.getMessage());
            return;
        }
        gateway.sent(o, reply);
    }

    private ProducerTemplate template;

    private synchronized ProducerTemplate producer(Exchange exchange) {
        if (template == null) {
            template = exchange.getContext().createProducerTemplate();
        }
        return template;
    }
}
