package org.sinterscope.routes.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.seda.SedaEndpoint;
import org.sinterscope.camera.Frame;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.actuator.ActuationCounts;
import org.sinterscope.routes.actuator.ActuationGateway;
import org.sinterscope.routes.foil.FoilReadingSink;
import org.sinterscope.routes.foil.FoilVerdict;

/**
 * The station's metrics (Micrometer, Prometheus scrape format) and health. Names as scraped:
 *
 * <pre>
 * sinterscope_frames_in_total{camera}                 frames the camera route took
 * sinterscope_frames_inspected_total{camera}          frames through the inspection step (failed ones included)
 * sinterscope_frames_skipped_total{camera}            frames not inspected (the station was behind) or failed
 * sinterscope_megapixels_total{camera}                pixels inspected; rate() of it is Mpx/s
 * sinterscope_frame_queue_depth{camera}               frames waiting for an inspection thread, per camera's queue
 * sinterscope_inspection_seconds{camera}              inspection time per frame (histogram)
 * sinterscope_frame_latency_seconds{camera}           frame acquired → inspected (histogram)
 * sinterscope_clock_skew_total{camera,timer}         a frame stamped ahead of this host's clock (not recorded as a time)
 * sinterscope_verdicts_total{camera,result}           pass | reject
 * sinterscope_commands_total{outcome}                 decided, sent, resent, refused, acknowledged, fired, late, failed,
 *                                                     widened, line-stop, uninspected (from the actuation gateway)
 * sinterscope_commands_in_flight                      commands not yet settled
 * sinterscope_alarms_total                            alarms raised
 * sinterscope_store_buffer_fill                       defect store write buffer, 0..1
 * sinterscope_foil_readings_total{verdict}            pass | fail
 * jvm_*, process_*, system_*                          JVM memory, GC, threads, CPU, uptime
 * sinterscope_process_resident_bytes                  resident memory of the process (heap + native: OpenCV, DL4J)
 * </pre>
 * Thread-safe.
 */
public final class StationMetrics implements RunLedger.Listener, FoilReadingSink, StationEndpoints {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter alarms;
    private volatile CamelContext context;
    private volatile StationStore store;
    private final Map<String, java.util.function.Supplier<String>> checks = new java.util.concurrent.ConcurrentSkipListMap<>();

    public StationMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("sinterscope.process.resident", StationMetrics::residentBytesOrNaN).baseUnit("bytes")
                .description("resident memory of the process: heap and native (OpenCV, DL4J)").register(registry);
        alarms = Counter.builder("sinterscope.alarms").description("alarms raised").register(registry);
    }

    private static double residentBytesOrNaN() {
        long b = org.sinterscope.routes.memory.ResidentMemory.bytes();
        return b < 0 ? Double.NaN : b;
    }

    /** The registry (to bind more meters, or for Camel's micrometer component). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * Watches a started station: each camera's frame-queue depth ({@code framesUris}: camera id → its
     * queue's endpoint URI; a queue that is not a seda endpoint, e.g. a broker, is not metered here),
     * the actuation counts, the store's buffer, and for health the Camel context and the store.
     */
    public void watch(CamelContext ctx, Map<String, String> framesUris, ActuationGateway actuation, StationStore s) {
        this.context = ctx;
        this.store = s;
        framesUris.forEach((camera, uri) -> {
            if (ctx.getEndpoint(uri) instanceof SedaEndpoint frames) {
                Gauge.builder("sinterscope.frame.queue.depth", frames, SedaEndpoint::getCurrentQueueSize).tag("camera", camera)
                        .description("frames waiting for an inspection thread").register(registry);
            }
        });
        Map<String, ToDoubleFunction<ActuationGateway>> outcomes = new LinkedHashMap<>();
        outcomes.put("decided", a -> a.counts().commands());
        outcomes.put("sent", a -> a.counts().sends());
        outcomes.put("resent", a -> a.counts().resends());
        outcomes.put("refused", a -> a.counts().sendFailures());
        outcomes.put("acknowledged", a -> a.counts().acknowledged());
        outcomes.put("fired", a -> a.counts().fired());
        outcomes.put("late", a -> a.counts().late());
        outcomes.put("failed", a -> a.counts().failed());
        outcomes.put("widened", a -> a.counts().widened());
        outcomes.put("line-stop", a -> a.counts().lineStops());
        outcomes.put("uninspected", a -> a.counts().uninspected());
        outcomes.forEach((o, f) -> FunctionCounter.builder("sinterscope.commands", actuation, f).tag("outcome", o)
                .description("reject commands by outcome").register(registry));
        Gauge.builder("sinterscope.commands.in.flight", actuation, a -> a.counts().inFlight())
                .description("reject commands not yet settled").register(registry);
        if (s != null) {
            Gauge.builder("sinterscope.store.buffer.fill", s, StationStore::bufferFill)
                    .description("defect store write buffer, 0..1").register(registry);
        }
    }

    /** Adds a health check: {@code problem} says what is wrong, or {@code null} when all is well. */
    public void check(String name, java.util.function.Supplier<String> problem) {
        checks.put(name, problem);
    }

    @Override
    public void frameIn(Frame f) {
        Counter.builder("sinterscope.frames.in").tag("camera", f.cameraId()).register(registry).increment();
    }

    @Override
    public void inspected(FrameInspection fi) {
        String cam = fi.cameraId();
        Counter.builder("sinterscope.frames.inspected").tag("camera", cam).register(registry).increment();
        if (fi.failed()) {
            Counter.builder("sinterscope.frames.skipped").tag("camera", cam).register(registry).increment();
        }
        Counter.builder("sinterscope.megapixels").tag("camera", cam).register(registry).increment(fi.megapixels());
        record("sinterscope.inspection", cam, Duration.ofNanos(fi.inspectNanos()));
        if (fi.timestamp() != null) {
            record("sinterscope.frame.latency", cam, Duration.between(fi.timestamp(), Instant.now()));
        }
    }

    /**
     * Records {@code d} on the camera's timer. A negative duration (a frame stamped by a clock ahead of this
     * host's, e.g. a camera's or a simulator's planned time, or a wall-clock step) is not a time: it is
     * counted on {@code sinterscope_clock_skew_total{camera,timer}} instead, which Micrometer would refuse.
     */
    private void record(String timer, String cam, Duration d) {
        if (d.isNegative()) {
            Counter.builder("sinterscope.clock.skew").tag("camera", cam).tag("timer", timer).register(registry).increment();
            return;
        }
        Timer.builder(timer).tag("camera", cam).publishPercentileHistogram().register(registry).record(d);
    }

    @Override
    public void decided(SegmentVerdict v) {
        Counter.builder("sinterscope.verdicts").tag("camera", v.cameraId()).tag("result", v.reject() ? "reject" : "pass")
                .register(registry).increment();
    }

    @Override
    public void alarm(String message) {
        alarms.increment();
    }

    @Override
    public void record(FoilVerdict verdict) {
        Counter.builder("sinterscope.foil.readings").tag("verdict", verdict.pass() ? "pass" : "fail").register(registry).increment();
    }

    @Override
    public String metricsText() {
        return registry.scrape();
    }

    @Override
    public Health health() {
        Map<String, String> checks = new LinkedHashMap<>();
        CamelContext ctx = context;
        boolean live = ctx == null || !ctx.isStopped();
        checks.put("camel", ctx == null ? "not started" : ctx.isStarted() ? "ok" : "context " + ctx.getStatus());
        if (ctx != null) {
            StringBuilder down = new StringBuilder();
            for (Route r : ctx.getRoutes()) {
                ServiceStatus st = ctx.getRouteController().getRouteStatus(r.getRouteId());
                // the camera route ends by itself when a finite source is done
                if (st != ServiceStatus.Started && !"camera".equals(r.getRouteId())) {
                    down.append(down.isEmpty() ? "" : ", ").append(r.getRouteId()).append(' ').append(st);
                }
            }
            checks.put("routes", down.isEmpty() ? "ok" : down.toString());
        }
        StationStore s = store;
        if (s != null) {
            String p = s.writeProblem();
            checks.put("store", p == null ? "ok" : p);
        }
        this.checks.forEach((name, problem) -> {
            String p = problem.get();
            checks.put(name, p == null ? "ok" : p);
        });
        boolean ready = live && checks.values().stream().allMatch("ok"::equals);
        return new Health(live, ready, checks);
    }
}
