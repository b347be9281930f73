package org.sinterscope.routes.foil;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.sinterscope.routes.StationErrorHandling;

/**
 * Foil roughness on the line: profilometer readings in, one foil verdict per profile out.
 *
 * <pre>
 * foil-files    : profilometer files in {{sinterscope.foil.inbox}} → verdicts; the file is moved to
 *                 {{sinterscope.foil.done-dir}}, or to {{sinterscope.foil.quarantine-dir}} with
 *                 &lt;name&gt;.reason.txt when it cannot be used
 * foil-messages : JSON readings on {{sinterscope.foil.uri}} → verdicts; an unusable message is
 *                 written to the quarantine folder with its reason
 * foil-verdicts : each verdict → the foil reading log (and its sinks); a failing foil → an alarm
 * foil-rejected : a quarantined reading → the log's count and an alarm
 * </pre>
 * Beans by the names in {@link FoilStage}.
 */
public final class FoilRoutes extends RouteBuilder {

    /** Header: where the file consumer moves the current file when the exchange is done. */
    static final String MOVE_TO = "SinterscopeFoilMoveTo";
    /** Header: why the current reading is quarantined. */
    static final String REASON = "SinterscopeFoilReason";

    @Override
    public void configure() {
        from("file:{{sinterscope.foil.inbox}}?move=${header." + MOVE_TO + "}&{{sinterscope.foil.inbox.options}}")
                .routeId("foil-files")
                .routeConfigurationId(StationErrorHandling.ID)
                // until the reading is through, it belongs in quarantine: whatever fails keeps it there
                .setHeader(MOVE_TO, method(FoilStage.FILES, "quarantinePath(${header." + Exchange.FILE_NAME + "})"))
                .doTry()
                    .convertBodyTo(byte[].class)
                    .setBody(method(FoilStage.INSPECTOR, "inspectFile(${header." + Exchange.FILE_NAME_ONLY + "}, ${body})"))
                    .to("direct:foil-verdicts")
                    .setHeader(MOVE_TO, method(FoilStage.FILES, "donePath(${header." + Exchange.FILE_NAME + "})"))
                .doCatch(Exception.class)
                    .setHeader(REASON, method(FoilFiles.class, "reasonOf(${exception})"))
                    .setHeader(MOVE_TO, method(FoilStage.FILES,
                            "writeReason(${header." + Exchange.FILE_NAME + "}, ${header." + REASON + "})"))
                    .setBody(simple("foil reading quarantined as ${header." + MOVE_TO + "}: ${header." + REASON + "}"))
                    .to("direct:foil-rejected")
                .end();

        from("{{sinterscope.foil.uri}}")
                .routeId("foil-messages")
                .routeConfigurationId(StationErrorHandling.ID)
                .convertBodyTo(byte[].class)
                .doTry()
                    .setBody(method(FoilStage.INSPECTOR, "inspectJson(${exchangeId}, ${body})"))
                    .to("direct:foil-verdicts")
                .doCatch(Exception.class)
                    .setHeader(REASON, method(FoilFiles.class, "reasonOf(${exception})"))
                    .bean(FoilStage.FILES, "putMessage(${body}, ${header." + REASON + "})")
                    .setBody(simple("foil reading quarantined as ${body}: ${header." + REASON + "}"))
                    .to("direct:foil-rejected")
                .end();

        from("direct:foil-verdicts")
                .routeId("foil-verdicts")
                .routeConfigurationId(StationErrorHandling.ID)
                .split(body())
                    .bean(FoilStage.LOG, "record")
                    .filter(simple("${body.pass()} == false"))
                        .setBody(simple("${body.summary()}"))
                        .to("{{sinterscope.alarm.uri}}")
                    .end()
                .end();

        from("direct:foil-rejected")
                .routeId("foil-rejected")
                .routeConfigurationId(StationErrorHandling.ID)
                .bean(FoilStage.LOG, "quarantined")
                .log(org.apache.camel.LoggingLevel.WARN, "org.sinterscope.foil", "${body}")
                .to("{{sinterscope.alarm.uri}}");
    }
}
