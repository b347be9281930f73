package org.sinterscope.simulator.demo;

import org.sinterscope.simulator.score.StrictScore;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.sinterscope.simulator.line.RenderAheadLine;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.routes.assembly.StationAssembly;
import org.sinterscope.routes.assembly.StationParts;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectTracker;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.RollInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the station on the simulated electrode line and scores it against the ground truth.
 */
public final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);

    private DemoRun() {
    }

    public static DemoSummary run(DemoOptions o) throws Exception {
        return run(o, null);
    }

    /** The demo with its roll, defects, crops and reject commands kept in {@code store} (null: none). */
    public static DemoSummary run(DemoOptions o, DefectStore store) throws Exception {
        int frames = renderAheadFrames(StationSettings.load(o.settingsFile(), o.overrides()), o.line());
        return run(o, store, line -> new RenderAheadLine(line, frames, 0));
    }

    /** Setting: frames the simulator renders ahead of the camera (the buffer is filled before the line starts). */
    public static final String RENDER_AHEAD = "sinterscope.demo.render-ahead-frames";
    /** The render-ahead buffer may hold at most this many bytes of frames. */
    public static final long RENDER_AHEAD_MAX_BYTES = 2L << 30;

    /**
     * {@value #RENDER_AHEAD} ({@link RenderAheadLine#DEFAULT_CAPACITY} when unset), checked: at least 1,
     * and at most {@link #RENDER_AHEAD_MAX_BYTES} of frames of {@code line}'s size (8 bits a pixel).
     */
    public static int renderAheadFrames(StationSettings settings, SimulatedLineConfig line) {
        String v = settings.getOrDefault(RENDER_AHEAD, String.valueOf(RenderAheadLine.DEFAULT_CAPACITY)).trim();
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(RENDER_AHEAD + " must be a whole number of frames, got '" + v + "'");
        }
        long frameBytes = (long) line.frameWidthPx() * line.frameHeightPx();
        if (n < 1 || n * frameBytes > RENDER_AHEAD_MAX_BYTES) {
            throw new IllegalArgumentException(RENDER_AHEAD + " must be between 1 and " + RENDER_AHEAD_MAX_BYTES / frameBytes
                    + " frames of " + line.frameWidthPx() + "x" + line.frameHeightPx() + " px (" + (RENDER_AHEAD_MAX_BYTES >> 20)
                    + " MB), got " + n);
        }
        return n;
    }

    /** The demo with the simulator's render-ahead buffer made by {@code ahead} (tests slow the renderer down). */
    static DemoSummary run(DemoOptions o, DefectStore store, Function<SimulatedLine, RenderAheadLine> ahead) throws Exception {
        // a demo run is a new roll: it does not recover (and alarm) the previous run's open commands
        DemoJournal.startFresh(StationSettings.load(o.settingsFile(), o.overrides()));
        if (o.stage() == DemoOptions.Stage.SINTERED) {
            return SinteredDemo.run(o);
        }
        StationSettings settings = StationSettings.load(o.settingsFile(), DemoFurnace.withDefaults(o.overrides(), o.line().lineSpeedMPerMin()));
        SimulatedLineConfig cfg = o.line();
        SimulatedEncoder encoder = o.maxSpeed() ? SimulatedEncoder.freeRunning() : SimulatedEncoder.paced(cfg.lineSpeedMPerMin());
        SimulatedLine line = new SimulatedLine(cfg, encoder);
        // rendered ahead into a bounded buffer on its own thread: the camera never waits for the renderer
        RenderAheadLine source = ahead.apply(line);
        LOG.info("rendered {} frames ahead of the camera", source.capacity());
        PlcSimulator plc = new PlcSimulator(encoder);
        Recipe recipe = RecipeLoader.loadOrDefault(o.recipeFile());
        String rollId = String.format(Locale.ROOT, "demo-s%d-%tY%<tm%<td-%<tH%<tM%<tS", cfg.seed(),
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
        String foilLot = "demo-foil-" + cfg.seed();
        if (store != null) {
            store.openRoll(new RollInfo(rollId, settings.stationId(), recipe.product(), foilLot, cfg.foilWidthMm(),
                    cfg.xOriginMm(), cfg.xOriginMm() + cfg.viewWidthMm(), Instant.now()));
        }
        DemoFoil foil = DemoFoil.create(settings, recipe, store, foilLot, rollId, cfg.lengthM() * 1000);
        DemoFurnace furnace = DemoFurnace.create(settings, encoder, recipe, cfg.lineSpeedMPerMin(), cfg.lengthM() * 1000, cfg.seed(), store);
        LOG.info("running {} {}", source.describe(), o.maxSpeed() ? "unpaced" : "at " + cfg.lineSpeedMPerMin() + " m/min");
        org.sinterscope.routes.actuator.ActuationCounts actuation;
        boolean both = o.stage() == DemoOptions.Stage.BOTH;
        Map<String, String> bothOverrides = new HashMap<>();
        if (both) {
            String coatingActuators = settings.getOrDefault("sinterscope.actuators", settings.get("sinterscope.actuator.id"));
            bothOverrides.putAll(DemoSinteredCamera.overrides(cfg.cameraId(), coatingActuators, cfg.lineSpeedMPerMin()));
            bothOverrides.put("sinterscope.actuators", coatingActuators + "," + DemoSinteredCamera.ACTUATOR);
        }
        Map<String, String> plcProps = new HashMap<>(DemoFurnace.withDefaults(o.overrides(), o.line().lineSpeedMPerMin()));
        plcProps.putAll(bothOverrides);
        // the PLC (MQTT, OPC UA) plays every actuator of the station, the sintered camera's marker too
        DemoPlc remote = DemoPlc.startIfNeeded(StationSettings.load(o.settingsFile(), plcProps), encoder,
                Files.createTempDirectory("sinterscope-demo"));
        Map<String, String> props = new HashMap<>(DemoFurnace.withDefaults(o.overrides(), o.line().lineSpeedMPerMin()));
        if (o.maxSpeed()) {
            // unpaced, the queue is always full by design: no "behind the line" alarm unless asked for
            BEHIND_LIMITS.forEach(k -> props.put(k, o.overrides().getOrDefault(k, "0")));
        }
        if (remote != null) {
            props.putAll(remote.overrides());
        }
        props.putAll(SimulatedEdges.overrides(cfg.cameraId(), CameraSpec.Stage.COATING));
        // free-running, two cameras on one encoder go in step (FreeRunGate); paced, the encoder times both
        FreeRunGate gate = both && o.maxSpeed() ? new FreeRunGate() : null;
        DemoSinteredCamera sintered = null;
        org.sinterscope.camera.FrameSource coatingSource = source;
        if (both) {
            props.putAll(bothOverrides);
            sintered = DemoSinteredCamera.create(cfg, o.sinteredEveryMm(), encoder, gate);
            if (gate != null) {
                double nearest = org.sinterscope.routes.reject.ActuatorSpec.fromSettings(StationSettings.load(o.settingsFile(), props))
                        .stream().filter(a -> !a.id().equals(DemoSinteredCamera.ACTUATOR)).mapToDouble(a -> a.distanceMm()).min()
                        .orElseThrow();
                coatingSource = FreeRunGate.gated(source, gate.lane(cfg.cameraId(), Math.max(0, nearest - cfg.frameLengthMm()) / 2),
                        cfg.frameLengthMm());
            }
            LOG.info("with {}", sintered.camera().describe());
        }
        ClassifierComparison[] comparison = new ClassifierComparison[1];
        PlcSimulator actuators = remote == null ? plc : remote.core();
        Map<String, org.sinterscope.camera.FrameSource> cameras = new HashMap<>();
        cameras.put(cfg.cameraId(), coatingSource);
        if (sintered != null) {
            cameras.put(SinteredDemo.CAMERA_ID, sintered.camera());
        }
        StationParts parts = SimulatedEdges.plug(new StationParts(), cameras, encoder).recipe(recipe).keepDetail(true)
                .coatingInspector(c -> comparison[0] = new ClassifierComparison(c))
                .stage(new InProcessPlc(plc)).stage(foil.stage());
        if (furnace != null) {
            parts.stage(furnace.stage()).stage(furnace.feed());
        }
        if (store != null) {
            parts.store(store, store.cropSink());
        }
        AssembledStation assembled = StationAssembly.assemble(StationSettings.load(o.settingsFile(), props), parts);
        RunLedger ledger = assembled.beans().ledger();
        RejectTracker tracker = assembled.beans().tracker();
        VerdictDecider decider = assembled.beans().decider();
        InspectionStage inspection = assembled.beans().inspection();
        if (gate != null) {
            ledger.listen(gate);
        }
        Headroom.MemoryWatch memory = new Headroom.MemoryWatch(ledger::framesIn, Math.min(cfg.frameCount(), Math.max(20, cfg.frameCount() / 10)));
        MemorySnapshot memoryEnd;
        try (remote; assembled; memory) {
            DemoWarmUp.run(assembled, cfg, threads(settings));
            Station station = assembled.start();
            foil.measure(cfg.seed(), encoder);
            ledger.awaitAllDecided(o.timeout());
            memoryEnd = MemorySnapshot.now();
            foil.await(Duration.ofSeconds(30));
            // the web runs on until the last stretch has passed the farthest actuator
            encoder.advanceTo(cfg.frameCount() * cfg.frameLengthMm() + Math.max(tracker.farthestActuatorMm(),
                    org.sinterscope.routes.reject.ActuatorSpec.fromSettings(assembled.settings()).stream()
                            .mapToDouble(a -> a.distanceMm()).max().orElse(0)) + 1);
            if (furnace != null) {
                furnace.await(encoder.positionMm(), Duration.ofSeconds(30));
            }
            actuators.tick();
            try {
                station.actuation().awaitSettled(Duration.ofSeconds(30));
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("{}; they stay in the journal and are counted as open", e.getMessage());
            }
            actuation = station.actuation().counts();
        }
        // the lab's two XRD samples of the roll, judged and kept with it before the store is flushed
        DemoSummary.XrdSummary xrd = DemoXrd.run(recipe, rollId, cfg.lengthM() * 1000, cfg.seed(), store);
        if (store != null) {
            store.saveActuatorEvents(actuators.events());
            if (!store.flush(o.timeout())) {
                LOG.warn("the defect store had not written everything within {}: {}", o.timeout(), store.status());
            }
        }
        double simulatorMpxPerSecond = source.renderMpxPerSecond();
        // both cameras' inspection time is summed in the ledger: the pool is both cameras' consumers
        int threads = threads(settings) + (sintered == null ? 0 : consumers(org.sinterscope.routes.assembly.CameraSpec.setting(
                assembled.settings(), SinteredDemo.CAMERA_ID, "frames-uri"), 2));
        Headroom headroom = new Headroom(ledger.inspectSeconds() / (ledger.elapsedSeconds() * threads), ledger.maxQueueDepth(),
                ledger.maxFrameAgeMs(), ledger.behindAlarms(), source.capacity(), source.waitedSeconds(), source.lateFrames(), source.renderCpuMsPerFrame(),
                memory.start(memoryEnd), memoryEnd, memory.peakRssMb(memoryEnd));
        List<PlcSimulator.Fired> fired = actuators.fired();
        List<PlcSimulator.Fired> coatingFired = fired.stream().filter(f -> !DemoFurnace.isFurnace(f))
                .filter(f -> !DemoSinteredCamera.ACTUATOR.equals(f.command().actuatorId())).toList();
        List<org.sinterscope.inspection.FrameInspection> coatingInspections = ledger.inspections().stream()
                .filter(fi -> cfg.cameraId().equals(fi.cameraId())).toList();
        DemoScorer.Scores s = DemoScorer.score(line.plan(), ledger, coatingFired);
        StrictScore.Result strict = StrictScore.score(line.plan(), coatingInspections, coatingFired.stream()
                .map(f -> new StrictScore.FiredStretch(f.command(), f.inTime())).toList(), cfg.lengthM());
        Map<String, StageSummary> stages = new java.util.LinkedHashMap<>();
        stages.put("coating", StageSummary.of("coating", cfg.cameraId(), source.describe(), 0,
                tracker.actuators().stream().map(a -> a.id()).toList(), coatingInspections.size(),
                coatingInspections.stream().mapToDouble(fi -> fi.megapixels()).sum(), (int) coatingFired.stream().filter(f -> !f.inTime()).count(),
                coatingInspections.stream().filter(fi -> fi.failed()).count(),
                DemoScorer.percentiles(coatingFired.stream().map(PlcSimulator.Fired::latency).toList()), strict));
        int injected = line.plan().size();
        int detected = s.detected();
        int rejected = s.rejected();
        int falseRejects = s.falseRejects();
        Map<String, DemoSummary.ClassSummary> byClass = new java.util.LinkedHashMap<>(s.byClass());
        DemoSummary.CrackSummary cracks = null;
        String describe = source.describe();
        if (sintered != null) {
            DemoSinteredCamera.Scored k = sintered.score(ledger, fired);
            stages.put("sintered", k.stage());
            cracks = k.cracks();
            injected += cracks.injectedCracks();
            detected += cracks.detectedCracks();
            rejected += cracks.rejectedCracks();
            falseRejects += cracks.falseRejects();
            byClass.put("crack", new DemoSummary.ClassSummary(cracks.injectedCracks(), cracks.detectedCracks(),
                    cracks.rejectedCracks(), cracks.injectedCracks() - cracks.rejectedCracks(), cracks.falseRejects()));
            strict = StageSummary.merge(strict, k.stage().strict());
            describe = describe + " + " + k.stage().source();
        }
        return new DemoSummary(describe, !o.maxSpeed(), ledger.framesInspected(), ledger.megapixels(),
                ledger.elapsedSeconds(), ledger.megapixels() / ledger.elapsedSeconds(), simulatorMpxPerSecond, threads,
                injected, detected, rejected, injected - rejected, falseRejects, actuators.lateCommands(),
                ledger.framesFailed(), ledger.alarms().size(), DemoScorer.rejectedMeters(fired.stream()
                        .filter(f -> !DemoFurnace.isFurnace(f)).toList()), ledger.meanCvPercent(),
                DemoScorer.percentiles(actuators.latencies(c -> !DemoFurnace.isFurnace(c))), byClass, inspection.skipped(), actuation, cracks,
                comparison[0].summarize(line.plan(), decider, DemoScorer.TOLERANCE_MM), foil.summary(),
                furnace == null ? null : furnace.summary(fired, actuators.lateCommands(DemoFurnace::isFurnace)), headroom, strict, xrd, stages);
    }

    private static final List<String> BEHIND_LIMITS = List.of("sinterscope.inspection.behind-alarm-ms",
            "sinterscope.inspection.behind-alarm-depth");

    /** The concurrent consumers of a seda queue URI ({@code dflt} when blank or not given). */
    static int consumers(String uri, int dflt) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("concurrentConsumers=(\\d+)").matcher(uri == null ? "" : uri);
        return m.find() ? Integer.parseInt(m.group(1)) : dflt;
    }

    static int threads(StationSettings settings) {
        return Integer.parseInt(settings.get("sinterscope.frames.uri").replaceAll(".*concurrentConsumers=(\\d+).*", "$1"));
    }

    /** Settings overrides that put every actuator on {@code link} (plc-sim, mqtt, opcua). */
    public static Map<String, String> withLink(StationSettings base, String link) {
        Map<String, String> m = new HashMap<>();
        m.put("sinterscope.actuator.link", link);
        for (var a : org.sinterscope.routes.reject.ActuatorSpec.fromSettings(base)) {
            m.put("sinterscope.actuator." + a.id() + ".link", link);
        }
        return m;
    }

    /** Settings overrides for a run with {@code threads} inspection threads. */
    public static Map<String, String> withThreads(StationSettings base, int threads) {
        String uri = base.get("sinterscope.frames.uri").replaceAll("concurrentConsumers=\\d+", "concurrentConsumers=" + threads);
        return Map.of("sinterscope.frames.uri", uri);
    }
}
