package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.Frame;
import org.sinterscope.simulator.line.InjectedDefect;
import org.sinterscope.simulator.line.SimulatedEncoder;
import org.sinterscope.simulator.line.SimulatedFrame;
import org.sinterscope.simulator.line.SimulatedLine;
import org.sinterscope.simulator.line.SimulatedLineConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope simulate}: the simulated line as image files and ground truth, for the hot-folder path. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Writes the seeded simulated electrode line as PNG files (frame-000000.png, ...; each file",
                "written whole, then renamed, so a hot folder never sees half a file) and its ground truth as",
                "truth.json (frames with their web position, injected defects with class and web bounds, mm)."})
final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--meters", defaultValue = "2", description = "Web length, m (default ${DEFAULT-VALUE}).")
    double meters;

    @Option(names = "--seed", defaultValue = "7", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--defect-rate", defaultValue = "1", paramLabel = "PER_M", description = "Defects per metre (default ${DEFAULT-VALUE}).")
    double defectRate;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the images and truth.json (made if missing).")
    Path out;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!(meters > 0) || meters > 1000) {
            throw new ParameterException(spec.commandLine(), "--meters must be in (0, 1000], got " + meters);
        }
        SimulatedLineConfig cfg = SimulatedLineConfig.defaults().withLengthM(meters).withSeed(seed).withDefectRatePerM(defectRate);
        Files.createDirectories(out);
        List<Map<String, Object>> frames = new ArrayList<>();
        List<Map<String, Object>> defects = new ArrayList<>();
        try (SimulatedLine line = new SimulatedLine(cfg, SimulatedEncoder.freeRunning())) {
            for (InjectedDefect d : line.plan().defects()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("class", d.defectClass().name().toLowerCase(Locale.ROOT));
                m.put("x0Mm", d.bounds().x0Mm());
                m.put("y0Mm", d.bounds().y0Mm());
                m.put("x1Mm", d.bounds().x1Mm());
                m.put("y1Mm", d.bounds().y1Mm());
                m.put("sizeMm", d.sizeMm());
                defects.add(m);
            }
            while (line.hasNext()) {
                try (Frame f = line.next()) {
                    String name = String.format(Locale.ROOT, "frame-%06d.png", f.sequence());
                    Path part = out.resolve("." + name + ".part");
                    MatOfByte png = new MatOfByte();
                    try {
                        if (!Imgcodecs.imencode(".png", f.image(), png)) {
                            throw new IllegalStateException("could not encode frame " + f.sequence() + " as PNG");
                        }
                        Files.write(part, png.toArray());
                    } finally {
                        png.release();
                    }
                    Files.move(part, out.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                    frames.add(Map.of("file", name, "sequence", f.sequence(), "y0Mm", f.yStartMm(), "y1Mm", f.yEndMm()));
                }
            }
        }
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("seed", seed);
        truth.put("meters", meters);
        truth.put("cameraId", cfg.cameraId());
        truth.put("pixelUm", cfg.pitch().xUmPerPx());
        truth.put("x0Mm", cfg.xOriginMm());
        truth.put("frameWidthPx", cfg.frameWidthPx());
        truth.put("frameHeightPx", cfg.frameHeightPx());
        truth.put("frames", frames);
        truth.put("defects", defects);
        Files.writeString(out.resolve("truth.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(truth));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            Json.print(o, Map.of("out", out.toString(), "frames", frames.size(), "defects", defects.size(), "truth",
                    out.resolve("truth.json").toString()));
        } else {
            o.printf(Locale.ROOT, "%d frames (%s µm/px, x0 %.1f mm) and truth.json with %d defects in %s%n", frames.size(),
                    cfg.pitch().xUmPerPx(), cfg.xOriginMm(), defects.size(), out);
        }
        o.flush();
        return 0;
    }
}
