package org.sinterscope.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.gige.GigeCamera;
import org.sinterscope.camera.gige.GigeDevices;
import org.sinterscope.camera.gige.GigeException;
import org.sinterscope.camera.gige.GigeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sinterscope camera}: GigE Vision cameras through Aravis (list, info, grab). */
@Command(name = "camera", mixinStandardHelpOptions = true,
        description = "GigE Vision line cameras through Aravis (Debian package libaravis-0.8-0).",
        subcommands = {CameraCommand.ListCmd.class, CameraCommand.InfoCmd.class, CameraCommand.GrabCmd.class})
final class CameraCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "choose a subcommand: list, info or grab");
    }

    /** Runs {@code body}; a GigE failure becomes one line (or {"error"} with --json) and exit 1. */
    static int guarded(CommandSpec spec, boolean json, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (GigeException e) {
            if (json) {
                Json.print(spec.commandLine().getOut(), Map.of("error", e.getMessage()));
            } else {
                spec.commandLine().getErr().println("sinterscope camera " + spec.name() + ": " + e.getMessage());
            }
            return 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the cameras found: id, vendor, model, serial, address.")
    static final class ListCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON object {devices: [...]}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, json, () -> {
                List<GigeDevices.DeviceInfo> devices = GigeDevices.list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Json.print(out, Map.of("devices", devices));
                    return 0;
                }
                out.printf(Locale.ROOT, "%d camera(s)%n", devices.size());
                devices.forEach(d -> out.printf(Locale.ROOT, "  %-32s %-16s %-24s serial %-16s %s (%s)%n", d.id(), d.vendor(), d.model(),
                        d.serial(), d.address(), d.protocol()));
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "GenICam features of one camera and their values (category tree from Root).")
    static final class InfoCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--device", required = true, paramLabel = "ID", description = "Device id, serial number or IP address.")
        String device;

        @Option(names = "--json", description = "Print one JSON object {device, features: [...]}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, json, () -> {
                List<GigeDevices.Feature> features = GigeDevices.features(device);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("device", device);
                    doc.put("features", features);
                    Json.print(out, doc);
                    return 0;
                }
                String cat = null;
                for (GigeDevices.Feature f : features) {
                    if (!f.category().equals(cat)) {
                        cat = f.category();
                        out.println(cat);
                    }
                    out.printf(Locale.ROOT, "  %-32s %s%n", f.name(), f.value() != null ? f.value() : "(" + f.error() + ")");
                }
                out.flush();
                return 0;
            });
        }
    }

    @Command(name = "grab", mixinStandardHelpOptions = true,
            description = {"Grabs N frames into DIR as 8- or 16-bit PNG with a JSON sidecar (frames.json) of ids, timestamps and y;",
                    "--stats measures throughput (frames/s, Mpx/s, lost buffers) without writing images."})
    static final class GrabCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--device", required = true, paramLabel = "ID", description = "Device id, serial number or IP address.")
        String device;

        @Option(names = "--frames", required = true, paramLabel = "N", description = "Frames to grab (1..1000000).")
        int frames;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PNGs and frames.json (required unless --stats).")
        Path out;

        @Option(names = "--stats", description = "Measure acquisition throughput; with --out also write the frames.")
        boolean stats;

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Camera setting (see docs/camera.md), e.g. --set width=2048 --set height=512 --set feature.AcquisitionFrameRate=1000.")
        Map<String, String> set = new LinkedHashMap<>();

        @Option(names = "--pixel-um", paramLabel = "UM", description = "Pixel pitch across the web, µm (default ${DEFAULT-VALUE}).")
        double pixelUm = 20.0;

        @Option(names = "--json", description = "Print one JSON object: frames written, stats.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (frames < 1 || frames > 1_000_000) {
                throw new ParameterException(spec.commandLine(), "--frames must be in 1..1000000, got " + frames);
            }
            if (out == null && !stats) {
                throw new ParameterException(spec.commandLine(), "--out DIR is required (or --stats)");
            }
            Map<String, String> keys = new LinkedHashMap<>(set);
            keys.put("device", device);
            GigeSettings settings;
            try {
                settings = GigeSettings.fromKeys("cam", keys, pixelUm, 0.0);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            return guarded(spec, json, () -> grab(settings));
        }

        private int grab(GigeSettings settings) throws IOException {
            OpenCvNative.load();
            if (out != null) {
                Files.createDirectories(out);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            double mpx = 0;
            long t0;
            long t1;
            GigeCamera.Stats st;
            try (GigeCamera cam = new GigeCamera(settings, null, null)) {
                t0 = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    try (Frame f = cam.next()) {
                        mpx += f.megapixels();
                        GigeCamera.FrameMeta m = cam.lastMeta();
                        if (out != null) {
                            String name = String.format(Locale.ROOT, "frame-%06d.png", f.sequence());
                            if (!Imgcodecs.imwrite(out.resolve(name).toString(), f.image())) {
                                throw new IOException("cannot write " + out.resolve(name));
                            }
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("file", name);
                            r.put("cameraId", f.cameraId());
                            r.put("frameId", m.frameId());
                            r.put("sequence", m.sequence());
                            r.put("deviceTimestampNs", m.deviceTimestampNs());
                            r.put("hostTimestampNs", m.hostTimestampNs());
                            r.put("hostTimestamp", f.timestamp().toString());
                            r.put("firstLine", m.firstLine());
                            r.put("yStartMm", f.yStartMm());
                            r.put("widthPx", f.widthPx());
                            r.put("heightPx", f.heightPx());
                            r.put("bitDepth", settings.sixteenBit() ? 16 : 8);
                            rows.add(r);
                        }
                    }
                }
                t1 = System.nanoTime();
                st = cam.stats();
            }
            double seconds = (t1 - t0) / 1e9;
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("device", settings.device());
            doc.put("frames", frames);
            doc.put("seconds", seconds);
            doc.put("framesPerSecond", frames / seconds);
            doc.put("megapixelsPerSecond", mpx / seconds);
            doc.put("stats", st);
            if (out != null) {
                Map<String, Object> side = new LinkedHashMap<>();
                side.put("device", settings.device());
                side.put("pixelFormat", settings.pixelFormat());
                side.put("mmPerLine", settings.mmPerLine());
                side.put("frames", rows);
                Json.mapper().writeValue(out.resolve("frames.json").toFile(), side);
                doc.put("out", out.toString());
            }
            PrintWriter w = spec.commandLine().getOut();
            if (json) {
                Json.print(w, doc);
                return 0;
            }
            w.printf(Locale.ROOT, "%d frames in %.2f s: %.1f frames/s, %.1f Mpx/s; buffers completed %d, failed %d, underrun %d;"
                            + " frames lost %d, timeouts %d, packets resent %d, missing %d%s%n", frames, seconds, frames / seconds, mpx / seconds,
                    st.completed(), st.failed(), st.underrun(), st.framesLost(), st.timeouts(), st.resentPackets(), st.missingPackets(),
                    out != null ? "; written to " + out : "");
            w.flush();
            return 0;
        }
    }
}
