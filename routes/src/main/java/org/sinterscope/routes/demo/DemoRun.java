package org.sinterscope.routes.demo;

import java.util.Map;

import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.sim.PreRenderedLine;
import org.sinterscope.camera.sim.SimulatedEncoder;
import org.sinterscope.camera.sim.SimulatedLine;
import org.sinterscope.camera.sim.SimulatedLineConfig;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.classify.ClassifierComparison;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.routes.reject.PlcSimulator;
import org.sinterscope.routes.reject.RejectTracker;
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
        StationSettings settings = StationSettings.load(o.settingsFile(), o.overrides());
        SimulatedLineConfig cfg = o.line();
        SimulatedEncoder encoder = o.maxSpeed() ? SimulatedEncoder.freeRunning() : SimulatedEncoder.paced(cfg.lineSpeedMPerMin());
        SimulatedLine line = new SimulatedLine(cfg, encoder);
        double simulatorMpxPerSecond;
        FrameSource source;
        if (o.maxSpeed()) {
            LOG.info("pre-rendering {} frames of the simulated line", line.frameCount());
            PreRenderedLine pre = new PreRenderedLine(line);
            simulatorMpxPerSecond = line.frameCount() * megapixelsPerFrame(cfg) / pre.renderSeconds();
            source = pre;
        } else {
            source = line;
            simulatorMpxPerSecond = Double.NaN;
        }
        RunLedger ledger = new RunLedger(true);
        PlcSimulator plc = new PlcSimulator(encoder);
        RejectTracker tracker = new RejectTracker(settings.stationId(), settings.actuatorId(), settings.actuatorDistanceMm(), encoder);
        VerdictDecider decider = new VerdictDecider(RecipeLoader.loadOrDefault(o.recipeFile()));
        StationClassifier classifier = StationClassifier.create(settings, new CoatingInspector(CoatingInspectorConfig.defaults()));
        ClassifierComparison comparison = new ClassifierComparison(classifier);
        StationBeans beans = new StationBeans(source, new InspectionStage(comparison), decider, tracker, plc, ledger);
        LOG.info("running {} {}", source.describe(), o.maxSpeed() ? "unpaced" : "at " + cfg.lineSpeedMPerMin() + " m/min");
        try (source; Station station = Station.start(beans, settings.asMap(), classifier.routes())) {
            ledger.awaitAllDecided(o.timeout());
            // the web runs on until the last stretch has passed the actuator
            encoder.advanceTo(cfg.frameCount() * cfg.frameLengthMm() + settings.actuatorDistanceMm() + 1);
            plc.tick();
        }
        if (!o.maxSpeed()) {
            simulatorMpxPerSecond = line.frameCount() * megapixelsPerFrame(cfg) / (line.renderNanos() / 1e9);
        }
        DemoScorer.Scores s = DemoScorer.score(line.plan(), ledger, plc.fired());
        int injected = line.plan().size();
        int threads = Integer.parseInt(settings.get("sinterscope.frames.uri").replaceAll(".*concurrentConsumers=(\\d+).*", "$1"));
        return new DemoSummary(source.describe(), !o.maxSpeed(), ledger.framesInspected(), ledger.megapixels(),
                ledger.elapsedSeconds(), ledger.megapixels() / ledger.elapsedSeconds(), simulatorMpxPerSecond, threads,
                injected, s.detected(), s.rejected(), injected - s.rejected(), s.falseRejects(), plc.lateCommands(),
                ledger.framesFailed(), ledger.alarms().size(), s.rejectedMeters(), ledger.meanCvPercent(),
                DemoScorer.percentiles(plc.latencies()), s.byClass(),
                comparison.summarize(line.plan(), decider, DemoScorer.TOLERANCE_MM));
    }

    private static double megapixelsPerFrame(SimulatedLineConfig cfg) {
        return (double) cfg.frameWidthPx() * cfg.frameHeightPx() / 1e6;
    }

    /** Settings overrides for a run with {@code threads} inspection threads. */
    public static Map<String, String> withThreads(StationSettings base, int threads) {
        String uri = base.get("sinterscope.frames.uri").replaceAll("concurrentConsumers=\\d+", "concurrentConsumers=" + threads);
        return Map.of("sinterscope.frames.uri", uri);
    }
}
