package org.sinterscope.routes.assembly;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.sinterscope.camera.LineEncoder;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.camera.GigeCameraMetrics;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.metrics.StationEndpoints;
import org.sinterscope.routes.metrics.StationMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station built by {@link StationAssembly}: its beans and stages, ready to {@link #start()}.
 * {@link #close()} stops the station and closes the source; {@link #drain} is the orderly end of a
 * service (SIGTERM).
 */
public final class AssembledStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssembledStation.class);

    private final StationSettings settings;
    private final CameraSpec camera;
    private final LineEncoder encoder;
    private final StationBeans beans;
    private final StationClassifier classifier;
    private final Recipe recipe;
    private final List<StationStage> stages;
    private final Map<String, Object> extraBeans = new HashMap<>();
    private final StationStore store;
    private final StationMetrics metrics;
    private Station station;
    /** Each gige camera's source by camera id, with the decide endpoint its lost stretches go to. */
    private final Map<String, Map.Entry<String, GigeCameras.ReportingSource>> gige = new java.util.LinkedHashMap<>();
    private List<org.sinterscope.camera.FrameSource> moreSources = List.of();
    private List<CameraSpec> cameras;
    private Map<String, String> framesUris = Map.of();

    AssembledStation(StationSettings settings, CameraSpec camera, LineEncoder encoder, StationBeans beans,
                     StationClassifier classifier, Recipe recipe, List<StationStage> stages, StationParts parts,
                     StationMetrics metrics) {
        this.metrics = metrics;
        this.settings = settings;
        this.camera = camera;
        this.encoder = encoder;
        this.beans = beans;
        this.classifier = classifier;
        this.recipe = recipe;
        this.stages = List.copyOf(stages);
        this.store = parts.store;
        extraBeans.putAll(parts.beans);
        // Camel's own per-route metrics (exchanges, processing time) into the same registry
        extraBeans.put(org.apache.camel.component.micrometer.MicrometerConstants.METRICS_REGISTRY_NAME, metrics.registry());
        extraBeans.put("micrometerRoutePolicy", new org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory());
        if (store != null) {
            extraBeans.put(StationStore.BEAN, store);
        }
    }

    /** Starts the station (Camel Main with the station's routes, the stages and the beans). */
    public synchronized Station start() {
        if (station != null) {
            throw new IllegalStateException("the station is already started");
        }
        station = Station.start(beans, settings.asMap(), extraBeans, stages.toArray(StationStage[]::new));
        Map<String, String> queues = new java.util.LinkedHashMap<>();
        Map<String, String> uris = framesUris.isEmpty() ? Map.of(camera.id(), "{{sinterscope.frames.uri}}") : framesUris;
        uris.forEach((id, uri) -> queues.put(id, station.context().resolvePropertyPlaceholders(uri)));
        metrics.watch(station.context(), queues, station.actuation(), store);
        gige.forEach((id, g) -> {
            g.getValue().reporter().attach(station.context().createProducerTemplate(), g.getKey(),
                    station.context().resolvePropertyPlaceholders("{{sinterscope.alarm.uri}}"));
            GigeCameraMetrics.bind(metrics.registry(), g.getValue().camera());
        });
        return station;
    }

    /**
     * A gige camera: its loss reporter is attached (lost stretches to {@code decideUri}) and its
     * stream counters metered when the station starts.
     */
    synchronized void gige(String cameraId, String decideUri, GigeCameras.ReportingSource source) {
        gige.put(cameraId, Map.entry(decideUri, source));
    }

    /** The sources of the cameras after the first, all cameras in order, and each camera's frame queue URI. */
    synchronized void moreSources(List<org.sinterscope.camera.FrameSource> sources, List<CameraSpec> all,
                                  Map<String, String> queueUris) {
        this.moreSources = List.copyOf(sources);
        this.cameras = List.copyOf(all);
        this.framesUris = new java.util.LinkedHashMap<>(queueUris);
    }

    /** All of the station's cameras, in {@code sinterscope.cameras} order (the first is {@link #camera()}). */
    public synchronized List<CameraSpec> cameras() {
        return cameras == null ? List.of(camera) : cameras;
    }

    /** The running station (null before {@link #start()}). */
    public synchronized Station station() {
        return station;
    }

    /**
     * The orderly end of a running station within {@code grace}: the source takes no more frames,
     * the frames already taken are inspected and decided (so every decided command is journalled
     * and handed to its link), acknowledgements are waited for with what is left of the grace, the
     * store is flushed. Returns what was left undone (empty: nothing); the caller then {@link #close()}s.
     */
    public List<String> drain(Duration grace) throws InterruptedException {
        long end = System.nanoTime() + grace.toNanos();
        List<String> undone = new java.util.ArrayList<>();
        beans.source().stop();
        moreSources().forEach(org.sinterscope.camera.FrameSource::stop);
        try {
            beans.ledger().awaitAllDecided(left(end));
        } catch (TimeoutException e) {
            undone.add(e.getMessage());
        }
        Station s = station();
        if (s != null) {
            try {
                s.actuation().awaitSettled(left(end));
            } catch (TimeoutException e) {
                // journalled and sent; the next start recovers what is still open from the journal
                LOG.warn("at shutdown: {}; the journal keeps them for the next start", e.getMessage());
            }
        }
        if (store != null && !store.flush(left(end))) {
            undone.add("the defect store had not written everything within the grace period");
        }
        return undone;
    }

    private synchronized List<org.sinterscope.camera.FrameSource> moreSources() {
        return moreSources;
    }

    private static Duration left(long endNanos) {
        return Duration.ofNanos(Math.max(1_000_000, endNanos - System.nanoTime()));
    }

    /** Metrics and health; {@link StationEndpoints} for a web server to mount. */
    public StationMetrics metrics() {
        return metrics;
    }

    public StationBeans beans() {
        return beans;
    }

    public CameraSpec camera() {
        return camera;
    }

    public LineEncoder encoder() {
        return encoder;
    }

    /** The station's classifier (null for a sintered-layer camera). */
    public StationClassifier classifier() {
        return classifier;
    }

    public Recipe recipe() {
        return recipe;
    }

    public StationSettings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        try {
            if (station != null) {
                station.close();
            }
        } finally {
            try {
                beans.source().close();
            } finally {
                moreSources().forEach(org.sinterscope.camera.FrameSource::close);
            }
        }
    }
}
