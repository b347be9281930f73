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
 * A station with several cameras adds, per further camera, {@link #forCamera} routes: its own camera,
 * inspect and decide routes (ids {@code camera-<id>}, {@code inspect-<id>}, {@code decide-<id>}), its own
 * frame queue and its own beans (the {@link StationBeans} names suffixed {@code -<id>}); the ledger,
 * send-command, alarms and the actuation are the station's.
 */
public final class StationRoutes extends RouteBuilder {

    /** Header with the {@link java.time.Instant} at which the frame was complete. */
    public static final String FRAME_COMPLETE_AT = "SinterscopeFrameCompleteAt";
    /** Exchange property with the frame's {@link org.sinterscope.inspection.FrameInspection}, set by the decide route. */
    public static final String INSPECTION = "SinterscopeInspection";
    private static final String BEHIND = "SinterscopeBehind";

    private final String suffix;
    private final String framesUri;
    private final boolean shared;

    /** The station's routes for its first (or only) camera, with the shared routes. */
    public StationRoutes() {
        this("", "{{sinterscope.frames.uri}}", true);
    }

    private StationRoutes(String suffix, String framesUri, boolean shared) {
        this.suffix = suffix;
        this.framesUri = framesUri;
        this.shared = shared;
    }

    /**
     * The camera, inspect and decide routes of a further camera {@code cameraId}: frames through
     * {@code framesUri}, beans named {@link #beanName}{@code (name, cameraId)}.
     */
    public static StationRoutes forCamera(String cameraId, String framesUri) {
        if (!cameraId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("camera id must be letters, digits, '-' or '_', got '" + cameraId + "'");
        }
        return new StationRoutes("-" + cameraId, framesUri, false);
    }

    /** The name of a {@link StationBeans} bean of the further camera {@code cameraId}. */
    public static String beanName(String name, String cameraId) {
        return name + "-" + cameraId;
    }

    private String b(String name) {
        return name + suffix;
    }

    @Override
    public void configure() {
        from("timer:camera" + suffix + "?repeatCount=1&delay=0")
                .routeId("camera" + suffix)
                .autoStartup("{{sinterscope.camera.auto-startup}}")
                .routeConfigurationId(StationErrorHandling.ID)
                .doTry()
                    .loopDoWhile(method(b(StationBeans.SOURCE), "hasNext"))
                        .bean(b(StationBeans.SOURCE), "next")
                        .process(e -> e.getMessage().setHeader(FRAME_COMPLETE_AT, Instant.now()))
                        .bean(StationBeans.LEDGER, "frameIn")
                        .to(framesUri)
                    .end()
                .endDoTry()
                .doFinally()
                    // also when the source fails: the run ends with what it has, and the error is an alarm
                    .bean(StationBeans.LEDGER, "sourceDone")
                .end();

        from(framesUri)
                .routeId("inspect" + suffix)
                .routeConfigurationId(StationErrorHandling.ID)
                .setProperty(BEHIND, method(StationBeans.LEDGER, "inspectionStarting(${header." + FRAME_COMPLETE_AT + "}, "
                        + "{{sinterscope.inspection.behind-alarm-ms:500}}, {{sinterscope.inspection.behind-alarm-depth:4}})"))
                // sent from a processor, not wire-tapped: a tapped copy would count as another exchange of this route
                // (a NotifyBuilder waiting for N frames would then see them done too early)
                .process(this::behindAlarm)
                .bean(b(StationBeans.INSPECTION), "inspect(${body}, ${header." + FRAME_COMPLETE_AT + "}, "
                        + "{{sinterscope.inspection.max-frame-age-ms}})")
                .bean(StationBeans.LEDGER, "inspected")
                .to("direct:decide" + suffix);

        from("direct:decide" + suffix)
                .routeId("decide" + suffix)
                .routeConfigurationId(StationErrorHandling.ID)
                .setProperty(INSPECTION, body())
                .bean(b(StationBeans.DECIDER), "decide")
                .setProperty("verdict", body())
                .split(method(b(StationBeans.TRACKER), "commands(${body}, ${header." + FRAME_COMPLETE_AT + "})"))
                    .to("direct:send-command")
                .end()
                .setBody(exchangeProperty("verdict"))
                .to("{{sinterscope.store.uri}}")
                .bean(StationBeans.LEDGER, "decided");

        if (!shared) {
            return;
        }
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
