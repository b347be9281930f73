package org.sinterscope.routes;

import java.util.Map;

import org.apache.camel.RoutesBuilder;

/**
 * An optional part of the station (the foil roughness inlet, a second camera, ...): its routes and
 * the beans they call by name. {@link Station#start} adds each given stage next to the line routes.
 */
public interface StationStage {

    /** The stage's routes; they opt into {@link StationErrorHandling#ID} like the line routes. */
    RoutesBuilder routes();

    /** Name → bean, bound next to {@link StationBeans#byName()}; names must not clash. */
    Map<String, Object> beans();

    /** A stage that is only routes (their beans are bound by whoever made them). */
    static StationStage routesOnly(RoutesBuilder routes) {
        return new StationStage() {
            @Override
            public RoutesBuilder routes() {
                return routes;
            }

            @Override
            public Map<String, Object> beans() {
                return Map.of();
            }
        };
    }
}
