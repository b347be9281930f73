package org.sinterscope.routes;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling, declared once: a route that opts in ({@code routeConfigurationId(ID)}) sends
 * whatever it could not handle to the alarm endpoint with the failing route and the reason, logs
 * it, and goes on with the next message. Nothing fails silently.
 */
public final class StationErrorHandling extends RouteConfigurationBuilder {

    public static final String ID = "station-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                .handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "org.sinterscope.routes",
                        "route ${routeId} failed: ${exception.message}\n${exception.stacktrace}")
                .setBody(simple("route ${routeId} failed: ${exception.message}"))
                .removeHeader(Exchange.EXCEPTION_CAUGHT)
                .to("{{sinterscope.alarm.uri}}");
    }
}
