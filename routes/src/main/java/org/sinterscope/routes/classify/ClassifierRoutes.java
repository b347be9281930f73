package org.sinterscope.routes.classify;

import java.util.Objects;

import org.apache.camel.builder.RouteBuilder;

/**
 * {@code classifier-watch}: every {@code sinterscope.classifier.check-ms} the {@link BundleWatcher}
 * looks at the bundle file; a refused bundle or a vanished file goes to the station's alarm endpoint.
 */
public final class ClassifierRoutes extends RouteBuilder {

    private final BundleWatcher watcher;

    public ClassifierRoutes(BundleWatcher watcher) {
        this.watcher = Objects.requireNonNull(watcher, "watcher");
    }

    @Override
    public void configure() {
        from("timer:classifier-watch?period={{sinterscope.classifier.check-ms}}&delay={{sinterscope.classifier.check-ms}}")
                .routeId("classifier-watch")
                .bean(watcher, "check")
                .filter(body().isNotNull())
                    .to("{{sinterscope.alarm.uri}}")
                .end();
    }
}
