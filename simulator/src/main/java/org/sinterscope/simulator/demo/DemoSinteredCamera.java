package org.sinterscope.simulator.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.simulator.line.DefectPlan;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.line.SinteredLayerConfig;
import org.sinterscope.simulator.line.SinteredLayerSimulator;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.simulator.score.StrictScore;

/**
 * The sintered-layer camera of the two-camera demo ({@code demo --stage both}): camera
 * {@value SinteredDemo#CAMERA_ID} {@value #AFTER_FURNACE_MM} mm past the demo furnace's exit (7.5 m after the
 * coating camera at 30 m/min; the furnace is sized for the line speed, {@link DemoFurnace#exitMm}), so
 * {@code offset-mm} = −that distance, with its own marker {@value #ACTUATOR} {@value #ACTUATOR_AFTER_CAMERA_MM} mm
 * after it ({@code distance-mm} 8500 from the coating camera at 30 m/min), acting on crack causes only.
 *
 * <p>It samples the web: one 2048 × 1024 px frame at 10 µm/px (20.48 × 10.24 mm) every {@code everyMm}
 * of roll. A camera covering the whole strip would be ~100 Mpx/s at 30 m/min, beyond the two cores that
 * also run the coating camera. The line's defect rate R per metre becomes R cracks per metre of web,
 * all drawn inside the imaged frames (¾ isolated branching cracks, ¼ networks).
 *
 * <p>Scored strictly with {@link StrictScore}: each true crack (connected part of the truth mask) is an
 * injected {@code crack} on the roll; a detection matches by the same centre-and-overlap rule as the
 * coating stage; a crack is rejected when the in-time fired stretches of {@value #ACTUATOR} cover its whole
 * along-web extent. The looser {@link CrackScorer} figures (crack length measured vs true) are kept too.
 */
final class DemoSinteredCamera {

    static final double AFTER_FURNACE_MM = 500;
    static final String ACTUATOR = "marker-s";
    static final double ACTUATOR_AFTER_CAMERA_MM = 1000;
    static final List<String> CAUSES = List.of(DefectClass.CRACK.label(), "crack-density", "uninspected");

    private final SinteredLayerConfig cfg;
    private final SinteredCamera camera;
    private final double everyMm;
    private final double webMm;
    private final double downstreamMm;

    /** The camera's distance after the coating camera at line speed {@code lineSpeedMPerMin}, mm. */
    static double downstreamMm(double lineSpeedMPerMin) {
        return DemoFurnace.exitMm(lineSpeedMPerMin) + AFTER_FURNACE_MM;
    }

    private DemoSinteredCamera(SinteredLayerConfig cfg, SinteredCamera camera, double everyMm, double webMm,
                               double downstreamMm) {
        this.downstreamMm = downstreamMm;
        this.cfg = cfg;
        this.camera = camera;
        this.everyMm = everyMm;
        this.webMm = webMm;
    }

    /** The camera for {@code line}, one frame every {@code everyMm}, on {@code encoder} (its lane of {@code gate}, or none). */
    static DemoSinteredCamera create(SimulatedLineConfig line, double everyMm, SimulatedEncoder encoder, FreeRunGate gate) {
        SinteredLayerConfig d = SinteredLayerConfig.defaults();
        double webMm = line.lengthM() * 1000;
        int frames = SinteredCamera.framesFor(webMm, d.frameLengthMm(), everyMm);
        double mpxPerFrame = (double) d.widthPx() * d.heightPx() / 1e6;
        // R per metre of web, all inside the imaged frames
        double perMpx = frames == 0 ? 0 : line.defectRatePerM() * line.lengthM() / (frames * mpxPerFrame);
        SinteredLayerConfig cfg = new SinteredLayerConfig(line.seed(), SinteredDemo.CAMERA_ID, d.widthPx(), d.heightPx(), d.pitch(),
                line.xOriginMm() + (line.viewWidthMm() - d.widthPx() * d.pitch().xMmPerPx()) / 2, frames, 0.75 * perMpx,
                0.25 * perMpx, d.maxCrackWidthPx(), d.minContrast(), d.maxContrast());
        double downstream = downstreamMm(line.lineSpeedMPerMin());
        double slackMm = ACTUATOR_AFTER_CAMERA_MM - cfg.frameLengthMm();
        FreeRunGate.Lane lane = gate == null ? null : gate.lane(SinteredDemo.CAMERA_ID, slackMm / 2);
        SinteredCamera camera = new SinteredCamera(new SinteredLayerSimulator(cfg), encoder, everyMm, downstream, lane);
        return new DemoSinteredCamera(cfg, camera, everyMm, webMm, downstream);
    }

    SinteredCamera camera() {
        return camera;
    }

    SinteredLayerConfig config() {
        return cfg;
    }

    /**
     * The station settings that add this camera and its marker after {@code coatingCamera} and its actuators, at
     * line speed {@code lineSpeedMPerMin}.
     */
    static Map<String, String> overrides(String coatingCamera, String coatingActuators, double lineSpeedMPerMin) {
        double downstream = downstreamMm(lineSpeedMPerMin);
        Map<String, String> m = new HashMap<>();
        m.put("sinterscope.cameras", coatingCamera + "," + SinteredDemo.CAMERA_ID);
        m.put(CameraSpec.key(coatingCamera, "actuators"), coatingActuators);
        m.put(CameraSpec.key(SinteredDemo.CAMERA_ID, "type"), SimulatedEdges.TYPE);
        m.put(CameraSpec.key(SinteredDemo.CAMERA_ID, "stage"), CameraSpec.Stage.SINTERED.name().toLowerCase(Locale.ROOT));
        m.put(CameraSpec.key(SinteredDemo.CAMERA_ID, "pixel-um"), "10");
        m.put(CameraSpec.key(SinteredDemo.CAMERA_ID, "offset-mm"), String.valueOf(-downstream));
        m.put(CameraSpec.key(SinteredDemo.CAMERA_ID, "actuators"), ACTUATOR);
        m.put("sinterscope.actuator." + ACTUATOR + ".distance-mm", String.valueOf(downstream + ACTUATOR_AFTER_CAMERA_MM));
        m.put("sinterscope.actuator." + ACTUATOR + ".causes", String.join(",", CAUSES));
        return m;
    }

    /** The true cracks on the roll as injected {@code crack} defects (ids from 1, in frame order). */
    DefectPlan plan() {
        List<InjectedDefect> out = new ArrayList<>();
        long id = 1;
        for (SinteredCamera.FrameTruth t : camera.truth()) {
            for (WebRect c : t.cracks()) {
                out.add(new InjectedDefect(id++, DefectClass.CRACK, c, Math.max(Math.max(c.widthMm(), c.lengthMm()), 1e-3), 0));
            }
        }
        return new DefectPlan(out);
    }

    /** This camera's part of a run: strict score, crack length, per-stage figures. */
    Scored score(RunLedger ledger, List<PlcSimulator.Fired> allFired) {
        List<FrameInspection> mine = ledger.inspections().stream().filter(fi -> SinteredDemo.CAMERA_ID.equals(fi.cameraId())).toList();
        List<PlcSimulator.Fired> fired = allFired.stream().filter(f -> ACTUATOR.equals(f.command().actuatorId()))
                .filter(f -> !DemoFurnace.isFurnace(f)).toList();
        StrictScore.Result strict = StrictScore.score(plan(), mine, fired.stream()
                .map(f -> new StrictScore.FiredStretch(f.command(), f.inTime())).toList(), webMm / 1000);
        DemoSummary.CrackSummary cracks = CrackScorer.score(camera.truth(), mine, fired);
        double mpx = mine.stream().mapToDouble(FrameInspection::megapixels).sum();
        StageSummary stage = StageSummary.of("sintered", SinteredDemo.CAMERA_ID, camera.describe() + String.format(Locale.ROOT,
                        ", one frame every %.0f mm, %.0f mm after the coating camera", everyMm, downstreamMm), -downstreamMm,
                List.of(ACTUATOR), mine.size(), mpx, (int) fired.stream().filter(f -> !f.inTime()).count(),
                mine.stream().filter(FrameInspection::failed).count(),
                DemoScorer.percentiles(fired.stream().map(PlcSimulator.Fired::latency).toList()), strict);
        return new Scored(stage, cracks);
    }

    /** The camera's stage summary and its crack-length figures. */
    record Scored(StageSummary stage, DemoSummary.CrackSummary cracks) {
    }
}
