package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.camera.folder.ImageFolderSource;
import org.sinterscope.camera.folder.Quarantine;
import org.sinterscope.inspection.SegmentVerdict;
import org.sinterscope.routes.RunLedger;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.assembly.AssembledStation;
import org.sinterscope.routes.assembly.CameraSpec;
import org.sinterscope.routes.assembly.Encoders;
import org.sinterscope.routes.assembly.Sources;
import org.sinterscope.routes.assembly.StationParts;
import org.sinterscope.routes.assembly.StationAssembly;
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

    /** The camera id of the folder's frames. */
    static final String CAMERA = "folder";

    @Override
    public Integer call() throws Exception {
        Path quarantineFolder = quarantineDir != null ? quarantineDir : images.resolve("quarantine");
        Map<String, String> o = new HashMap<>();
        o.put("sinterscope.cameras", CAMERA);
        o.put(CameraSpec.key(CAMERA, "type"), Sources.FILES);
        o.put(CameraSpec.key(CAMERA, "stage"), "coating");
        o.put(CameraSpec.key(CAMERA, "folder"), images.toString());
        o.put(CameraSpec.key(CAMERA, "quarantine-dir"), quarantineFolder.toString());
        o.put(CameraSpec.key(CAMERA, "pixel-um"), Double.toString(pixelUm));
        o.put(CameraSpec.key(CAMERA, "x0-mm"), Double.toString(x0Mm));
        o.put("sinterscope.encoder.type", Encoders.CAMERA_LINES);
        if (recipe != null) {
            o.put("sinterscope.recipe", recipe.toString());
        }
        StationSettings settings = StationSettings.load(config, o);
        ImageFolderSource[] folder = new ImageFolderSource[1];
        StationParts parts = new StationParts().keepDetail(true).source(Sources.FILES,
                (c, st, enc) -> folder[0] = (ImageFolderSource) Sources.builtIn().get(Sources.FILES).open(c, st, enc));
        LocalActuators.plugIfNeeded(settings, parts);
        RunLedger ledger;
        try (AssembledStation station = StationAssembly.assemble(settings, parts)) {
            ledger = station.beans().ledger();
            station.start();
            ledger.awaitAllDecided(Duration.ofHours(1));
        }
        Quarantine quarantine = folder[0].quarantine();
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
