package org.sinterscope.routes;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.sinterscope.routes.actuator.Actuation;
import org.sinterscope.routes.actuator.ActuationGateway;

/**
 * The running station: Camel Main with the station's routes and beans. Properties come from
 * {@code station.properties} on the class path, overridden by the map given to {@link #start}.
 */
public final class Station implements AutoCloseable {

    public static final String DEFAULTS = "classpath:station.properties";

    private final Main main;
    private final ActuationGateway actuation;

    private Station(Main main, ActuationGateway actuation) {
        this.main = main;
        this.actuation = actuation;
    }

    /**
     * Builds and starts the station with the optional {@code stages}; the camera route starts
     * pulling frames at once.
     */
    public static Station start(StationBeans beans, Map<String, String> overrides, StationStage... stages) {
        return start(beans, overrides, Map.of(), stages);
    }

    /** With more beans by name (the defect store as {@link StationStore#BEAN}). */
    public static Station start(StationBeans beans, Map<String, String> overrides, Map<String, Object> extraBeans,
                                StationStage... stages) {
        Main main = new Main();
        extraBeans.forEach(main::bind);
        ActuationGateway actuation = configure(main, beans, overrides, stages);
        try {
            main.start();
            if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
                throw new IllegalStateException("the station's Camel context did not start; see the log above");
            }
        } catch (RuntimeException e) {
            main.stop();
            actuation.close();
            throw e;
        }
        return new Station(main, actuation);
    }

    /**
     * Puts the station's routes, beans and properties into {@code main} (tests use this too), with the
     * optional {@code stages}; returns the actuation gateway (its journal is open: close it when done).
     */
    public static ActuationGateway configure(Main main, StationBeans beans, Map<String, String> overrides,
                                             StationStage... stages) {
        main.setDefaultPropertyPlaceholderLocation(DEFAULTS);
        main.configure().addRoutesBuilder(new StationErrorHandling());
        main.configure().addRoutesBuilder(new StationRoutes());
        Actuation actuation = Actuation.create(StationSettings.load(null, overrides), beans.tracker());
        main.configure().addRoutesBuilder(actuation.routes());
        main.bind(Actuation.GATEWAY, actuation.gateway());
        main.configure().addRoutesBuilder(new StoreFeedRoutes());
        main.configure().setName("sinterscope");
        beans.byName().forEach(main::bind);
        for (StationStage stage : stages) {
            main.configure().addRoutesBuilder(stage.routes());
            stage.beans().forEach((name, bean) -> {
                if (beans.byName().containsKey(name)) {
                    throw new IllegalArgumentException("stage bean '" + name + "' clashes with a station bean");
                }
                main.bind(name, bean);
            });
        }
        overrides.forEach(main::addOverrideProperty);
        return actuation.gateway();
    }

    public CamelContext context() {
        return main.getCamelContext();
    }

    /** Reject commands: journal, outbox, fail-safe counts. */
    public ActuationGateway actuation() {
        return actuation;
    }

    @Override
    public void close() {
        try {
            main.stop();
        } finally {
            actuation.close();
        }
    }
}
