package org.sinterscope.routes.foil;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.sinterscope.camera.profile.Profile;
import org.sinterscope.inspection.roughness.RoughnessAnalyzer;
import org.sinterscope.inspection.roughness.RoughnessParameters;
import org.sinterscope.inspection.roughness.RoughnessSettings;
import org.sinterscope.routes.decide.Recipe;

/**
 * Gives each profile of a foil reading its verdict against the recipe's {@link Recipe.FoilLimits}:
 * parse ({@link FoilReadingParser}), evaluate ({@link RoughnessAnalyzer}, ISO 16610-21 filter with
 * the given settings), compare. A reading whose profiles cannot all be evaluated is refused whole
 * ({@link FoilReadingException}), so it is quarantined rather than half-recorded. Thread-safe.
 */
public final class FoilInspector {

    private final FoilReadingParser parser;
    private final RoughnessSettings settings;
    private final Recipe.FoilLimits limits;
    private final Clock clock;

    public FoilInspector(FoilReadingParser parser, RoughnessSettings settings, Recipe.FoilLimits limits, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Recipe.FoilLimits limits() {
        return limits;
    }

    /** Verdicts for a profilometer file. */
    public List<FoilVerdict> inspectFile(String fileName, byte[] content) {
        return inspect(parser.fromFile(fileName, content));
    }

    /**
     * Verdicts for a JSON message ({@link FoilReadingParser} describes the layout); {@code messageId}
     * names it in errors and in the verdicts' source ({@code json:<messageId>}).
     */
    public List<FoilVerdict> inspectJson(String messageId, byte[] json) {
        return inspect(parser.fromJson("json:" + messageId, json));
    }

    public List<FoilVerdict> inspect(FoilReading r) {
        List<RoughnessParameters> params = new ArrayList<>();
        for (Profile p : r.profiles()) {
            try {
                params.add(RoughnessAnalyzer.analyze(p, settings).parameters());
            } catch (IllegalArgumentException e) {
                throw new FoilReadingException(r.source(), "cannot be evaluated: " + e.getMessage(), e);
            }
        }
        List<FoilVerdict> out = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            List<String> reasons = reasons(params.get(i), limits);
            out.add(new FoilVerdict(r.lot(), r.yMm(), r.source(), r.profiles().get(i).name(), clock.instant(), params.get(i),
                    reasons.isEmpty(), reasons));
        }
        return out;
    }

    /** The limits of {@code lim} that {@code p} breaks, one line each. */
    static List<String> reasons(RoughnessParameters p, Recipe.FoilLimits lim) {
        List<String> out = new ArrayList<>();
        below("Ra", p.raUm(), lim.minRaUm(), out);
        below("Rz", p.rzUm(), lim.minRzUm(), out);
        above("Rz", p.rzUm(), lim.maxRzUm(), out);
        below("RSm", p.rsmUm(), lim.minRsmUm(), out);
        above("RSm", p.rsmUm(), lim.maxRsmUm(), out);
        return out;
    }

    private static void below(String what, double v, double min, List<String> out) {
        if (Double.isNaN(min)) {
            return;
        }
        if (Double.isNaN(v)) {
            out.add(what + " could not be evaluated (limit >= " + fmt(min) + " µm)");
        } else if (v < min) {
            out.add(what + " " + fmt(v) + " µm < " + fmt(min) + " µm");
        }
    }

    private static void above(String what, double v, double max, List<String> out) {
        if (Double.isNaN(max)) {
            return;
        }
        if (Double.isNaN(v)) {
            out.add(what + " could not be evaluated (limit <= " + fmt(max) + " µm)");
        } else if (v > max) {
            out.add(what + " " + fmt(v) + " µm > " + fmt(max) + " µm");
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
