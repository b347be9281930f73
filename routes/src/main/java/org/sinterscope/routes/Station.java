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
     * pulling frames at once (unless {@code sinterscope.camera.auto-startup} is false), but only
     * after every other route has started: see {@link #startRoutes}.
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
        // no route starts with the context: they start once it has started (startRoutes)
        main.configure().setAutoStartup(false);
        try {
            main.start();
            if (main.getCamelContext() == null || !main.getCamelContext().isStarted()) {
                throw new IllegalStateException("the station's Camel context did not start; see the log above");
            }
            startRoutes(main.getCamelContext());
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

    /**
     * Starts the routes of a started {@code context} that are to start on their own (route-level
     * auto-startup not false): first every route but the cameras', then the cameras' ({@code camera},
     * {@code camera-<id>}). Contract: no frame is queued before the routes that consume the queues
     * have started in a started context. Why: a seda consumer started while its Camel context is
     * still starting does not poll; it sleeps {@code min(pollTimeout, 1 s)} (Camel's
     * {@code SedaConsumer.doRun}). Started with the context, the inspection threads slept up to 1 s
     * while the camera route, started in the same start-up, already queued frames: the first frames of
     * every run waited about 0.9 s (docs/performance.md, "The start-of-line stall").
     */
    public static void startRoutes(CamelContext context) {
        if (!context.isStarted()) {
            throw new IllegalStateException("start the routes of a started Camel context, not of one that is " + context.getStatus());
        }
        List<org.apache.camel.Route> routes = List.copyOf(context.getRoutes());
        try {
            for (boolean cameras : new boolean[] {false, true}) {
                for (org.apache.camel.Route r : routes) {
                    if (isCameraRoute(r.getRouteId()) == cameras && !Boolean.FALSE.equals(r.isAutoStartup())
                            && !context.getRouteController().getRouteStatus(r.getRouteId()).isStarted()) {
                        context.getRouteController().startRoute(r.getRouteId());
                    }
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("a station route did not start: " + e.getMessage(), e);
        }
    }

    /** Whether {@code routeId} is a camera route of {@link StationRoutes} ({@code camera}, {@code camera-<id>}). */
    static boolean isCameraRoute(String routeId) {
        return routeId.equals("camera") || routeId.startsWith("camera-");
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
