package org.sinterscope.routes.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.CoatingUniformity;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.StationRoutes;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.StationStore;
import org.sinterscope.routes.CropSink;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.reject.ActuatorEvent;
import org.sinterscope.routes.reject.RejectCommand;

/**
 * Two cameras in one station, assembled from a properties file: a coating camera (offset 0, its
 * recipe, actuator marker-coat 2000 mm on) and a sintered-layer camera (offset 30 000 mm, its recipe,
 * actuator marker-sinter 500 mm on), each with three frames; one coating frame has a pinhole (from a
 * stand-in coating inspector), one sintered frame a drawn crack (found by the real crack detector).
 */
class TwoCameraStationTest {

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    private static final double SINTER_OFFSET_MM = 30_000;

    @TempDir
    Path dir;

    @Test
    void bothCamerasDecideWithTheirOwnRecipeAndActuatorsOnRollCoordinates() throws Exception {
        Path coatRecipe = dir.resolve("coat.json");
        Files.writeString(coatRecipe, """
                { "product": "coat-recipe", "rejectMarginMm": 5, "uncertain": "pass",
                  "defects": { "pinhole": { "reject": true, "minSizeMm": 0.1, "sizeOf": "diameterMm" } } }
                """);
        Path sinterRecipe = dir.resolve("sinter.json");
        Files.writeString(sinterRecipe, """
                { "product": "sinter-recipe", "rejectMarginMm": 5, "uncertain": "pass",
                  "defects": { "pinhole": { "reject": true, "minSizeMm": 0.1, "sizeOf": "diameterMm" } },
                  "crack": { "maxDensityMmPerMm2": 0.02, "maxLengthMm": 0.5, "maxWidthUm": 100.0 } }
                """);
        Path props = dir.resolve("station.properties");
        Files.writeString(props, String.join("\n",
                "sinterscope.cameras = coat, sinter",
                "sinterscope.camera.coat.type = synthetic",
                "sinterscope.camera.coat.stage = coating",
                "sinterscope.camera.coat.pixel-um = 50",
                "sinterscope.camera.coat.offset-mm = 0",
                "sinterscope.camera.coat.recipe = " + coatRecipe,
                "sinterscope.camera.coat.actuators = marker-coat",
                "sinterscope.camera.sinter.type = synthetic",
                "sinterscope.camera.sinter.stage = sintered",
                "sinterscope.camera.sinter.pixel-um = 10",
                "sinterscope.camera.sinter.offset-mm = " + SINTER_OFFSET_MM,
                "sinterscope.camera.sinter.recipe = " + sinterRecipe,
                "sinterscope.camera.sinter.actuators = marker-sinter",
                "sinterscope.actuators = marker-coat, marker-sinter",
                "sinterscope.actuator.marker-coat.distance-mm = 2000",
                "sinterscope.actuator.marker-coat.uri = seda:coat-plc",
                "sinterscope.actuator.marker-sinter.distance-mm = 500",
                "sinterscope.actuator.marker-sinter.uri = seda:sinter-plc",
                "sinterscope.encoder.type = fixed",
                "sinterscope.classifier.bundle = none",
                // a loaded build machine must not turn frames into behind-the-line rejects
                "sinterscope.inspection.max-frame-age-ms = 600000",
                "sinterscope.journal.dir = " + dir.resolve("journal"),
                ""));
        List<SettingsCheck.Problem> problems = SettingsCheck.check(props, Map.of(), Set.of("synthetic"), Set.of("fixed"));
        assertEquals(List.of(), problems);

        RecordingStore store = new RecordingStore();
        StationParts parts = new StationParts()
                .source("synthetic", (camera, settings, enc) -> camera.stage() == CameraSpec.Stage.COATING
                        ? new ListSource(camera, 200, 1000, 3) : new ListSource(camera, 512, 512, 3))
                .encoder("fixed", settings -> StationEncoder.of(() -> 0.0))
                .coatingInspector(classifier -> TwoCameraStationTest::pinholeOnFrameOne)
                .store(store, CropSink.NONE);
        StationSettings settings = StationSettings.load(props, Map.of());
        try (AssembledStation station = StationAssembly.assemble(settings, parts)) {
            assertEquals(List.of("coat", "sinter"), station.cameras().stream().map(CameraSpec::id).toList());
            var running = station.start();
            station.beans().ledger().awaitAllDecided(Duration.ofSeconds(120));
            assertEquals(6, station.beans().ledger().verdicts(), "three frames from each camera");
            VerdictDecider sinterDecider = running.context().getRegistry()
                    .lookupByNameAndType(StationRoutes.beanName("verdictDecider", "sinter"), VerdictDecider.class);
            assertEquals("sinter-recipe", sinterDecider.recipe().product());
            assertEquals("coat-recipe", station.beans().decider().recipe().product());
            assertTrue(running.context().getRoute("inspect-sinter") != null && running.context().getRoute("inspect") != null);
            String scrape = station.metrics().metricsText();
            for (String cam : List.of("coat", "sinter")) {
                assertTrue(scrape.contains("sinterscope_frame_queue_depth{camera=\"" + cam + "\"}"), "queue depth of " + cam);
                assertTrue(scrape.contains("sinterscope_frames_inspected_total{camera=\"" + cam + "\"} 3.0"), "frames of " + cam);
            }
            assertTrue(station.metrics().health().ready(), () -> "ready: " + station.metrics().health());
            store.problem = "database writes failing (test)";
            assertFalse(station.metrics().health().ready(), "a store that cannot write: not ready");
            assertEquals("database writes failing (test)", station.metrics().health().checks().get("store"));
            store.problem = null;
        }

        List<SegmentVerdict> coat = store.verdicts("coat");
        List<SegmentVerdict> sinter = store.verdicts("sinter");
        assertEquals(3, coat.size());
        assertEquals(3, sinter.size());
        assertEquals(List.of(1L), rejected(coat), () -> "the pinhole frame only: " + coat.stream().map(SegmentVerdict::reasons).toList());
        assertEquals(List.of(1L), rejected(sinter), () -> "the crack frame only: " + sinter.stream().map(SegmentVerdict::reasons).toList());
        // sintered frames are 512 px × 10 µm = 5.12 mm long; frame 1 starts at 5.12 mm camera y → roll y + offset
        SegmentVerdict crackFrame = sinter.stream().filter(v -> v.sequence() == 1).findFirst().orElseThrow();
        assertEquals(SINTER_OFFSET_MM + 5.12, crackFrame.y0Mm(), 1e-6);

        List<RejectCommand> coatCmds = store.commands(c -> c.id().contains("/coat/"));
        List<RejectCommand> sinterCmds = store.commands(c -> c.id().contains("/sinter/"));
        assertFalse(coatCmds.isEmpty());
        assertFalse(sinterCmds.isEmpty());
        assertEquals(coatCmds.size() + sinterCmds.size(), store.commands(c -> true).size());
        for (RejectCommand c : coatCmds) {
            assertEquals("marker-coat", c.actuatorId());
            assertEquals(c.y0Mm() + 2000, c.deadlineMm(), 1e-9);
            assertTrue(c.y0Mm() < 100, "coating command on roll y " + c.y0Mm());
        }
        for (RejectCommand c : sinterCmds) {
            assertEquals("marker-sinter", c.actuatorId());
            assertTrue(c.y0Mm() >= SINTER_OFFSET_MM, "sintered command on roll y (offset added): " + c.y0Mm());
            assertEquals(c.y0Mm() + 500, c.deadlineMm(), 1e-9);
        }
    }

    /**
     * camera-lines: every camera's line counter feeds the one encoder (camera y is the encoder reading at
     * the camera's line), so the encoder is the furthest line any camera delivered — here the first camera
     * delivers nothing and the second camera's three 5.12 mm frames move it to 15.36 mm.
     */
    @Test
    void cameraLinesEncoderFollowsTheFurthestLineOfAnyCamera() throws Exception {
        Path props = dir.resolve("lines.properties");
        Files.writeString(props, String.join("\n",
                "sinterscope.cameras = coat, sinter",
                "sinterscope.camera.coat.type = synthetic",
                "sinterscope.camera.coat.stage = coating",
                "sinterscope.camera.sinter.type = synthetic",
                "sinterscope.camera.sinter.stage = sintered",
                "sinterscope.camera.sinter.pixel-um = 10",
                "sinterscope.camera.sinter.offset-mm = -7500",
                "sinterscope.actuator.uri = seda:plc",
                "sinterscope.encoder.type = camera-lines",
                "sinterscope.classifier.bundle = none",
                "sinterscope.inspection.max-frame-age-ms = 600000",
                "sinterscope.journal.dir = " + dir.resolve("journal-lines"),
                ""));
        assertEquals(List.of(), SettingsCheck.check(props, Map.of(), Set.of("synthetic"), Set.of(Encoders.CAMERA_LINES)));
        StationParts parts = new StationParts()
                .source("synthetic", (camera, settings, enc) -> camera.stage() == CameraSpec.Stage.COATING
                        ? new ListSource(camera, 200, 1000, 0) : new ListSource(camera, 512, 512, 3))
                .coatingInspector(classifier -> TwoCameraStationTest::pinholeOnFrameOne);
        try (AssembledStation station = StationAssembly.assemble(StationSettings.load(props, Map.of()), parts)) {
            station.start();
            station.beans().ledger().awaitAllDecided(Duration.ofSeconds(120));
            assertEquals(3 * 5.12, station.encoder().positionMm(), 1e-9, "the sintered camera's last line, camera y");
        }
    }

    private static List<Long> rejected(List<SegmentVerdict> vs) {
        return vs.stream().filter(v -> !v.rejects().isEmpty()).map(SegmentVerdict::sequence).sorted().toList();
    }

    /** The coating stand-in: a coated band from x 1 to 9 mm, a 0.3 mm pinhole in frame 1, nothing elsewhere. */
    private static FrameInspection pinholeOnFrameOne(Frame f) {
        List<Defect> defects = new ArrayList<>();
        if (f.sequence() == 1) {
            double y = f.yStartMm() + 20;
            defects.add(new Defect(DefectClass.PINHOLE, 0.99, new WebRect(4.85, y, 5.15, y + 0.3), new PixelRect(97, 400, 6, 6),
                    Map.of("diameterMm", 0.3), "stand-in"));
        }
        return new FrameInspection(f.cameraId(), f.sequence(), f.timestamp(), f.yStartMm(), f.yEndMm(),
                f.image().total() / 1e6, new CoatingUniformity(1, 9, 150, 2, 1, 0, new float[0], List.of()), defects, 1, "");
    }

    /** {@code n} noisy grey frames of camera {@code c}, one after another along the web; frame 1 of a sintered camera has a crack. */
    private static final class ListSource implements FrameSource {
        private final CameraSpec camera;
        private final int w;
        private final int h;
        private final int n;
        private int next;

        ListSource(CameraSpec camera, int w, int h, int n) {
            this.camera = camera;
            this.w = w;
            this.h = h;
            this.n = n;
        }

        @Override
        public synchronized boolean hasNext() {
            return next < n;
        }

        @Override
        public synchronized Frame next() {
            Mat m = new Mat(h, w, CvType.CV_8UC1);
            Core.randn(m, 150, 4);
            if (camera.stage() == CameraSpec.Stage.SINTERED && next == 1) {
                Imgproc.line(m, new Point(100, 120), new Point(400, 380), new Scalar(60), 3);
            }
            double frameMm = h * camera.pitch().yMmPerPx();
            Frame f = new Frame(camera.id(), next, Instant.now(), next * frameMm, camera.x0Mm(), camera.pitch(), m);
            next++;
            return f;
        }

        @Override
        public String describe() {
            return "synthetic " + camera.id();
        }

        @Override
        public void close() {
        }
    }

    /** Keeps what the station stores. */
    private static final class RecordingStore implements StationStore {
        private volatile String problem;

        @Override
        public String writeProblem() {
            return problem;
        }

        private final List<SegmentVerdict> verdicts = new ArrayList<>();
        private final List<RejectCommand> commands = new ArrayList<>();

        @Override
        public synchronized void saveSegment(FrameInspection inspection, SegmentVerdict verdict) {
            verdicts.add(verdict);
        }

        @Override
        public synchronized void saveCommand(RejectCommand command) {
            commands.add(command);
        }

        @Override
        public void saveActuatorEvent(ActuatorEvent event) {
        }

        @Override
        public void onAlarm(Consumer<String> sink) {
        }

        synchronized List<SegmentVerdict> verdicts(String camera) {
            return verdicts.stream().filter(v -> v.cameraId().equals(camera)).toList();
        }

        synchronized List<RejectCommand> commands(java.util.function.Predicate<RejectCommand> p) {
            return commands.stream().filter(p).toList();
        }
    }
}
