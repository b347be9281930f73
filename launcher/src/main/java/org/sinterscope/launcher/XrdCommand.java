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

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.lab.XrdFormatException;
import org.sinterscope.camera.lab.XrdPattern;
import org.sinterscope.camera.lab.XrdReaders;
import org.sinterscope.inspection.xrd.XrdAnalyzer;
import org.sinterscope.inspection.xrd.XrdHalo;
import org.sinterscope.inspection.xrd.XrdPeak;
import org.sinterscope.inspection.xrd.XrdPlot;
import org.sinterscope.inspection.xrd.XrdResult;
import org.sinterscope.inspection.xrd.XrdSettings;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.StoreSettings;
import org.sinterscope.review.store.XrdRecord;
import org.sinterscope.routes.StationSettings;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.routes.decide.RecipeLoader;
import org.sinterscope.routes.decide.SinteringLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sinterscope xrd FILE...}: the amorphous check of lab powder-diffraction scans (two-column
 * text / CSV, PANalytical XRDML) against the recipe's crystallinity limit.
 *
 * <p>Every scan must be tagged with its roll and web position (in the file, or by {@code --roll} and
 * {@code --y-mm}). A file that cannot be read or judged is reported with its reason and line; the
 * others still print. Exit code 0 when every scan was judged (whatever the verdicts), 1 when any
 * failed, 2 on bad usage (bad option values, a recipe that cannot be read).
 */
@Command(name = "xrd", mixinStandardHelpOptions = true,
        description = {"Amorphous check of lab XRD scans: background + halo fit, sharp Si (and recipe) reflections,",
                "crystallinity index = sharp peak area / (sharp + halo area), Scherrer size per peak, verdict against the recipe."})
public final class XrdCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(XrdCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scans (.xrdml, .csv, .xy, .txt, .dat).")
    List<Path> files;

    @Option(names = "--recipe", paramLabel = "FILE",
            description = "Product recipe (JSON) whose sintering section gives the limit and extra reflections (default: built-in).")
    Path recipe;

    @Option(names = "--roll", description = "Roll id of scans whose file does not name one.")
    String roll;

    @Option(names = "--y-mm", paramLabel = "Y", description = "Web position of the sample, mm, for scans whose file does not give one.")
    Double yMm;

    @Option(names = "--instrument-fwhm-deg", paramLabel = "F",
            description = "Instrumental broadening FWHM, degrees 2θ (default ${DEFAULT-VALUE}).", defaultValue = "0.08")
    double instrumentFwhmDeg;

    @Option(names = "--wavelength-a", paramLabel = "L",
            description = "Wavelength for scans that do not state one, Å (default ${DEFAULT-VALUE}, Cu Kα1).", defaultValue = "1.5406")
    double wavelengthA;

    @Option(names = "--background-degree", paramLabel = "N",
            description = "Degree of the Chebyshev background, 0-4 (default ${DEFAULT-VALUE}).", defaultValue = "2")
    int backgroundDegree;

    @Option(names = "--plot", paramLabel = "DIR", description = "Write a PNG of each fit into DIR.")
    Path plotDir;

    @Option(names = "--store", description = "Keep each judged scan with its roll in the station's defect store "
            + "(sinterscope.store.*, see --config).")
    boolean store;

    @Option(names = "--config", paramLabel = "FILE", description = "Station settings file (for --store).")
    Path config;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        XrdSettings settings;
        Recipe r;
        XrdPattern.SampleTag given;
        try {
            r = RecipeLoader.loadOrDefault(recipe);
            settings = XrdSettings.defaults().withInstrumentFwhmDeg(instrumentFwhmDeg).withWavelengthA(wavelengthA)
                    .withBackgroundDegree(backgroundDegree);
            SinteringLimits sl = r.sintering();
            if (sl != null) {
                settings = settings.withExtraReflections(sl.xrdReflections());
                if (!Double.isNaN(sl.xrdMaxCrystallinity())) {
                    settings = settings.withCrystallinityLimit(sl.xrdMaxCrystallinity());
                }
            }
            given = new XrdPattern.SampleTag(roll, yMm == null ? Double.NaN : yMm, null);
            if (plotDir != null) {
                Files.createDirectories(plotDir);
            }
        } catch (IllegalArgumentException | IOException e) {
            return usageError(out, e.getMessage());
        }
        List<Map<String, Object>> scans = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        DefectStore db = null;
        if (store) {
            try {
                db = DefectStore.open(StoreSettings.from(StationSettings.load(config, Map.of())));
            } catch (RuntimeException e) {
                return usageError(out, "cannot open the defect store: " + e.getMessage());
            }
        }
        try {
            judgeAll(out, settings, given, scans, failures, db);
        } finally {
            if (db != null) {
                try {
                    if (!db.flush(java.time.Duration.ofSeconds(30))) {
                        failures.add(Map.of("reason", "the defect store did not write every result within 30 s"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                db.close();
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("recipe", r.product());
            doc.put("alloy", r.sintering() == null ? null : r.sintering().alloy());
            doc.put("crystallinityLimit", settings.crystallinityLimit());
            doc.put("settings", settings(settings));
            doc.put("scans", scans);
            doc.put("failures", failures);
            doc.put("ok", failures.isEmpty());
            Json.print(out, doc);
        } else {
            out.printf(Locale.ROOT, "%d scan(s) judged%s, %d failed%n", scans.size(), db == null ? "" : " and stored",
                    failures.size());
            out.flush();
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private void judgeAll(PrintWriter out, XrdSettings settings, XrdPattern.SampleTag given, List<Map<String, Object>> scans,
                          List<Map<String, Object>> failures, DefectStore db) {
        for (Path file : files) {
            List<XrdPattern> patterns;
            try {
                patterns = XrdReaders.forFile(file).read(file);
            } catch (XrdFormatException e) {
                failures.add(failure(out, file, e.line(), e.problem()));
                continue;
            }
            for (XrdPattern p : patterns) {
                try {
                    XrdPattern tagged = p.withTagFallback(given);
                    if (tagged.tag().rollId() == null || Double.isNaN(tagged.tag().yMm())) {
                        throw new IllegalArgumentException("the scan is not tagged with its "
                                + (tagged.tag().rollId() == null ? "roll" : "web position")
                                + " (put '# roll: ID' and '# y_mm: Y' in a text file, 'roll: ID' and 'y_mm: Y' comment entries "
                                + "in XRDML, or give --roll and --y-mm)");
                    }
                    XrdResult res = XrdAnalyzer.analyze(tagged, settings);
                    Map<String, Object> entry = entry(file, res);
                    if (plotDir != null) {
                        entry.put("plot", plot(res, file, patterns.size() > 1 ? patterns.indexOf(p) + 1 : 0).toString());
                    }
                    scans.add(entry);
                    if (db != null) {
                        db.saveXrdResult(new XrdRecord(res.tag().rollId(), res.tag().yMm(), res.tag().sampleId(), res.source(),
                                java.time.Instant.now(), res.crystallinityIndex(), res.crystallinityStdErr(), res.limit(),
                                res.verdict().name(), peaksJson(entry)));
                    }
                    if (!json) {
                        printHuman(out, res, entry);
                    }
                } catch (IllegalArgumentException | IOException e) {
                    String msg = e.getMessage().startsWith(p.source() + ": ") ? e.getMessage().substring(p.source().length() + 2)
                            : e.getMessage();
                    failures.add(failure(out, Path.of(p.source()), 0, msg));
                }
            }
        }
    }

    private static String peaksJson(Map<String, Object> entry) {
        try {
            return Json.mapper().writer().writeValueAsString(entry.get("peaks"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the peaks as JSON: " + e.getMessage(), e);
        }
    }

    private int usageError(PrintWriter out, String message) {
        LOG.error(message);
        if (json) {
            Json.print(out, Map.of("error", message));
        } else {
            spec.commandLine().getErr().println("sinterscope xrd: " + message);
        }
        return 2;
    }

    private Path plot(XrdResult res, Path file, int scan) throws IOException {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "") + (scan > 0 ? "-scan" + scan : "");
        Path png = plotDir.resolve(base + ".png");
        Mat img = XrdPlot.render(res);
        MatOfByte buf = new MatOfByte();
        try {
            if (!Imgcodecs.imencode(".png", img, buf)) {
                throw new IOException("cannot encode the plot as PNG");
            }
            Files.write(png, buf.toArray());
        } finally {
            buf.release();
            img.release();
        }
        return png;
    }

    private Map<String, Object> failure(PrintWriter out, Path file, int line, String reason) {
        LOG.warn("{}{}: {}", file, line > 0 ? ": line " + line : "", reason);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file.toString());
        if (line > 0) {
            f.put("line", line);
        }
        f.put("reason", reason);
        if (!json) {
            out.println("FAILED " + file + (line > 0 ? ": line " + line : "") + ": " + reason);
            out.println();
        }
        return f;
    }

    private static Map<String, Object> entry(Path file, XrdResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("scan", r.source());
        m.put("roll", r.tag().rollId());
        m.put("yMm", r.tag().yMm());
        m.put("sample", r.tag().sampleId());
        m.put("wavelengthA", r.wavelengthA());
        m.put("crystallinityIndex", num(r.crystallinityIndex()));
        m.put("crystallinityStdErr", num(r.crystallinityStdErr()));
        m.put("sharpArea", num(r.sharpArea()));
        m.put("haloArea", num(r.haloArea()));
        m.put("limit", r.limit());
        m.put("verdict", r.verdict().name());
        List<Map<String, Object>> peaks = new ArrayList<>();
        for (XrdPeak p : r.peaks()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("twoThetaDeg", p.twoThetaDeg());
            pm.put("fwhmDeg", p.fwhmDeg());
            pm.put("area", num(p.area()));
            pm.put("areaStdErr", num(p.areaStdErr()));
            pm.put("height", num(p.height()));
            pm.put("eta", p.eta());
            pm.put("crystalliteSizeNm", num(p.crystalliteSizeNm()));
            pm.put("reflection", p.reflection());
            pm.put("substrate", p.substrate());
            peaks.add(pm);
        }
        m.put("peaks", peaks);
        List<Map<String, Object>> halos = new ArrayList<>();
        for (XrdHalo h : r.halos()) {
            halos.add(new LinkedHashMap<>(Map.of("twoThetaDeg", h.twoThetaDeg(), "fwhmDeg", h.fwhmDeg(), "area", h.area())));
        }
        m.put("halos", halos);
        m.put("reducedChi2", num(r.reducedChi2()));
        m.put("notes", r.notes());
        return m;
    }

    private static Map<String, Object> settings(XrdSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wavelengthA", s.wavelengthA());
        m.put("scherrerK", s.scherrerK());
        m.put("instrumentFwhmDeg", s.instrumentFwhmDeg());
        m.put("backgroundDegree", s.backgroundDegree());
        m.put("haloCentersCuDeg", s.haloCentersCuDeg());
        m.put("maxSharpFwhmDeg", s.maxSharpFwhmDeg());
        m.put("detectionSigma", s.detectionSigma());
        m.put("reflections", s.reflections().stream().map(x -> x.name() + "@" + x.twoThetaCuDeg()).toList());
        m.put("substrateReflections", s.substrateReflections().stream().map(x -> x.name() + "@" + x.twoThetaCuDeg()).toList());
        return m;
    }

    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void printHuman(PrintWriter out, XrdResult r, Map<String, Object> entry) {
        out.println(r.source());
        out.printf(Locale.ROOT, "  roll %s, y = %.1f mm%s, λ %.4f Å%n", r.tag().rollId(), r.tag().yMm(),
                r.tag().sampleId() == null ? "" : ", sample " + r.tag().sampleId(), r.wavelengthA());
        out.printf(Locale.ROOT, "  crystallinity index %.4f ± %.4f (sharp area %.1f, halo area %.1f)%n", r.crystallinityIndex(),
                Double.isNaN(r.crystallinityStdErr()) ? 0 : r.crystallinityStdErr(), r.sharpArea(), r.haloArea());
        for (XrdHalo h : r.halos()) {
            out.printf(Locale.ROOT, "  halo  2θ %7.3f°  FWHM %6.3f°  area %.1f%n", h.twoThetaDeg(), h.fwhmDeg(), h.area());
        }
        for (XrdPeak p : r.peaks()) {
            out.printf(Locale.ROOT, "  peak  2θ %7.3f°  FWHM %6.3f°  area %.1f  size %s  %s%n", p.twoThetaDeg(), p.fwhmDeg(),
                    p.area(), Double.isNaN(p.crystalliteSizeNm()) ? "n/a (not broader than the instrument)"
                            : String.format(Locale.ROOT, "%.1f nm", p.crystalliteSizeNm()),
                    p.reflection() == null ? "unassigned" : p.reflection() + (p.substrate() ? " (substrate, not counted)" : ""));
        }
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        if (entry.containsKey("plot")) {
            out.println("  plot: " + entry.get("plot"));
        }
        out.printf(Locale.ROOT, "  verdict: %s (CI %.4f %s limit %.4f)%n%n", r.verdict() == XrdResult.Verdict.AMORPHOUS
                ? "substantially amorphous" : "CRYSTALLINE", r.crystallinityIndex(),
                r.verdict() == XrdResult.Verdict.AMORPHOUS ? "<=" : ">", r.limit());
        out.flush();
    }
}
