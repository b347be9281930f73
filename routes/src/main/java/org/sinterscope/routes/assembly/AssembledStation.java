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

    /** The warm-up stops once the JIT compiled for less than this fraction of a round's wall time. */
    public static final double JIT_SETTLED_FRACTION = 0.05;
    /** The warm-up runs at least this many rounds. */
    public static final int MIN_ROUNDS = 4;
    /** The JIT counts as settled after this many quiet rounds in a row. */
    public static final int SETTLED_ROUNDS = 2;

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
    private org.sinterscope.routes.memory.MallocTrimmer trimmer;
    /** Each gige camera's source by camera id, with the decide endpoint its lost stretches go to. */
    private final Map<String, Map.Entry<String, GigeCameras.ReportingSource>> gige = new java.util.LinkedHashMap<>();
    private List<org.sinterscope.camera.FrameSource> moreSources = List.of();
    private List<CameraSpec> cameras;
    private Map<String, String> framesUris = Map.of();
    /** The inspectors of the sintered-layer cameras, for the warm-up. */
    private List<org.sinterscope.inspection.FrameInspector> sinteredInspectors = List.of();
    /** What the station owns besides its routes and sources (helper threads), closed with it. */
    private final List<AutoCloseable> owned = new java.util.ArrayList<>();

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
        trimmer = org.sinterscope.routes.memory.MallocTrimmer.start(
                Long.parseLong(settings.getOrDefault(org.sinterscope.routes.memory.MallocTrimmer.INTERVAL, "0")), metrics.registry());
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

    /** As {@link #warmUp(List, List, double, int)} with the coating frames only. */
    public synchronized int warmUp(List<org.sinterscope.camera.Frame> frames, double maxSeconds, int threads) {
        return warmUp(frames, List.of(), maxSeconds, threads);
    }

    /**
     * Warms the station up before the line starts: the coating inspection and the classifier in use
     * run on {@code coatingFrames}, and every sintered-layer camera's crack inspection on
     * {@code sinteredFrames}, in rounds (one round: each frame once on each of {@code threads} threads),
     * and their results are dropped (nothing is counted, decided, stored or sent). Rounds go on until
     * the JIT compiler has settled, i.e. it compiled for less than {@value #JIT_SETTLED_FRACTION} of
     * the wall time of each of the last {@value #SETTLED_ROUNDS} rounds (the JVM's total compilation
     * time), or {@code maxSeconds} have passed; at least {@value #MIN_ROUNDS} rounds. The first frames
     * of a cold JVM cost many times a warm frame
     * (class loading, JIT compilation, the native libraries' first calls); on a busy line PC that made
     * the first reject commands of a run seconds late (docs/performance.md). Coating frames warm nothing
     * in a station without a coating classifier, sintered frames nothing in one without a sintered-layer
     * camera. Ends with a full garbage collection, so that the warm-up's garbage
     * is not collected under the first frames of the line. The frames stay open (the caller owns them).
     *
     * @return the rounds run (0: nothing to warm up)
     * @throws IllegalStateException after {@link #start()}
     */
    public synchronized int warmUp(List<org.sinterscope.camera.Frame> coatingFrames, List<org.sinterscope.camera.Frame> sinteredFrames,
                                   double maxSeconds, int threads) {
        if (station != null) {
            throw new IllegalStateException("warm up before the station starts, not while it runs");
        }
        if (!(maxSeconds >= 0) || threads < 1) {
            throw new IllegalArgumentException("need maxSeconds >= 0 and threads >= 1, got " + maxSeconds + " and " + threads);
        }
        List<Runnable> work = new java.util.ArrayList<>();
        if (classifier != null) {
            coatingFrames.forEach(f -> work.add(() -> classifier.inspector().warmUp(f)));
        }
        for (org.sinterscope.inspection.FrameInspector inspector : sinteredInspectors) {
            sinteredFrames.forEach(f -> work.add(() -> inspector.inspect(f)));
        }
        if (work.isEmpty() || maxSeconds == 0) {
            return 0;
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "station-warm-up");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        int rounds = 0;
        int quiet = 0;
        try {
            while (true) {
                long r0 = System.nanoTime();
                long c0 = jitTimed ? jit.getTotalCompilationTime() : 0;
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> work.forEach(Runnable::run)));
                }
                for (java.util.concurrent.Future<?> f : done) {
                    f.get();
                }
                rounds++;
                double roundMs = (System.nanoTime() - r0) / 1e6;
                double jitMs = jitTimed ? jit.getTotalCompilationTime() - c0 : 0;
                quiet = !jitTimed || jitMs < JIT_SETTLED_FRACTION * roundMs ? quiet + 1 : 0;
                if (rounds >= MIN_ROUNDS && (quiet >= SETTLED_ROUNDS || (System.nanoTime() - t0) / 1e9 >= maxSeconds)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the warm-up failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // the warm-up's garbage goes now, not in a collection pause under the first frames of the line
        System.gc();
        LOG.info("warmed up: {} rounds of {} frame inspections on {} thread(s) in {} s", rounds, work.size(), threads,
                String.format(java.util.Locale.ROOT, "%.2f", (System.nanoTime() - t0) / 1e9));
        return rounds;
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

    /** The inspectors of the station's sintered-layer cameras (warmed up by {@link #warmUp(List, List, double, int)}). */
    synchronized void sinteredInspectors(List<org.sinterscope.inspection.FrameInspector> inspectors) {
        this.sinteredInspectors = List.copyOf(inspectors);
    }

    /** Closes {@code c} when the station is closed. */
    synchronized void own(AutoCloseable c) {
        owned.add(c);
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
            if (trimmer != null) {
                trimmer.close();
            }
            if (station != null) {
                station.close();
            }
        } finally {
            try {
                beans.source().close();
            } finally {
                moreSources().forEach(org.sinterscope.camera.FrameSource::close);
                closeOwned();
            }
        }
    }

    private void closeOwned() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c, e.toString());
            }
        }
        owned.clear();
    }
}
