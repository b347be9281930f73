package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.RollInfo;
import org.sinterscope.review.store.StoreSettings;
import org.sinterscope.review.store.Views;
import org.sinterscope.review.web.ReviewApp;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.actuator.ActuationCounts;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.routes.assembly.SettingsCheck;
import org.sinterscope.routes.assembly.StationAssembly;
import org.sinterscope.routes.assembly.StationParts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code sinterscope run}: the station as a long-running service. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the station from a settings file until SIGTERM or Ctrl-C (or, with a camera whose",
                "sinterscope.camera.<id>.watch is false, until its folder is empty). The settings are checked first:",
                "unknown keys, wrong types, missing values or files, actuators without a link exit 2 before anything",
                "starts. On SIGTERM/Ctrl-C the station stops taking frames, finishes those it has, journals and sends",
                "every decided command, flushes the store and exits 0 within sinterscope.shutdown.grace-ms.",
                "Keys: docs/configuration.md."})
final class RunCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Station settings (properties).")
    Path config;

    @Option(names = "--json", description = "Print one JSON object (the run's summary, or the error).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        StationParts parts = new StationParts();
        List<SettingsCheck.Problem> problems = SettingsCheck.check(config, Map.of(), parts.cameraTypes(), parts.encoderTypes());
        if (!problems.isEmpty()) {
            return invalid(out, problems);
        }
        StationSettings settings = StationSettings.load(config, Map.of());
        try {
            LogFormat.apply(settings.get(LogFormat.KEY));
        } catch (IllegalArgumentException e) {
            return invalid(out, List.of(new SettingsCheck.Problem(LogFormat.KEY, config.toString(), e.getMessage())));
        }
        LocalActuators.plugIfNeeded(settings, parts);
        Duration grace = Duration.ofMillis(Long.parseLong(settings.get("sinterscope.shutdown.grace-ms")));
        DefectStore store = settings.getBoolean("sinterscope.store.enabled")
                ? DefectStore.open(StoreSettings.from(settings)) : null;
        CountDownLatch stop = new CountDownLatch(1);
        var oldTerm = Signal.handle(new Signal("TERM"), sig -> stop.countDown());
        var oldInt = Signal.handle(new Signal("INT"), sig -> stop.countDown());
        Map<String, Object> summary = new LinkedHashMap<>();
        try {
            String roll = null;
            if (store != null) {
                roll = openRoll(store, settings, parts);
                parts.store(store, store.cropSink());
                summary.put("roll", roll);
            }
            List<String> undone;
            RunLedger ledger;
            ActuationCounts counts;
            try (AssembledStation station = StationAssembly.assemble(settings, parts)) {
                ledger = station.beans().ledger();
                station.start();
                int port = Integer.parseInt(settings.get("sinterscope.metrics.port"));
                boolean web = store != null && Integer.parseInt(settings.get("sinterscope.web.port")) >= 0;
                try (OpsServer ops = port < 0 ? null : OpsServer.start(station.metrics(), settings.get("sinterscope.metrics.host"), port);
                     ReviewApp app = web ? StationWeb.start(store, settings, station.metrics()) : null) {
                    LOG.info("station {} running: {}{}", settings.stationId(), station.beans().source().describe(),
                            ops == null ? "" : "; metrics on http://" + settings.get("sinterscope.metrics.host") + ":" + ops.port() + "/metrics");
                    // a finite source (watch = false) ends the run by itself
                    while (!stop.await(200, TimeUnit.MILLISECONDS) && !ledger.sourceFinished()) {
                        // waiting for SIGTERM / Ctrl-C
                    }
                    LOG.info("stopping: no more frames; finishing {} frames in the station (grace {} s)",
                            ledger.framesIn() - ledger.verdicts(), grace.toSeconds());
                    undone = station.drain(grace);
                    counts = station.station().actuation().counts();
                }
            }
            summary.put("framesIn", ledger.framesIn());
            summary.put("framesInspected", ledger.framesInspected());
            summary.put("verdicts", ledger.verdicts());
            summary.put("rejectingVerdicts", ledger.rejectingVerdicts());
            summary.put("commands", counts.commands());
            summary.put("commandsOpen", counts.inFlight());
            summary.put("alarms", ledger.alarms().size());
            summary.put("undone", undone);
            if (json) {
                Json.print(out, summary);
            } else {
                out.printf("station stopped: %d frames in, %d decided (%d rejecting), %d commands (%d still open, kept in the"
                                + " journal)%s%n", ledger.framesIn(), ledger.verdicts(), ledger.rejectingVerdicts(), counts.commands(),
                        counts.inFlight(), undone.isEmpty() ? "" : "; not done: " + String.join("; ", undone));
            }
            out.flush();
            return undone.isEmpty() ? 0 : 1;
        } finally {
            Signal.handle(new Signal("TERM"), oldTerm);
            Signal.handle(new Signal("INT"), oldInt);
            if (store != null) {
                store.close();
            }
        }
    }

    private int invalid(PrintWriter out, List<SettingsCheck.Problem> problems) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("error", "invalid station settings: " + problems.get(0));
            doc.put("problems", problems.stream().map(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", p.key());
                m.put("file", p.file());
                m.put("message", p.message());
                return m;
            }).toList());
            Json.print(out, doc);
            out.flush();
        } else {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sinterscope run: invalid station settings:");
            problems.forEach(p -> err.println("  " + p));
            err.flush();
        }
        return 2;
    }

    /** Resumes this station's latest roll (unless sinterscope.roll.new), else opens a new one; the parts start where it ended. */
    private static String openRoll(DefectStore store, StationSettings s, StationParts parts) {
        String station = s.stationId();
        var recipe = StationAssembly.recipe(s);
        if (!s.getBoolean("sinterscope.roll.new")) {
            for (Views.Roll r : store.queries().rolls()) {
                if (r.stationId().equals(station)) {
                    store.openRoll(new RollInfo(r.id(), r.stationId(), r.product(), r.lot(), r.foilWidthMm(), r.viewX0Mm(),
                            r.viewX1Mm(), r.startedAt()));
                    parts.startAtMm(Math.max(0, r.lengthMm()));
                    LOG.info("resuming roll {} at y {} mm", r.id(), r.lengthMm());
                    return r.id();
                }
            }
        }
        String id = station + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String lot = s.getOrDefault("sinterscope.roll.lot", id);
        double width = Double.parseDouble(s.get("sinterscope.roll.foil-width-mm"));
        double x0 = Double.parseDouble(s.get("sinterscope.camera.x0-mm"));
        store.openRoll(new RollInfo(id, station, recipe.product(), lot, width, x0, x0 + width, Instant.now()));
        LOG.info("new roll {}", id);
        return id;
    }
}
