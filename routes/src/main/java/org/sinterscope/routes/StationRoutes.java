package org.sinterscope.routes;

import java.time.Instant;

import org.apache.camel.builder.RouteBuilder;

/**
 * The station's line routes. Beans are looked up by name (see {@link StationBeans}); endpoints
 * come from properties, so the same routes run on in-process queues or a broker.
 *
 * <pre>
 * camera   : pulls frames from the source, one after another, into the frame queue (blocks when full)
 * inspect  : frame queue → inspection (concurrent consumers: the bounded pool) → decide
 * inspect  : a frame that waited longer than {{sinterscope.inspection.behind-alarm-ms}} (default 500), or with
 *            {{sinterscope.inspection.behind-alarm-depth}} (default 4) frames waiting behind it, raises a
 *            "station behind the line" alarm (once, until the queue has drained), before any command is late
 * inspect  : a frame older than {{sinterscope.inspection.max-frame-age-ms}} is not inspected but marked
 *            uninspected (the station is behind the line): the decider rejects it, the actuator's policy handles it
 * decide   : verdict per segment → reject commands (split) → send-command → actuator endpoint; a command
 *            decided after its deadline is still sent, and a wire-tapped copy raises an alarm (late-decision).
 *            The wire tap lives in its own route: inside the split it cut the exchange short (Camel 4.17).
 *            Verdicts and commands also go to the defect store's feed (see StoreFeedRoutes).
 * alarms   : the station's alarm endpoint → ledger and log
 * </pre>
 */
public final class StationRoutes extends RouteBuilder {

    /** Header with the {@link java.time.Instant} at which the frame was complete. */
    public static final String FRAME_COMPLETE_AT = "SinterscopeFrameCompleteAt";
    /** Exchange property with the frame's {@link org.sinterscope.inspection.FrameInspection}, set by the decide route. */
    public static final String INSPECTION = "SinterscopeInspection";
    private static final String BEHIND = "SinterscopeBehind";

    @Override
    public void configure() {
        from("timer:camera?repeatCount=1&delay=0")
                .routeId("camera")
                .autoStartup("{{sinterscope.camera.auto-startup}}")
                .routeConfigurationId(StationErrorHandling.ID)
                .doTry()
                    .loopDoWhile(method(StationBeans.SOURCE, "hasNext"))
                        .bean(StationBeans.SOURCE, "next")
                        .process(e -> e.getMessage().setHeader(FRAME_COMPLETE_AT, Instant.now()))
                        .bean(StationBeans.LEDGER, "frameIn")
                        .to("{{sinterscope.frames.uri}}")
                    .end()
                .endDoTry()
                .doFinally()
                    // also when the source fails: the run ends with what it has, and the error is an alarm
                    .bean(StationBeans.LEDGER, "sourceDone")
                .end();

        from("{{sinterscope.frames.uri}}")
                .routeId("inspect")
                .routeConfigurationId(StationErrorHandling.ID)
                .setProperty(BEHIND, method(StationBeans.LEDGER, "inspectionStarting(${header." + FRAME_COMPLETE_AT + "}, "
                        + "{{sinterscope.inspection.behind-alarm-ms:500}}, {{sinterscope.inspection.behind-alarm-depth:4}})"))
                // sent from a processor, not wire-tapped: a tapped copy would count as another exchange of this route
                // (a NotifyBuilder waiting for N frames would then see them done too early)
                .process(this::behindAlarm)
                .bean(StationBeans.INSPECTION, "inspect(${body}, ${header." + FRAME_COMPLETE_AT + "}, "
                        + "{{sinterscope.inspection.max-frame-age-ms}})")
                .bean(StationBeans.LEDGER, "inspected")
                .to("direct:decide");

        from("direct:decide")
                .routeId("decide")
                .routeConfigurationId(StationErrorHandling.ID)
                .setProperty(INSPECTION, body())
                .bean(StationBeans.DECIDER, "decide")
                .setProperty("verdict", body())
                .split(method(StationBeans.TRACKER, "commands(${body}, ${header." + FRAME_COMPLETE_AT + "})"))
                    .to("direct:send-command")
                .end()
                .setBody(exchangeProperty("verdict"))
                .to("{{sinterscope.store.uri}}")
                .bean(StationBeans.LEDGER, "decided");

        from("direct:send-command")
                .routeId("send-command")
                // a copy is checked for lateness (alarm); the command itself is always sent: late is never dropped
                .wireTap("direct:late-decision")
                .to("{{sinterscope.store.uri}}")
                .to("{{sinterscope.actuator.uri}}");

        from("direct:late-decision")
                .routeId("late-decision")
                .filter(simple("${body.lateAtDecision}"))
                .setBody(simple("reject command ${body.id} decided after its deadline: encoder at "
                        + "${body.encoderAtDecisionMm} mm, deadline ${body.deadlineMm} mm"))
                .to("{{sinterscope.alarm.uri}}");


        from("{{sinterscope.alarm.uri}}")
                .routeId("alarms")
                .convertBodyTo(String.class)
                .bean(StationBeans.LEDGER, "alarm")
                .to("log:org.sinterscope.alarms?level=WARN&showExchangePattern=false&showBodyType=false");
    }

    private org.apache.camel.ProducerTemplate alarms;

    /** The behind-the-line alarm of a frame ({@value #BEHIND} set by the ledger), to the alarm endpoint. */
    private void behindAlarm(org.apache.camel.Exchange e) {
        Object text = e.getProperty(BEHIND);
        if (text == null) {
            return;
        }
        org.apache.camel.ProducerTemplate t;
        synchronized (this) {
            if (alarms == null) {
                alarms = e.getContext().createProducerTemplate();
            }
            t = alarms;
        }
        t.sendBody(e.getContext().resolvePropertyPlaceholders("{{sinterscope.alarm.uri}}"), text);
    }
}
