package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sinterscope.inspection.areal.ArealParameters;
import org.sinterscope.inspection.areal.ArealResult;
import org.sinterscope.inspection.areal.ArealSettings;

/** JSON entry and text block of one evaluated areal surface, for {@link RoughnessCommand}. */
final class ArealReport {

    private ArealReport() {
    }

    static Map<String, Object> entry(String file, ArealResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("surface", r.surfaceName());
        ArealSettings s = r.settings();
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("formRemovalDegree", s.formDegree());
        st.put("sFilterUm", s.sFilterUm());
        st.put("lFilterMm", s.lFilterMm());
        st.put("discardBorder", s.discardBorder());
        m.put("settings", st);
        m.put("sizeX", r.sizeX());
        m.put("sizeY", r.sizeY());
        m.put("dxUm", num(r.dxUm()));
        m.put("dyUm", num(r.dyUm()));
        m.put("invalidPoints", r.invalidPoints());
        m.put("invalidShare", r.invalidShare());
        m.put("evaluatedPoints", r.evaluatedPoints());
        m.put("areaXMm", num(r.areaXMm()));
        m.put("areaYMm", num(r.areaYMm()));
        ArealParameters p = r.parameters();
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("saUm", num(p.saUm()));
        pm.put("sqUm", num(p.sqUm()));
        pm.put("ssk", num(p.ssk()));
        pm.put("sku", num(p.sku()));
        pm.put("spUm", num(p.spUm()));
        pm.put("svUm", num(p.svUm()));
        pm.put("szUm", num(p.szUm()));
        pm.put("sdq", num(p.sdq()));
        pm.put("sdrPercent", num(p.sdrPercent()));
        pm.put("skUm", num(p.skUm()));
        pm.put("spkUm", num(p.spkUm()));
        pm.put("svkUm", num(p.svkUm()));
        pm.put("smr1Percent", num(p.smr1Percent()));
        pm.put("smr2Percent", num(p.smr2Percent()));
        if (!p.materialRatioPercents().isEmpty()) {
            pm.put("smcPercents", p.materialRatioPercents());
            pm.put("smcUm", nums(p.smcUm()));
        }
        if (!p.smrLevelsUm().isEmpty()) {
            pm.put("smrLevelsUm", p.smrLevelsUm());
            pm.put("smrPercents", nums(p.smrPercents()));
        }
        m.put("parameters", pm);
        m.put("notes", r.notes());
        return m;
    }

    static void print(PrintWriter out, ArealResult r) {
        ArealSettings s = r.settings();
        ArealParameters p = r.parameters();
        out.println(r.surfaceName() + " (areal, ISO 25178-2)");
        out.printf(Locale.ROOT, "  %d x %d points, spacing %s x %s µm, invalid %d (%s %%)%n", r.sizeX(), r.sizeY(),
                g(r.dxUm()), g(r.dyUm()), r.invalidPoints(), g(100 * r.invalidShare()));
        out.printf(Locale.ROOT, "  %d points evaluated over %s x %s mm%n", r.evaluatedPoints(), g(r.areaXMm()), g(r.areaYMm()));
        out.printf(Locale.ROOT, "  settings: form removal degree %d, S-filter %s, L-filter %s (ISO 16610-61 Gaussian)%s%n",
                s.formDegree(), s.sFilterUm() > 0 ? g(s.sFilterUm()) + " µm" : "off",
                s.lFilterMm() > 0 ? g(s.lFilterMm()) + " mm" : "off",
                s.lFilterMm() > 0 && s.discardBorder() ? ", λL/2 border left out" : "");
        line(out, "Sa", p.saUm(), "µm");
        line(out, "Sq", p.sqUm(), "µm");
        line(out, "Ssk", p.ssk(), "");
        line(out, "Sku", p.sku(), "");
        line(out, "Sp", p.spUm(), "µm");
        line(out, "Sv", p.svUm(), "µm");
        line(out, "Sz", p.szUm(), "µm");
        line(out, "Sdq", p.sdq(), "µm/µm");
        line(out, "Sdr", p.sdrPercent(), "%");
        line(out, "Sk", p.skUm(), "µm");
        line(out, "Spk", p.spkUm(), "µm");
        line(out, "Svk", p.svkUm(), "µm");
        line(out, "Smr1", p.smr1Percent(), "%");
        line(out, "Smr2", p.smr2Percent(), "%");
        for (int i = 0; i < p.materialRatioPercents().size(); i++) {
            line(out, "Smc(" + g(p.materialRatioPercents().get(i)) + "%)", p.smcUm().get(i), "µm");
        }
        for (int i = 0; i < p.smrLevelsUm().size(); i++) {
            line(out, "Smr(" + g(p.smrLevelsUm().get(i)) + " µm)", p.smrPercents().get(i), "%");
        }
        for (String n : r.notes()) {
            out.println("  note: " + n);
        }
        out.println();
        out.flush();
    }

    private static List<Double> nums(List<Double> v) {
        List<Double> out = new ArrayList<>();
        v.forEach(x -> out.add(num(x)));
        return out;
    }

    /** JSON has no NaN: a parameter that could not be evaluated is null. */
    private static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static void line(PrintWriter out, String name, double v, String unit) {
        out.printf(Locale.ROOT, "  %-18s %s %s%n", name, Double.isFinite(v) ? g(v) : "n/a", unit);
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.5g", v).replaceFirst("(\\.\\d*?)0+(e|$)", "$1$2").replaceFirst("\\.(e|$)", "$1");
    }
}
