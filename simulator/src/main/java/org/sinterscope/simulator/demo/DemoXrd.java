package org.sinterscope.simulator.demo;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.sinterscope.inspection.xrd.XrdAnalyzer;
import org.sinterscope.inspection.xrd.XrdResult;
import org.sinterscope.inspection.xrd.XrdSettings;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.XrdRecord;
import org.sinterscope.routes.decide.Recipe;
import org.sinterscope.simulator.lab.SimulatedXrdSamples;

/**
 * The demo's lab: the two simulated XRD samples of the roll ({@link SimulatedXrdSamples}) judged by
 * {@link XrdAnalyzer} against the recipe's sintering XRD limit (as {@code xrd} does), each kept with the
 * roll in the store when there is one, and counted against their truth.
 */
final class DemoXrd {

    private DemoXrd() {
    }

    /** Settings of the recipe: its extra reflections and crystallinity limit over the defaults. */
    static XrdSettings settings(Recipe recipe) {
        XrdSettings s = XrdSettings.defaults();
        var sl = recipe.sintering();
        if (sl != null) {
            s = s.withExtraReflections(sl.xrdReflections());
            if (!Double.isNaN(sl.xrdMaxCrystallinity())) {
                s = s.withCrystallinityLimit(sl.xrdMaxCrystallinity());
            }
        }
        return s;
    }

    /** Judges (and stores, when {@code store} is not null) the two samples of the roll. */
    static DemoSummary.XrdSummary run(Recipe recipe, String rollId, double rollLengthMm, long seed, DefectStore store) {
        XrdSettings settings = settings(recipe);
        int amorphous = 0;
        int crystalline = 0;
        int expectedCrystalline = 0;
        List<SimulatedXrdSamples.Sample> samples = SimulatedXrdSamples.forRoll(rollId, rollLengthMm, seed);
        for (SimulatedXrdSamples.Sample s : samples) {
            XrdResult r = XrdAnalyzer.analyze(s.pattern(), settings);
            if (r.verdict() == XrdResult.Verdict.CRYSTALLINE) {
                crystalline++;
            } else {
                amorphous++;
            }
            expectedCrystalline += s.crystalline() ? 1 : 0;
            if (store != null) {
                store.saveXrdResult(new XrdRecord(r.tag().rollId(), r.tag().yMm(), r.tag().sampleId(), r.source(),
                        Instant.now(), r.crystallinityIndex(), r.crystallinityStdErr(), r.limit(), r.verdict().name(),
                        peaksJson(r)));
            }
        }
        return new DemoSummary.XrdSummary(samples.size(), amorphous, crystalline, samples.size() - expectedCrystalline,
                expectedCrystalline);
    }

    static String peaksJson(XrdResult r) {
        return r.peaks().stream().map(p -> String.format(Locale.ROOT,
                "{\"twoThetaDeg\":%.4f,\"fwhmDeg\":%.4f,\"area\":%.3f,\"crystalliteSizeNm\":%s,\"reflection\":%s,\"substrate\":%b}",
                p.twoThetaDeg(), p.fwhmDeg(), p.area(), Double.isFinite(p.crystalliteSizeNm())
                        ? String.format(Locale.ROOT, "%.2f", p.crystalliteSizeNm()) : "null",
                p.reflection() == null ? "null" : "\"" + p.reflection().replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                p.substrate())).collect(Collectors.joining(",", "[", "]"));
    }
}
