package org.sinterscope.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.camera.profile.ArealSurface;
import org.sinterscope.camera.profile.Profile;
import org.sinterscope.camera.profile.ProfileFormatException;
import org.sinterscope.camera.profile.ProfileReader;
import org.sinterscope.camera.profile.ProfileReaders;
import org.sinterscope.camera.profile.X3pProfileReader;
import org.sinterscope.inspection.areal.ArealAnalyzer;
import org.sinterscope.inspection.areal.ArealResult;
import org.sinterscope.inspection.areal.ArealSettings;
import org.sinterscope.inspection.roughness.RoughnessAnalyzer;
import org.sinterscope.inspection.roughness.RoughnessParameters;
import org.sinterscope.inspection.roughness.RoughnessResult;
import org.sinterscope.inspection.roughness.RoughnessSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sinterscope roughness FILE...}: ISO 21920-2 roughness parameters of profilometer readings
 * (CSV, X3P, SMD), with the foil verdict against the product spec Ra ≥ 0.2 µm; for an areal X3P
 * (a matrix on incremental x and y) the ISO 25178-2 areal parameters instead, and optionally the
 * profile parameters of some of its rows ({@code --rows}).
 *
 * <p>Every profile of every file is evaluated; a file (or profile) that fails is reported with its
 * reason and the others still print. Exit code 0 when all were evaluated, 1 when any failed, 2 on bad
 * usage.
 */
@Command(name = "roughness", mixinStandardHelpOptions = true,
        description = {"Roughness parameters (ISO 21920-2, Gaussian filter ISO 16610-21) of profilometer readings:",
                "CSV (x_mm/x_um + z_um/z_nm/z_mm columns, or one z column with --spacing-um), X3P, SMD.",
                "Areal X3P surfaces: ISO 25178-2 areal parameters (form removal, S-/L-filter ISO 16610-61)."})
public final class RoughnessCommand implements Callable<Integer> {

    /** Product spec of the anode foil: Ra ≥ 0.2 µm. */
    public static final double FOIL_RA_MIN_UM = 0.2;

    private static final Logger LOG = LoggerFactory.getLogger(RoughnessCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profile files (.csv, .txt, .x3p, .smd).")
    List<Path> files;

    @Option(names = "--cutoff-mm", defaultValue = "0.8", description = "Cutoff λc, mm (default ${DEFAULT-VALUE}).")
    double cutoffMm;

    @Option(names = "--lambda-s-um", defaultValue = "2.5",
            description = "Short-wave cutoff λs, µm; 0 = off (default ${DEFAULT-VALUE}).")
    double lambdaSUm;

    @Option(names = "--no-filter", description = "Evaluate the profile as read: no form removal, no filters.")
    boolean noFilter;

    @Option(names = "--sections", defaultValue = "5",
            description = "Sections of the evaluation length for Rp, Rv, Rz (default ${DEFAULT-VALUE}).")
    int sections;

    @Option(names = "--material-ratio", split = ",", paramLabel = "P",
            description = "Material ratios (%%) at which to report the depth below the highest point, e.g. 10,50,90.")
    List<Double> materialRatios = new ArrayList<>();

    @Option(names = "--spacing-um", description = "Sample spacing of one-column CSV files, µm.")
    Double spacingUm;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--form-degree", defaultValue = "1",
            description = "Areal: degree of the least-squares polynomial removed first (0 mean, 1 plane, 2 quadric; "
                    + "default ${DEFAULT-VALUE}).")
    int formDegree;

    @Option(names = "--s-filter-um", defaultValue = "0",
            description = "Areal: S-filter nesting index (ISO 16610-61 Gaussian), µm; 0 = off (default ${DEFAULT-VALUE}).")
    double sFilterUm;

    @Option(names = "--l-filter-mm", defaultValue = "0",
            description = "Areal: L-filter nesting index (ISO 16610-61 Gaussian), mm; 0 = off (default ${DEFAULT-VALUE}).")
    double lFilterMm;

    @Option(names = "--keep-border", description = "Areal: evaluate up to the edges (no λL/2 border left out).")
    boolean keepBorder;

    @Option(names = "--smr-um", split = ",", paramLabel = "C",
            description = "Areal: heights above the mean plane (µm) at which to report Smr(c), e.g. -0.5,0,0.5.")
    List<Double> smrLevelsUm = new ArrayList<>();

    @Option(names = "--rows", defaultValue = "0",
            description = "Areal: also evaluate N evenly spaced rows as profiles (profile settings; default ${DEFAULT-VALUE}).")
    int rows;

    @Override
    public Integer call() {
        RoughnessSettings settings;
        ArealSettings areal;
        try {
            settings = RoughnessSettings.defaults().withCutoffMm(cutoffMm).withLambdaSUm(lambdaSUm)
                    .withSections(sections).withMaterialRatioPercents(materialRatios);
            if (noFilter) {
                settings = settings.withoutFilter();
            }
            if (spacingUm != null && !(spacingUm > 0 && Double.isFinite(spacingUm))) {
                throw new IllegalArgumentException("--spacing-um must be finite and > 0, got " + spacingUm);
            }
            if (rows < 0) {
                throw new IllegalArgumentException("--rows must be >= 0, got " + rows);
            }
            areal = ArealSettings.defaults().withFormDegree(formDegree).withSFilterUm(sFilterUm)
                    .withLFilterMm(lFilterMm).withDiscardBorder(!keepBorder)
                    .withMaterialRatioPercents(materialRatios).withSmrLevelsUm(smrLevelsUm);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<Map<String, Object>> surfaces = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Path file : files) {
            List<Profile> profiles;
            try {
                ProfileReader reader = ProfileReaders.forFile(file, spacingUm == null ? Double.NaN : spacingUm);
                if (reader instanceof X3pProfileReader x3p) {
                    X3pProfileReader.Contents c = x3p.readContents(file);
                    profiles = c.areal() ? arealAndRows(out, file, c.surface(), areal, surfaces, failures) : c.profiles();
                } else {
                    profiles = reader.read(file);
                }
            } catch (ProfileFormatException e) {
                failures.add(failure(out, file, null, e.problem()));
                continue;
            } catch (IOException e) {
                failures.add(failure(out, file, null, "cannot read: " + e.getMessage()));
                continue;
            }
            for (Profile p : profiles) {
                try {
                    RoughnessResult r = RoughnessAnalyzer.analyze(p, settings);
                    results.add(entry(file, r));
                    if (!json) {
                        printHuman(out, r);
                    }
                } catch (IllegalArgumentException e) {
                    String reason = e.getMessage().startsWith(p.name() + ": ")
                            ? e.getMessage().substring(p.name().length() + 2) : e.getMessage();
                    failures.add(failure(out, file, p.name(), reason));
                }
            }
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("foilRaMinUm", FOIL_RA_MIN_UM);
            doc.put("surfaces", surfaces);
            doc.put("profiles", results);
            doc.put("failures", failures);
            doc.put("ok", failures.isEmpty());
            Json.print(out, doc);
        } else {
            out.printf(Locale.ROOT, "%s%d profile(s) evaluated, %d failed%n",
                    surfaces.isEmpty() ? "" : surfaces.size() + " areal surface(s), ", results.size(), failures.size());
            out.flush();
        }
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * Evaluates an areal surface (its entry goes to {@code surfaces}, or its reason to {@code failures})
     * and returns the rows to evaluate as profiles: {@link #rows} evenly spaced ones, first and last included.
     */
    private List<Profile> arealAndRows(PrintWriter out, Path file, ArealSurface surface, ArealSettings areal,
            List<Map<String, Object>> surfaces, List<Map<String, Object>> failures) throws ProfileFormatException {
        try {
            ArealResult r = ArealAnalyzer.analyze(surface, areal);
            surfaces.add(ArealReport.entry(file.toString(), r));
            if (!json) {
                ArealReport.print(out, r);
            }
        } catch (IllegalArgumentException e) {
            String reason = e.getMessage().startsWith(surface.name() + ": ")
                    ? e.getMessage().substring(surface.name().length() + 2) : e.getMessage();
            failures.add(failure(out, file, surface.name() + " (areal)", reason));
        }
        if (rows == 0) {
            return List.of();
        }
        List<Profile> all = X3pProfileReader.rows(surface);
        List<Profile> picked = new ArrayList<>();
        int k = Math.min(rows, all.size());
        for (int i = 0; i < k; i++) {
            int row = k == 1 ? 0 : (int) Math.round((double) i * (all.size() - 1) / (k - 1));
            picked.add(all.get(row));
        }
        return picked;
    }

    private Map<String, Object> failure(PrintWriter out, Path file, String profile, String reason) {
        LOG.warn("{}{}: {}", file, profile == null || profile.equals(file.toString()) ? "" : " (" + profile + ")", reason);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("file", file.toString());
        if (profile != null) {
            f.put("profile", profile);
        }
        f.put("reason", reason);
        if (!json) {
            out.println("FAILED " + (profile != null ? profile : file) + ": " + reason);
            out.println();
        }
        return f;
    }

    private static Map<String, Object> entry(Path file, RoughnessResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("profile", r.profileName());
        m.put("settings", settings(r.settings()));
        m.put("evaluatedPoints", r.evaluatedPoints());
        m.put(r.settings().filter() ? "interpolatedPoints" : "droppedInvalidPoints", r.interpolatedPoints());
        m.put("spacingUm", num(r.spacingUm()));
        m.put("evaluationLengthMm", num(r.evaluationLengthMm()));
        m.put("sectionLengthMm", num(r.sectionLengthMm()));
        m.put("parameters", parameters(r.parameters()));
        m.put("foilVerdict", r.parameters().raUm() >= FOIL_RA_MIN_UM ? "PASS" : "FAIL");
        m.put("notes", r.notes());
        return m;
    }

    private static Map<String, Object> settings(RoughnessSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("filter", s.filter());
        if (s.filter()) {
            m.put("cutoffMm", s.cutoffMm());
            m.put("lambdaSUm", s.lambdaSUm());
            m.put("formRemovalDegree", s.formDegree());
            m.put("endEffect", s.endEffect().name());
        }
        m.put("sections", s.sections());
        m.put("rdcUpperPercent", s.rdcUpperPercent());
        m.put("rdcLowerPercent", s.rdcLowerPercent());
        return m;
    }

    private static Map<String, Object> parameters(RoughnessParameters p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("raUm", num(p.raUm()));
        m.put("rqUm", num(p.rqUm()));
        m.put("rsk", num(p.rsk()));
        m.put("rku", num(p.rku()));
        m.put("rpUm", num(p.rpUm()));
        m.put("rvUm", num(p.rvUm()));
        m.put("rzUm", num(p.rzUm()));
        m.put("rtUm", num(p.rtUm()));
        m.put("rsmUm", num(p.rsmUm()));
        m.put("rdqUmPerUm", num(p.rdqUmPerUm()));
        m.put("rdcUm", num(p.rdcUm()));
        m.put("rkUm", num(p.rkUm()));
        m.put("rpkUm", num(p.rpkUm()));
        m.put("rvkUm", num(p.rvkUm()));
        m.put("mr1Percent", num(p.mr1Percent()));
        m.put("mr2Percent", num(p.mr2Percent()));
        if (!p.materialRatioPercents().isEmpty()) {
            m.put("materialRatioPercents", p.materialRatioPercents());
            m.put("materialRatioHeightsUm", p.materialRatioHeightsUm());
        }
        return m;
    }

    /** JSON has no NaN: a parameter that could not be evaluated is null. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void printHuman(PrintWriter out, RoughnessResult r) {
        RoughnessSettings s = r.settings();
        RoughnessParameters p = r.parameters();
        out.println(r.profileName());
        out.printf(Locale.ROOT, "  %d points evaluated, spacing %s µm, evaluation length %s mm in %d sections of %s mm%n",
                r.evaluatedPoints(), g(r.spacingUm()), g(r.evaluationLengthMm()), s.sections(), g(r.sectionLengthMm()));
        if (s.filter()) {
            out.printf(Locale.ROOT, "  settings: Gaussian filter ISO 16610-21, λc %s mm, λs %s µm, form removal degree %d, "
                    + "end effects %s%n", g(s.cutoffMm()), g(s.lambdaSUm()), s.formDegree(), s.endEffect());
        } else {
            out.println("  settings: no filter (profile as read, heights from their mean)");
        }
        line(out, "Ra", p.raUm(), "µm");
        line(out, "Rq", p.rqUm(), "µm");
        line(out, "Rsk", p.rsk(), "");
        line(out, "Rku", p.rku(), "");
        line(out, "Rp", p.rpUm(), "µm");
        line(out, "Rv", p.rvUm(), "µm");
        line(out, "Rz", p.rzUm(), "µm");
        line(out, "Rt", p.rtUm(), "µm");
        line(out, "RSm", p.rsmUm(), "µm");
        line(out, "Rdq", p.rdqUmPerUm(), "µm/µm");
        line(out, String.format(Locale.ROOT, "Rdc(%s%%,%s%%)", g(s.rdcUpperPercent()), g(s.rdcLowerPercent())), p.rdcUm(), "µm");
        line(out, "Rk", p.rkUm(), "µm");
        line(out, "Rpk", p.rpkUm(), "µm");
        line(out, "Rvk", p.rvkUm(), "µm");
        line(out, "Mr1", p.mr1Percent(), "%");
        line(out, "Mr2", p.mr2Percent(), "%");
        for (int i = 0; i < p.materialRatioPercents().size(); i++) {
            line(out, "depth at Rmr " + g(p.materialRatioPercents().get(i)) + "%", p.materialRatioHeightsUm().get(i), "µm");
        }
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        boolean pass = p.raUm() >= FOIL_RA_MIN_UM;
        out.printf(Locale.ROOT, "  foil verdict: %s (Ra %s µm %s %s µm)%n%n", pass ? "PASS" : "FAIL", g(p.raUm()),
                pass ? ">=" : "<", g(FOIL_RA_MIN_UM));
        out.flush();
    }

    private static void line(PrintWriter out, String name, double v, String unit) {
        out.printf(Locale.ROOT, "  %-18s %s %s%n", name, Double.isFinite(v) ? g(v) : "n/a", unit);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.5g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
