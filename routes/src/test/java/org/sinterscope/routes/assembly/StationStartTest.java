package org.sinterscope.routes.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStage;

/**
 * The start of the line: the inspection route (the frame queue's consumers) starts only after the
 * Camel context has started, and the camera only after it. Before this, both started inside the
 * context's start-up: a seda consumer started then sleeps for its poll timeout (1 s by default) before
 * it polls, while the camera already queued frames: the start-of-line stall of docs/performance.md.
 * The order is seen through Camel's own events (context started, route started), and the first frame
 * must come after them.
 */
class StationStartTest {

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    @TempDir
    Path dir;

    @Test
    void theCameraStartsOnlyAfterTheContextAndTheInspectionRoute() throws Exception {
        AtomicReference<CamelContext> context = new AtomicReference<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        ProbeSource source = new ProbeSource(2, () -> seen.add("frame handed out"));
        try (AssembledStation station = StationAssembly.assemble(settings(Map.of()), parts(source, context, seen))) {
            station.start();
            station.beans().ledger().awaitAllDecided(Duration.ofSeconds(120));
            assertEquals(2, station.beans().ledger().verdicts());
        }
        // Camel fires a route's started event after the route's consumer has started, so the camera's
        // own event may come after its first frame: the order is asserted for what comes before the
        // camera (context, inspection route) and the camera's event only after the inspection route's.
        assertEquals(List.of("context started", "inspect started", "frame handed out", "frame handed out"),
                seen.stream().filter(s -> s.startsWith("context") || s.startsWith("inspect") || s.startsWith("frame")).toList());
        assertTrue(seen.indexOf("camera started") > seen.indexOf("inspect started"), "camera after inspection: " + seen);
    }

    @Test
    void aCameraThatIsNotToStartOnItsOwnStaysStoppedAndTheRestRuns() throws Exception {
        AtomicReference<CamelContext> context = new AtomicReference<>();
        ProbeSource source = new ProbeSource(1, () -> { });
        try (AssembledStation station = StationAssembly.assemble(settings(Map.of("sinterscope.camera.auto-startup", "false")),
                parts(source, context, new CopyOnWriteArrayList<>()))) {
            var running = station.start();
            CamelContext c = running.context();
            assertFalse(c.getRouteController().getRouteStatus("camera").isStarted(), "camera left for the caller");
            for (String id : List.of("inspect", "decide", "send-command", "alarms", "actuation")) {
                assertTrue(c.getRouteController().getRouteStatus(id).isStarted(), id + " started");
            }
            assertEquals(0, source.handedOut());
            c.getRouteController().startRoute("camera");
            station.beans().ledger().awaitAllDecided(Duration.ofSeconds(120));
            assertEquals(1, station.beans().ledger().verdicts());
        }
    }

    private StationSettings settings(Map<String, String> overrides) throws Exception {
        Path props = dir.resolve("station.properties");
        Files.writeString(props, String.join("\n",
                "sinterscope.cameras = coat",
                "sinterscope.camera.coat.type = probe",
                "sinterscope.camera.coat.stage = coating",
                "sinterscope.actuator.uri = seda:plc",
                "sinterscope.encoder.type = fixed",
                "sinterscope.classifier.bundle = none",
                "sinterscope.inspection.max-frame-age-ms = 600000",
                "sinterscope.journal.dir = " + dir.resolve("journal"),
                ""));
        return StationSettings.load(props, overrides);
    }

    private static StationParts parts(ProbeSource source, AtomicReference<CamelContext> context, List<String> events) {
        return new StationParts()
                .source("probe", (camera, settings, enc) -> source)
                .encoder("fixed", settings -> StationEncoder.of(() -> 0.0))
                .coatingInspector(classifier -> StationStartTest::nothingFound)
                // a stage whose routes see the station's Camel context, for the source to look at
                .stage(StationStage.routesOnly(new RouteBuilder() {
                    @Override
                    public void configure() {
                        context.set(getContext());
                        getContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                            @Override
                            public void notify(CamelEvent event) {
                                if (event instanceof CamelEvent.CamelContextStartedEvent) {
                                    events.add("context started");
                                } else if (event instanceof CamelEvent.RouteStartedEvent r) {
                                    events.add(r.getRoute().getRouteId() + " started");
                                }
                            }
                        });
                        from("direct:start-probe").routeId("start-probe").log("probe");
                    }
                }));
    }

    private static FrameInspection nothingFound(Frame f) {
        return new FrameInspection(f.cameraId(), f.sequence(), f.timestamp(), f.yStartMm(), f.yEndMm(),
                f.image().total() / 1e6, new CoatingUniformity(1, 9, 150, 2, 1, 0, new float[0], List.of()), List.of(), 1, "");
    }

    /** {@code n} flat 200 × 200 frames; {@code probe} runs before each is handed out. */
    private static final class ProbeSource implements FrameSource {
        private final int n;
        private final Runnable probe;
        private int next;

        ProbeSource(int n, Runnable probe) {
            this.n = n;
            this.probe = probe;
        }

        @Override
        public synchronized boolean hasNext() {
            return next < n;
        }

        @Override
        public synchronized Frame next() {
            probe.run();
            Mat m = new Mat(200, 200, CvType.CV_8UC1, new Scalar(150));
            Frame f = new Frame("coat", next, Instant.now(), next * 10.0, 0,
                    new org.sinterscope.camera.PixelPitch(50, 50), m);
            next++;
            return f;
        }

        synchronized int handedOut() {
            return next;
        }

        @Override
        public String describe() {
            return "probe";
        }

        @Override
        public void close() {
        }
    }
}
