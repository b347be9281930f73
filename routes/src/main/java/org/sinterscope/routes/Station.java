package org.sinterscope.routes;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/**
 * The running station: Camel Main with the station's routes and beans. Properties come from
 * {@code station.properties} on the class path, overridden by the map given to {@link #start}.
 */
public final class Station implements AutoCloseable {

    public static final String DEFAULTS = "classpath:station.properties";

    private final Main main;

    private Station(Main main) {
        this.main = main;
    }

    /** Builds and starts the station; the camera route starts pulling frames at once. */
    public static Station start(StationBeans beans, Map<String, String> overrides) {
        return start(beans, overrides, List.of());
    }

    /** The same with more routes (a feature's own route builders, e.g. the classifier's bundle watch). */
    public static Station start(StationBeans beans, Map<String, String> overrides, List<RoutesBuilder> extraRoutes) {
        Main main = new Main();
        configure(main, beans, overrides);
        extraRoutes.forEach(main.configure()::addRoutesBuilder);
        main.start();
        if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
            throw new IllegalStateException("the station's Camel context did not start; see the log above");
        }
        return new Station(main);
    }

    /** Puts the station's routes, beans and properties into {@code main} (tests use this too). */
    public static void configure(Main main, StationBeans beans, Map<String, String> overrides) {
        main.setDefaultPropertyPlaceholderLocation(DEFAULTS);
        main.configure().addRoutesBuilder(new StationErrorHandling());
        main.configure().addRoutesBuilder(new StationRoutes());
        main.configure().setName("sinterscope");
        beans.byName().forEach(main::bind);
        overrides.forEach(main::addOverrideProperty);
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
