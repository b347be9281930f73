package org.sinterscope.launcher;

import org.sinterscope.simulator.score.SeedPool;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.simulator.line.SimulatedLineConfig;
import org.sinterscope.simulator.training.DefaultClassifier;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.simulator.demo.ClassifierSummary;
import org.sinterscope.simulator.demo.LineFigures;
import org.sinterscope.routes.classify.StationClassifier;
import org.sinterscope.simulator.demo.DemoOptions;
import org.sinterscope.simulator.demo.DemoRun;
import org.sinterscope.simulator.demo.DemoSummary;
import org.sinterscope.simulator.demo.Headroom;
import org.sinterscope.simulator.demo.MemorySnapshot;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sinterscope demo}: the station on a simulated electrode line, scored against its ground truth. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the station on a seeded simulated electrode line (paced at line speed unless --max-speed)",
                "and prints a run summary scored against the simulator's ground truth. The run is kept in the defect",
                "store and the review app is then served on it until Ctrl-C (--no-web: exit after the run)."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--meters", defaultValue = "20", description = "Web length to run, m (default ${DEFAULT-VALUE}).")
    double meters;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the simulated line (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = {"Run N seeds (--seed, --seed+1, ...) and report pooled strict counts per class with 95 %% Wilson",
                    "lower bounds on recall (no store, no web; default ${DEFAULT-VALUE})."})
    int seeds;

    @Option(names = "--render-ahead", paramLabel = "FRAMES",
            description = "Frames the simulator renders ahead of the camera, filled before the line starts (default 16, about 64 MB; "
                    + "setting sinterscope.demo.render-ahead-frames).")
    Integer renderAhead;

    @Option(names = "--speed", defaultValue = "30", paramLabel = "M_PER_MIN",
            description = "Line speed, m/min (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--defect-rate", defaultValue = "1", paramLabel = "PER_M",
            description = "Injected defects per metre of web (default ${DEFAULT-VALUE}; 0 for a clean web).")
    double defectRate;

    @Option(names = "--lookalike-rate", defaultValue = "1", paramLabel = "PER_M",
            description = "Harmless look-alikes (dust, glints, fibres) per metre of web (default ${DEFAULT-VALUE}).")
    double lookalikeRate;

    @Option(names = "--classifier", paramLabel = "none|default|FILE",
            description = {"Defect classifier bundle: none (classical classes), default (" + DefaultClassifier.PATH + "),",
                    "or a bundle file (default: the station setting, i.e. the default bundle)."})
    String classifier;

    @Option(names = "--max-speed", description = "Pre-render the frames and run unpaced, as fast as the machine allows.")
    boolean maxSpeed;

    @Option(names = "--threads", description = "Inspection threads (default: from the settings, 2).")
    Integer threads;

    @Option(names = "--config", paramLabel = "FILE", description = "Station settings (properties) overriding the defaults.")
    Path config;

    @Option(names = "--recipe", paramLabel = "FILE", description = "Recipe JSON (default: the built-in si-anode-160).")
    Path recipe;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = {"Give up after this long (default: from the run,",
            "paced: 1.5 x the web's time at line speed + 300 s; unpaced: 3 s per metre + 300 s; at least 900 s)."})
    Long timeoutSeconds;

    @Option(names = "--stage", defaultValue = "both", paramLabel = "coating|sintered|both",
            description = {"Camera stages: both (default: the coating camera and the sintered-layer camera sinter-cam-1",
                    "7.5 m downstream of it at 30 m/min, past the furnace (sized for the line speed), in one station on one roll, each with its own actuator),",
                    "coating, or sintered alone (cracks on a contiguous strip of 2048x1024 px frames at 10 µm/px:",
                    "keep --meters small)."})
    String stage;

    @Option(names = "--sintered-every", defaultValue = "500", paramLabel = "MM",
            description = "With --stage both: one sintered-layer frame (20.48 x 10.24 mm) every MM of web (default ${DEFAULT-VALUE}).")
    double sinteredEveryMm;

    @Option(names = "--actuator", paramLabel = "LINK", description = {"Link to the reject actuators: plc-sim (in-process, default),",
            "mqtt (a Mosquitto it starts, or --broker) or opcua (a Milo server playing the PLC)."})
    String actuator;

    @Option(names = "--broker", paramLabel = "URL", description = "With --actuator mqtt: use this broker (tcp://host:port) instead of starting one.")
    String broker;

    @Option(names = "--json", description = "Print one JSON object instead of the readable summary.")
    boolean json;

    @Option(names = "--no-web", description = "Exit after the run instead of serving the review app on its roll.")
    boolean noWeb;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Review app port (default: sinterscope.web.port from the settings, 8080; 0 picks a free one).")
    Integer port;

    @Override
    public Integer call() throws Exception {
        SimulatedLineConfig line = SimulatedLineConfig.defaults().withLengthM(meters).withSeed(seed)
                .withLineSpeedMPerMin(speed).withDefectRatePerM(defectRate).withLookalikeRatePerM(lookalikeRate);
        DemoOptions.Stage st;
        try {
            st = DemoOptions.Stage.valueOf(stage.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--stage must be coating, sintered or both, got '" + stage + "'");
        }
        if (!(sinteredEveryMm >= 10.24) || !Double.isFinite(sinteredEveryMm)) {
            throw new ParameterException(spec.commandLine(), "--sintered-every must be at least the frame length, 10.24 mm, got "
                    + sinteredEveryMm);
        }
        Map<String, String> overrides = new HashMap<>();
        if (classifier != null) {
            overrides.put(StationClassifier.BUNDLE, switch (classifier) {
                case "none" -> StationClassifier.NONE;
                case "default" -> DefaultClassifier.PATH;
                default -> {
                    if (!Files.isRegularFile(Path.of(classifier))) {
                        throw new ParameterException(spec.commandLine(),
                                "--classifier: no bundle file " + classifier + " (expected none, default or a bundle file)");
                    }
                    yield classifier;
                }
            });
        }
        if (threads != null) {
            overrides.putAll(DemoRun.withThreads(StationSettings.load(config, Map.of()), threads));
        }
        if (actuator != null) {
            if (!actuator.matches("plc-sim|mqtt|opcua")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--actuator must be plc-sim, mqtt or opcua, got '" + actuator + "'");
            }
            overrides.putAll(DemoRun.withLink(StationSettings.load(config, Map.of()), actuator));
        }
        if (renderAhead != null) {
            overrides.put(DemoRun.RENDER_AHEAD, String.valueOf(renderAhead));
        }
        if (broker != null) {
            overrides.put("sinterscope.mqtt.broker-url", broker);
            overrides.put("sinterscope.demo.start-broker", "false");
        }
        if (timeoutSeconds != null && timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be > 0 s, got " + timeoutSeconds);
        }
        if (seeds < 1) {
            throw new ParameterException(spec.commandLine(), "--seeds must be >= 1, got " + seeds);
        }
        try {
            DemoRun.renderAheadFrames(StationSettings.load(config, overrides), line);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (seeds > 1) {
            return manySeeds(line, st, overrides);
        }
        StationSettings settings = StationSettings.load(config, overrides);
        try {
            LogFormat.apply(settings.get(LogFormat.KEY));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DefectStore store = DefectStore.open(StoreSettings.from(settings));
        Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-close"));
        DemoSummary s = DemoRun.run(new DemoOptions(line, maxSpeed, config, recipe, overrides, timeout(),
                st, sinteredEveryMm), store);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, s);
        } else {
            print(out, s);
        }
        if (noWeb) {
            store.close();
            return 0;
        }
        ReviewWeb.serveUntilInterrupted(store, settings, port, json ? spec.commandLine().getErr() : out,
                store.currentRoll());
        return 0;
    }

    /** {@code --timeout}, or a limit that follows the run's length so that a long soak is not cut short. */
    Duration timeout() {
        if (timeoutSeconds != null) {
            return Duration.ofSeconds(timeoutSeconds);
        }
        double lineSeconds = maxSpeed ? 3 * meters : 1.5 * meters / speed * 60;
        return Duration.ofSeconds(Math.max(900, (long) Math.ceil(lineSeconds) + 300));
    }

    /**
     * {@code --seeds N}: one run per seed, without store or web, then the pooled strict scores: per class
     * over every stage that ran (the coating classes from the coating camera, {@code crack} from the
     * sintered-layer camera), false rejects of all stages over the web's metres.
     */
    private int manySeeds(SimulatedLineConfig line, DemoOptions.Stage st, Map<String, String> overrides) throws Exception {
        SeedPool pool = new SeedPool();
        List<Map<String, Object>> runs = new java.util.ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < seeds; i++) {
            long sd = seed + i;
            DemoSummary s = DemoRun.run(new DemoOptions(line.withSeed(sd), maxSpeed, config, recipe, overrides,
                    timeout(), st, sinteredEveryMm), null);
            pool.add(sd, s.strict());
            Map<String, Object> run = new java.util.LinkedHashMap<>();
            run.put("seed", sd);
            run.put("frames", s.frames());
            run.put("mpxPerSecond", s.mpxPerSecond());
            run.put("lateCommands", s.lateCommands());
            run.put("strict", s.strict());
            run.put("stages", s.stages());
            runs.add(run);
            if (!json) {
                out.printf(Locale.ROOT, "seed %d: %d frames, %.1f Mpx/s, %d late commands%n", sd, s.frames(), s.mpxPerSecond(),
                        s.lateCommands());
                StrictReport.print(out, s.strict());
            }
        }
        if (json) {
            Json.print(out, Map.of("stages", st.name().toLowerCase(Locale.ROOT), "runs", runs, "pooled", pool.pooled()));
        } else {
            StrictReport.printPooled(out, pool.pooled());
        }
        return 0;
    }

    private static void print(PrintWriter out, DemoSummary s) {
        out.println("Sinterscope demo — " + s.source());
        out.printf(Locale.ROOT, "  %d frames, %.0f Mpx in %.1f s: %.1f Mpx/s through the station (%s, %d inspection threads)%n",
                s.frames(), s.megapixels(), s.elapsedSeconds(), s.mpxPerSecond(), s.paced() ? "paced at line speed" : "unpaced",
                s.inspectionThreads());
        out.printf(Locale.ROOT, "  simulator renders %.1f Mpx/s (timed apart)%n", s.simulatorMpxPerSecond());
        out.printf(Locale.ROOT, "  coating CV %.2f %%, rejected %.2f m of web%n", s.coatingCvPercent(), s.rejectedMeters());
        out.printf(Locale.ROOT, "  injected %d defects: %d detected, %d rejected in time, %d missed%n",
                s.injectedDefects(), s.detectedInjected(), s.rejectedInjected(), s.missedInjected());
        out.printf(Locale.ROOT, "  false rejects %d, late commands %d, frames not inspected %d, alarms %d%n",
                s.falseRejects(), s.lateCommands(), s.failedFrames(), s.alarms());
        out.printf(Locale.ROOT, "  latency frame complete → command at actuator: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                s.latencyMs().get("p50"), s.latencyMs().get("p99"), s.latencyMs().get("max"));
        printStages(out, s);
        printHeadroom(out, s.headroom());
        var a = s.actuation();
        out.printf(Locale.ROOT, "  actuation over %s: %d commands, %d sent (%d resends, %d refused), %d acknowledged, %d fired, %d late, "
                        + "%d failed%n", a.links(), a.commands(), a.sends(), a.resends(), a.sendFailures(), a.acknowledged(), a.fired(),
                a.late(), a.failed());
        out.printf(Locale.ROOT, "  fail-safe: %d widened, %d alarms, %d line stops; %d frames skipped (station behind), "
                        + "%d commands for uninspected segments, %d in flight at the end%n", a.widened(), a.alarms(), a.lineStops(),
                s.framesSkipped(), a.uninspected(), a.inFlight());
        out.println("  by class:   injected detected rejected missed false-rejects");
        s.byClass().forEach((c, v) -> out.printf(Locale.ROOT, "    %-11s %8d %8d %8d %6d %13d%n",
                c, v.injected(), v.detected(), v.rejected(), v.missed(), v.falseRejects()));
        DemoSummary.CrackSummary k = s.cracks();
        if (k != null) {
            out.printf(Locale.ROOT, "  sintered stage: %d frames, %d with cracks, %d with detections; crack recall %.3f (%d of %d)%n",
                    k.frames(), k.framesWithCracks(), k.framesWithDetections(), k.recall(), k.detectedCracks(), k.injectedCracks());
            out.printf(Locale.ROOT, "  crack length: measured %.1f mm vs true %.1f mm (%+.1f %%), mean per-frame |error| %.1f %%%n",
                    k.measuredLengthMm(), k.trueLengthMm(), 100 * k.lengthErrorRelative(), 100 * k.meanFrameLengthErrorRelative());
        }
        StrictReport.print(out, s.strict());
        printClassifier(out, s.classifier());
        DemoSummary.FoilSummary f = s.foil();
        if (f != null) {
            out.printf(Locale.ROOT, "  foil %s: %d of %d profilometer traces judged, %d failing (alarm), %d quarantined;"
                    + " Ra mean %.3f µm, min %.3f µm%n", f.lot(), f.judged(), f.traces(), f.failed(), f.quarantined(),
                    f.meanRaUm(), f.minRaUm());
        }
        DemoSummary.FurnaceSummary fu = s.furnace();
        if (fu != null) {
            out.printf(Locale.ROOT, "  furnace: excursions injected %d, flagged %d, rejected in time %d; %d readings placed, "
                    + "%d web stretches judged, %d violating; max %.1f °C seen, %.1f °C allowed; %d furnace command(s) late%n",
                    fu.injected(), fu.flagged(), fu.rejectedInTime(), fu.readings(), fu.stretches(), fu.violating(), fu.maxSeenC(),
                    fu.maxAllowedC(), fu.lateCommands());
            for (DemoSummary.FurnaceExcursion x : fu.excursions()) {
                out.printf(Locale.ROOT, "    %-11s %-4s web %6.2f–%6.2f m  flagged %-5s rejected in time %s%n", x.kind(), x.zone(),
                        x.webFromMm() / 1000, x.webToMm() / 1000, x.flagged(), x.rejectedInTime());
            }
        }
        DemoSummary.XrdSummary x = s.xrd();
        if (x != null) {
            out.printf(Locale.ROOT, "  XRD samples: %d analysed, %d amorphous, %d crystalline (expected %d / %d)%n", x.analysed(),
                    x.amorphous(), x.crystalline(), x.expectedAmorphous(), x.expectedCrystalline());
        }
        out.flush();
    }

    private static void printStages(PrintWriter out, DemoSummary s) {
        if (s.stages() == null) {
            return;
        }
        out.println("  stages (strict: whole extent rejected in time by the stage's own actuators; detection = class + overlap):");
        out.println("    stage     camera        offset-mm actuators          frames    Mpx injected detected rejected missed"
                + " false-rej late p99-ms");
        s.stages().forEach((name, g) -> out.printf(Locale.ROOT, "    %-9s %-13s %9.0f %-18s %6d %6.0f %8d %8d %8d %6d %9d %4d %6.0f%n", name,
                g.camera(), g.offsetMm(), String.join(",", g.actuators()), g.frames(), g.megapixels(), g.injected(), g.detected(),
                g.rejected(), g.missed(), g.falseRejects(), g.lateCommands(), g.latencyMs().getOrDefault("p99", Double.NaN)));
    }

    private static void printHeadroom(PrintWriter out, Headroom h) {
        if (h == null) {
            return;
        }
        out.printf(Locale.ROOT, "  headroom: inspection pool busy %.0f %% of wall time, frame queue at most %d deep, longest wait %.0f ms,"
                + " %d behind-the-line alarms%n", 100 * h.inspectionBusyFraction(), h.maxFrameQueueDepth(), h.maxFrameWaitMs(),
                h.behindAlarms());
        out.printf(Locale.ROOT, "  simulator: %d frames rendered ahead (%.1f ms of its CPU a frame); the camera waited %.2f s for it,"
                + " %d frames late%n", h.simulatorBufferFrames(), h.simulatorCpuMsPerFrame(), h.simulatorWaitSeconds(), h.simulatorLateFrames());
        MemorySnapshot m0 = h.memoryStart();
        MemorySnapshot m1 = h.memoryEnd();
        out.printf(Locale.ROOT, "  memory: resident %.0f MB → %.0f MB (peak %.0f), outside the heap %.0f MB → %.0f MB, "
                + "JavaCPP %.0f MB → %.0f MB%n", m0.rssMb(), m1.rssMb(), h.peakRssMb(), m0.nativeMb(), m1.nativeMb(), m0.javacppMb(),
                m1.javacppMb());
    }

    private static void printClassifier(PrintWriter out, ClassifierSummary c) {
        if (c == null) {
            return;
        }
        out.println("  classifier: " + c.bundle() + (c.note().isEmpty() ? "" : " — " + c.note()));
        out.printf(Locale.ROOT, "    %d candidates (%s): %d look-alikes suppressed, %d uncertain; %d look-alikes on the web%n",
                c.candidates(), c.classifiedDetectors(), c.lookalikesSuppressed(), c.uncertain(), c.lookalikesOnWeb());
        out.println("    same frames decided  false-rejects  from-look-alikes  rejected-m  lowest-class-recall");
        for (var e : List.of(Map.entry("without classifier", c.withoutClassifier()),
                Map.entry("with classifier", c.withClassifier()))) {
            LineFigures f = e.getValue();
            out.printf(Locale.ROOT, "    %-20s %13d %17d %11.2f %20.3f%n", e.getKey(), f.falseRejects(),
                    f.falseRejectsFromLookalikes(), f.rejectedMeters(), f.minRecall());
        }
    }
}
