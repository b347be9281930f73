package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.folder.ImageFolderSource;
import org.sinterscope.camera.folder.Quarantine;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.inspection.coating.CoatingInspector;
import org.sinterscope.inspection.coating.CoatingInspectorConfig;
import org.sinterscope.routes.InspectionStage;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.Station;
import org.sinterscope.routes.StationBeans;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.VerdictDecider;
import org.sinterscope.simulator.plc.InProcessPlc;
import org.sinterscope.simulator.plc.PlcSimulator;
import org.sinterscope.routes.reject.RejectTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sinterscope inspect}: the station's routes over a folder of coated-web images. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Runs the station over a folder of line-scan images (PNG, TIFF, BMP, JPEG; 8/16-bit), taken in",
                "file-name order as consecutive stretches of web, and prints the verdict of each. Files that cannot be",
                "read are moved to the quarantine folder with the reason, and the run goes on."})
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images.")
    Path images;

    @Option(names = "--quarantine", paramLabel = "DIR", description = "Where unreadable files go (default: DIR/quarantine).")
    Path quarantineDir;

    @Option(names = "--pixel-um", defaultValue = "50", description = "Pixel pitch, µm/px, both directions (default ${DEFAULT-VALUE}).")
    double pixelUm;

    @Option(names = "--x0-mm", defaultValue = "0", description = "Web x of the first pixel column, mm (default ${DEFAULT-VALUE}).")
    double x0Mm;

    @Option(names = "--recipe", paramLabel = "FILE", description = "Recipe JSON (default: the built-in one).")
    Path recipe;

    @Option(names = "--config", paramLabel = "FILE", description = "Station settings (properties).")
    Path config;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        StationSettings settings = StationSettings.load(config, Map.of());
        Quarantine quarantine = new Quarantine(quarantineDir != null ? quarantineDir : images.resolve("quarantine"));
        SimulatedEncoder encoder = SimulatedEncoder.freeRunning();
        ImageFolderSource folder = new ImageFolderSource(images, quarantine, "folder", PixelPitch.square(pixelUm), x0Mm);
        FrameSource source = new FrameSource() {
            @Override
            public boolean hasNext() {
                return folder.hasNext();
            }

            @Override
            public Frame next() {
                Frame f = folder.next();
                encoder.advanceTo(f.yEndMm()); // the web has moved past the camera by this frame
                return f;
            }

            @Override
            public String describe() {
                return folder.describe();
            }

            @Override
            public void close() {
                folder.close();
            }
        };
        RunLedger ledger = new RunLedger(true);
        PlcSimulator plc = new PlcSimulator(encoder);
        StationBeans beans = new StationBeans(source, new InspectionStage(new CoatingInspector(CoatingInspectorConfig.defaults())),
                new VerdictDecider(RecipeLoader.loadOrDefault(recipe)),
                new RejectTracker(settings.stationId(), settings.actuatorId(), settings.actuatorDistanceMm(), encoder), ledger);
        try (source; Station station = Station.start(beans, settings.asMap(), new InProcessPlc(plc))) {
            ledger.awaitAllDecided(Duration.ofHours(1));
        }
        List<SegmentVerdict> verdicts = new ArrayList<>(ledger.verdictList());
        verdicts.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("frames", ledger.framesInspected());
            doc.put("rejectingFrames", ledger.rejectingVerdicts());
            doc.put("verdicts", verdicts.stream().map(v -> Map.of("sequence", v.sequence(), "y0Mm", v.y0Mm(), "y1Mm", v.y1Mm(),
                    "reject", v.reject(), "reasons", v.reasons(), "defects", v.defects().size())).toList());
            doc.put("quarantined", quarantine.entries().stream().map(e -> Map.of("file", e.moved().toString(), "reason", e.reason())).toList());
            Json.print(out, doc);
        } else {
            for (SegmentVerdict v : verdicts) {
                out.printf(Locale.ROOT, "frame %d  y %.1f–%.1f mm  %s%s%n", v.sequence(), v.y0Mm(), v.y1Mm(),
                        v.reject() ? "REJECT" : "pass", v.reasons().isEmpty() ? "" : "  " + String.join("; ", v.reasons()));
            }
            for (Quarantine.Entry e : quarantine.entries()) {
                out.println("quarantined " + e.moved() + ": " + e.reason());
            }
            out.printf(Locale.ROOT, "%d frames, %d rejecting, %d files quarantined%n", ledger.framesInspected(),
                    ledger.rejectingVerdicts(), quarantine.entries().size());
        }
        out.flush();
        return 0;
    }
}
