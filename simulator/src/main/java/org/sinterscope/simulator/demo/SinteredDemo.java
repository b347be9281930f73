package org.sinterscope.simulator.demo;

import java.util.HashMap;
import java.util.Map;

import org.sinterscope.camera.PixelPitch;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.inspection.crack.CrackDetectorConfig;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.routes.assembly.StationAssembly;
import org.sinterscope.routes.assembly.StationParts;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's sintered-layer stage: the station with the sintered-layer camera {@value #CAMERA_ID}
 * (frames from {@link SinteredLayerSimulator}), {@link org.sinterscope.inspection.crack.CrackFrameInspector} with the detector's
 * {@code line} preset, the recipe's crack limits, the encoder-timed actuator, scored against the
 * simulator's crack truth ({@link CrackScorer}).
 */
public final class SinteredDemo {

    public static final String CAMERA_ID = "sinter-cam-1";

    private static final Logger LOG = LoggerFactory.getLogger(SinteredDemo.class);

    private SinteredDemo() {
    }

    /**
     * The sintered camera for a demo line: 2048 × 1024 px frames at 10 µm/px (a 20.48 mm wide strip,
     * 10.24 mm per frame) covering the line's length, seeded by its seed; its defect rate per metre
     * becomes crack rates per megapixel (¾ isolated branching cracks, ¼ mud-crack networks).
     */
    public static SinteredLayerConfig configFor(SimulatedLineConfig line) {
        SinteredLayerConfig d = SinteredLayerConfig.defaults();
        return configFor(line, d.widthPx(), d.heightPx(), d.pitch());
    }

    /** As {@link #configFor(SimulatedLineConfig)} with another frame size and pitch. */
    public static SinteredLayerConfig configFor(SimulatedLineConfig line, int widthPx, int heightPx, PixelPitch pitch) {
        SinteredLayerConfig d = SinteredLayerConfig.defaults();
        double frameLengthMm = heightPx * pitch.yMmPerPx();
        int frames = (int) Math.ceil(line.lengthM() * 1000 / frameLengthMm);
        double mpxPerMetre = 1000 / frameLengthMm * widthPx * heightPx / 1e6;
        double perMpx = line.defectRatePerM() / mpxPerMetre;
        return new SinteredLayerConfig(line.seed(), CAMERA_ID, widthPx, heightPx, pitch, 0, frames, 0.75 * perMpx,
                0.25 * perMpx, d.maxCrackWidthPx(), d.minContrast(), d.maxContrast());
    }

    /** The detector settings of the sintered-layer stage: the {@code line} preset. */
    public static CrackDetectorConfig detectorConfig() {
        return CrackDetectorConfig.line();
    }

    public static DemoSummary run(DemoOptions o) throws Exception {
        return run(o, configFor(o.line()));
    }

    public static DemoSummary run(DemoOptions o, SinteredLayerConfig cfg) throws Exception {
        StationSettings settings = StationSettings.load(o.settingsFile(), o.overrides());
        SimulatedEncoder encoder = o.maxSpeed() ? SimulatedEncoder.freeRunning() : SimulatedEncoder.paced(o.line().lineSpeedMPerMin());
        SinteredCamera camera = new SinteredCamera(new SinteredLayerSimulator(cfg), encoder);
        PlcSimulator plc = new PlcSimulator(encoder);
        Map<String, String> props = new HashMap<>(o.overrides());
        props.putAll(SimulatedEdges.overrides(CAMERA_ID, CameraSpec.Stage.SINTERED));
        StationParts parts = SimulatedEdges.plug(new StationParts(), camera, encoder).keepDetail(true)
                .recipe(RecipeLoader.loadOrDefault(o.recipeFile())).stage(new InProcessPlc(plc));
        AssembledStation assembled = StationAssembly.assemble(StationSettings.load(o.settingsFile(), props), parts);
        RunLedger ledger = assembled.beans().ledger();
        RejectTracker tracker = assembled.beans().tracker();
        InspectionStage inspection = assembled.beans().inspection();
        LOG.info("running {} {}", camera.describe(), o.maxSpeed() ? "unpaced" : "at " + o.line().lineSpeedMPerMin() + " m/min");
        org.sinterscope.routes.actuator.ActuationCounts actuation;
        try (assembled) {
            Station station = assembled.start();
            ledger.awaitAllDecided(o.timeout());
            encoder.advanceTo(cfg.frames() * cfg.frameLengthMm() + tracker.farthestActuatorMm() + 1);
            plc.tick();
            station.actuation().awaitSettled(java.time.Duration.ofSeconds(30));
            actuation = station.actuation().counts();
        }
        DemoSummary.CrackSummary c = CrackScorer.score(camera.truth(), ledger.inspections(), plc.fired());
        java.util.List<org.sinterscope.simulator.line.InjectedDefect> trueCracks = new java.util.ArrayList<>();
        for (SinteredCamera.FrameTruth t : camera.truth()) {
            for (org.sinterscope.camera.WebRect r : t.cracks()) {
                trueCracks.add(new org.sinterscope.simulator.line.InjectedDefect(trueCracks.size() + 1,
                        org.sinterscope.camera.DefectClass.CRACK, r, Math.max(Math.max(r.widthMm(), r.lengthMm()), 1e-3), 0));
            }
        }
        org.sinterscope.simulator.score.StrictScore.Result strict = org.sinterscope.simulator.score.StrictScore.score(
                new org.sinterscope.simulator.line.DefectPlan(trueCracks), ledger.inspections(), plc.fired().stream()
                        .map(f -> new org.sinterscope.simulator.score.StrictScore.FiredStretch(f.command(), f.inTime())).toList(),
                cfg.frames() * cfg.frameLengthMm() / 1000);
        StageSummary stage = StageSummary.of("sintered", CAMERA_ID, camera.describe(), 0,
                tracker.actuators().stream().map(a -> a.id()).toList(), ledger.framesInspected(), ledger.megapixels(),
                plc.lateCommands(), ledger.framesFailed(), DemoScorer.percentiles(plc.latencies()), strict);
        double mpxPerFrame = (double) cfg.widthPx() * cfg.heightPx() / 1e6;
        return new DemoSummary(camera.describe(), !o.maxSpeed(), ledger.framesInspected(), ledger.megapixels(),
                ledger.elapsedSeconds(), ledger.megapixels() / ledger.elapsedSeconds(),
                cfg.frames() * mpxPerFrame / camera.renderSeconds(), DemoRun.threads(settings), c.injectedCracks(),
                c.detectedCracks(), c.rejectedCracks(), c.injectedCracks() - c.rejectedCracks(), c.falseRejects(),
                plc.lateCommands(), ledger.framesFailed(), ledger.alarms().size(), DemoScorer.rejectedMeters(plc.fired()),
                Double.NaN, DemoScorer.percentiles(plc.latencies()),
                Map.of("crack", new DemoSummary.ClassSummary(c.injectedCracks(), c.detectedCracks(), c.rejectedCracks(),
                        c.injectedCracks() - c.rejectedCracks(), c.falseRejects())), inspection.skipped(), actuation, c, null, null, null, null, strict, null,
                Map.of("sintered", stage));
    }
}
