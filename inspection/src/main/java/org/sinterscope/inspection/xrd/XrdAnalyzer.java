package org.sinterscope.inspection.xrd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.sinterscope.camera.lab.XrdPattern;

/**
 * Decides whether a powder-diffraction scan shows the alloy substantially amorphous.
 *
 * <ol>
 *   <li><b>Noise</b> σᵢ from the scan itself ({@link PeakSearch#noise}); weights wᵢ = 1/σᵢ².</li>
 *   <li><b>Broad fit</b>: Chebyshev background + one pseudo-Voigt halo per configured centre
 *       ({@link PatternModel}), weighted least squares ({@link LevenbergMarquardt}); points more than
 *       3σ above the fit, widened by the sharp-peak limit on both sides, are masked and the fit
 *       repeated (at most {@value #MASK_ROUNDS} rounds), so sharp peaks do not lift it.</li>
 *   <li><b>Peak search</b> on the residual ({@link PeakSearch#candidates}).</li>
 *   <li><b>Joint fit</b> of background, halos and every candidate peak over all points. A halo or peak
 *       whose area is below 3 standard errors is dropped and the fit repeated once (a component that
 *       noise alone could make is not reported, whichever side of the index it would sit on).</li>
 *   <li><b>Index</b>: {@code CI = P / (P + H)} with P the in-range areas of the sharp peaks that are not
 *       current-collector reflections and H those of the halos; AMORPHOUS when CI ≤ limit.</li>
 *   <li><b>Scherrer</b> per peak: {@code D = K λ / (β cos θ)}, {@code β = √(FWHM² − FWHMinst²)} in radians.</li>
 * </ol>
 * Pitfalls: the split between background and halo is a model choice (a halo wider than the scan looks
 * like background), so CI compares scans measured over the same range with the same settings; a peak
 * within about 4.5 × 0.4° of the scan's ends is not searched (the filter needs room).
 */
public final class XrdAnalyzer {

    static final int MASK_ROUNDS = 5;

    /** A component to fit: halo or peak, starting values (c, w, A, η) and bounds on centre and width. */
    private record Start(boolean halo, double[] q, double cLo, double cHi, double wLo, double wHi) {
    }
    private static final int MAX_ITERATIONS = 300;

    private XrdAnalyzer() {
    }

    /**
     * @throws IllegalArgumentException when the scan holds no scattered intensity above the background
     */
    public static XrdResult analyze(XrdPattern pattern, XrdSettings s) {
        double[] x = pattern.twoThetaDeg();
        double[] y = pattern.intensity();
        int n = x.length;
        List<String> notes = new ArrayList<>();
        double lambda = pattern.wavelengthA();
        if (Double.isNaN(lambda)) {
            lambda = s.wavelengthA();
            notes.add(String.format(Locale.ROOT, "the scan does not state its wavelength: %.4f Å assumed", lambda));
        }
        double step = medianStep(x);
        double[] sigma = PeakSearch.noise(y);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1 / (sigma[i] * sigma[i]);
        }

        List<Double> haloStarts = new ArrayList<>();
        for (double c : s.haloCentersCuDeg()) {
            double at = new Reflection("halo", c).twoThetaDeg(lambda);
            if (at > x[0] + 1 && at < x[n - 1] - 1) {
                haloStarts.add(at);
            }
        }
        if (haloStarts.isEmpty()) {
            notes.add("no configured halo centre lies inside the scan: only sharp peaks are fitted");
        }

        // 2. broad fit with sharp peaks masked
        PatternModel broadModel = new PatternModel(x, s.backgroundDegree(), haloStarts.size());
        double[] p = broadStart(broadModel, y, haloStarts);
        double[][] bounds = broadBounds(broadModel, haloStarts, s, x);
        double[] mask = w.clone();
        double[] f = new double[n];
        int dilate = (int) Math.ceil(s.maxSharpFwhmDeg() / step);
        for (int round = 0; round < MASK_ROUNDS; round++) {
            p = LevenbergMarquardt.fit(broadModel, y, mask, p, bounds[0], bounds[1], MAX_ITERATIONS).params();
            broadModel.eval(p, f);
            double[] next = w.clone();
            for (int i = 0; i < n; i++) {
                if (y[i] - f[i] > 3 * sigma[i]) {
                    for (int k = Math.max(0, i - dilate); k <= Math.min(n - 1, i + dilate); k++) {
                        next[k] = 0;
                    }
                }
            }
            boolean same = Arrays.equals(next, mask);
            mask = next;
            if (same) {
                break;
            }
        }

        // 3. candidates on the residual
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = y[i] - f[i];
        }
        List<PeakSearch.Candidate> cands = PeakSearch.candidates(r, sigma, step, s.maxSharpFwhmDeg(), s.detectionSigma());

        // 4. joint fit; halos and peaks whose area is below 3 standard errors are dropped and the fit repeated once
        List<Start> comps = new ArrayList<>();
        for (int j = 0; j < haloStarts.size(); j++) {
            int o = broadModel.index(j, 0);
            comps.add(new Start(true, Arrays.copyOfRange(p, o, o + 4), bounds[0][o], bounds[1][o], bounds[0][o + 1],
                    bounds[1][o + 1]));
        }
        for (PeakSearch.Candidate c : cands) {
            double c0 = x[c.index()];
            double move = Math.max(c.fwhmDeg(), 0.1);
            double[] q = {c0, c.fwhmDeg(), Math.max(c.height(), 0) / PseudoVoigt.height(c.fwhmDeg(), 0.5), 0.5};
            comps.add(new Start(false, q, c0 - move, c0 + move, Math.max(0.5 * step, 0.005), s.maxSharpFwhmDeg()));
        }
        double[] bg = Arrays.copyOf(p, broadModel.backgroundTerms());
        LevenbergMarquardt.Fit fit = null;
        PatternModel model = null;
        for (int pass = 0; pass < 2; pass++) {
            model = new PatternModel(x, s.backgroundDegree(), comps.size());
            double[] start = new double[model.size()];
            double[][] b = {new double[model.size()], new double[model.size()]};
            System.arraycopy(bg, 0, start, 0, bg.length);
            for (int k = 0; k < bg.length; k++) {
                b[0][k] = Double.NEGATIVE_INFINITY;
                b[1][k] = Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < comps.size(); j++) {
                Start c = comps.get(j);
                int o = model.index(j, 0);
                System.arraycopy(c.q(), 0, start, o, 4);
                setBounds(b, o, c.cLo(), c.cHi(), c.wLo(), c.wHi());
            }
            fit = LevenbergMarquardt.fit(model, y, w, start, b[0], b[1], MAX_ITERATIONS);
            List<Start> keep = new ArrayList<>();
            int droppedHalos = 0;
            int droppedPeaks = 0;
            for (int j = 0; j < comps.size(); j++) {
                int o = model.index(j, 0);
                double a = fit.params()[o + PatternModel.A];
                double e = fit.stdErr()[o + PatternModel.A];
                Start c = comps.get(j);
                if (a > 0 && (Double.isNaN(e) || a >= 3 * e)) {
                    keep.add(new Start(c.halo(), Arrays.copyOfRange(fit.params(), o, o + 4), c.cLo(), c.cHi(), c.wLo(),
                            c.wHi()));
                } else if (c.halo()) {
                    droppedHalos++;
                } else {
                    droppedPeaks++;
                }
            }
            if (keep.size() == comps.size() || pass == 1) {
                break;
            }
            if (droppedPeaks > 0) {
                notes.add(droppedPeaks + " candidate peak(s) below 3 standard errors of area dropped");
            }
            if (droppedHalos > 0) {
                notes.add(droppedHalos + " halo(s) below 3 standard errors of area dropped");
            }
            comps = keep;
            bg = Arrays.copyOf(fit.params(), bg.length);
        }
        int nHalos = 0;
        for (Start c : comps) {
            nHalos += c.halo() ? 1 : 0;
        }
        return result(pattern, s, lambda, x, y, model, fit, nHalos, notes);
    }

    private static XrdResult result(XrdPattern pattern, XrdSettings s, double lambda, double[] x, double[] y,
                                    PatternModel model, LevenbergMarquardt.Fit fit, int nHalos, List<String> notes) {
        double[] q = fit.params();
        double lo = x[0];
        double hi = x[x.length - 1];
        List<XrdHalo> halos = new ArrayList<>();
        double h = 0;
        double varH = 0;
        for (int j = 0; j < nHalos; j++) {
            int o = model.index(j, 0);
            double frac = PseudoVoigt.integral(lo, hi, q[o], q[o + 1], q[o + 3]);
            double area = q[o + 2] * frac;
            double err = fit.stdErr()[o + 2] * frac;
            if (area > 0) {
                halos.add(new XrdHalo(q[o], q[o + 1], area, err));
                h += area;
                varH += Double.isNaN(err) ? 0 : err * err;
            }
            if (q[o + 1] >= s.haloMaxFwhmDeg() && area > 0) {
                notes.add(String.format(Locale.ROOT, "halo near %.1f° reached the widest allowed FWHM (%.0f°)", q[o],
                        s.haloMaxFwhmDeg()));
            }
        }
        List<XrdPeak> peaks = new ArrayList<>();
        double pArea = 0;
        double varP = 0;
        for (int j = nHalos; j < (model.size() - model.backgroundTerms()) / 4; j++) {
            int o = model.index(j, 0);
            double c = q[o];
            double fw = q[o + 1];
            double eta = q[o + 3];
            double frac = PseudoVoigt.integral(lo, hi, c, fw, eta);
            double area = q[o + 2] * frac;
            double err = fit.stdErr()[o + 2] * frac;
            Reflection named = nearest(s.reflections(), c, lambda, s.matchToleranceDeg());
            Reflection sub = nearest(s.substrateReflections(), c, lambda, s.matchToleranceDeg());
            boolean substrate = sub != null && (named == null
                    || Math.abs(sub.twoThetaDeg(lambda) - c) < Math.abs(named.twoThetaDeg(lambda) - c));
            String name = substrate ? sub.name() : named == null ? null : named.name();
            peaks.add(new XrdPeak(c, fw, eta, q[o + 2] * PseudoVoigt.height(fw, eta), area, err,
                    scherrerNm(c, fw, lambda, s), name, substrate));
            if (!substrate) {
                pArea += area;
                varP += Double.isNaN(err) ? 0 : err * err;
            }
            if (fw >= s.maxSharpFwhmDeg()) {
                notes.add(String.format(Locale.ROOT, "peak at %.2f° reached the sharp-peak FWHM limit (%.2f°)", c,
                        s.maxSharpFwhmDeg()));
            }
        }
        double total = pArea + h;
        if (!(total > 0)) {
            throw new IllegalArgumentException(pattern.source() + ": no scattered intensity above the fitted background "
                    + "(no halo and no sharp peak): the amorphous check needs a scan of the coated layer");
        }
        double ci = pArea / total;
        double ciErr = Math.sqrt(Math.pow(h / (total * total), 2) * varP + Math.pow(pArea / (total * total), 2) * varH);
        peaks.sort(Comparator.comparingDouble(XrdPeak::twoThetaDeg));
        halos.sort(Comparator.comparingDouble(XrdHalo::twoThetaDeg));
        int n = x.length;
        double[] bg = new double[n];
        model.background(q, bg);
        double[] broad = bg.clone();
        for (int j = 0; j < nHalos; j++) {
            model.addComponent(q, j, broad);
        }
        double[] all = new double[n];
        model.eval(q, all);
        XrdResult.Verdict v = ci <= s.crystallinityLimit() ? XrdResult.Verdict.AMORPHOUS : XrdResult.Verdict.CRYSTALLINE;
        return new XrdResult(pattern.source(), pattern.tag(), lambda, ci, ciErr, pArea, h, s.crystallinityLimit(), v,
                peaks, halos, fit.reducedChi2(), notes, new XrdResult.Curves(x, y, bg, broad, all));
    }

    /** Scherrer size in nm, NaN when the peak is not broader than the instrument. */
    static double scherrerNm(double twoThetaDeg, double fwhmDeg, double lambdaA, XrdSettings s) {
        double inst = s.instrumentFwhmDeg();
        if (!(fwhmDeg > inst)) {
            return Double.NaN;
        }
        double beta = Math.toRadians(Math.sqrt(fwhmDeg * fwhmDeg - inst * inst));
        return s.scherrerK() * lambdaA / (beta * Math.cos(Math.toRadians(twoThetaDeg / 2))) / 10;
    }

    private static Reflection nearest(List<Reflection> list, double c, double lambda, double tol) {
        Reflection best = null;
        double bestD = tol;
        for (Reflection r : list) {
            double d = Math.abs(r.twoThetaDeg(lambda) - c);
            if (d <= bestD) {
                best = r;
                bestD = d;
            }
        }
        return best;
    }

    private static double[] broadStart(PatternModel m, double[] y, List<Double> haloStarts) {
        double[] p = new double[m.size()];
        double[] sorted = y.clone();
        Arrays.sort(sorted);
        double base = sorted[(int) (0.1 * (sorted.length - 1))];
        p[0] = base;
        for (int j = 0; j < haloStarts.size(); j++) {
            int o = m.index(j, 0);
            double w0 = 8;
            p[o + PatternModel.C] = haloStarts.get(j);
            p[o + PatternModel.W] = w0;
            p[o + PatternModel.A] = Math.max(sorted[sorted.length / 2] - base, 1e-9) * w0;
            p[o + PatternModel.ETA] = 0.5;
        }
        return p;
    }

    private static double[][] broadBounds(PatternModel m, List<Double> haloStarts, XrdSettings s, double[] x) {
        double[][] b = {new double[m.size()], new double[m.size()]};
        for (int k = 0; k < m.backgroundTerms(); k++) {
            b[0][k] = Double.NEGATIVE_INFINITY;
            b[1][k] = Double.POSITIVE_INFINITY;
        }
        for (int j = 0; j < haloStarts.size(); j++) {
            double c = haloStarts.get(j);
            setBounds(b, m.index(j, 0), Math.max(x[0], c - XrdSettings.HALO_SHIFT_DEG),
                    Math.min(x[x.length - 1], c + XrdSettings.HALO_SHIFT_DEG), s.haloMinFwhmDeg(), s.haloMaxFwhmDeg());
        }
        return b;
    }

    private static void setBounds(double[][] b, int o, double cLo, double cHi, double wLo, double wHi) {
        b[0][o + PatternModel.C] = cLo;
        b[1][o + PatternModel.C] = cHi;
        b[0][o + PatternModel.W] = wLo;
        b[1][o + PatternModel.W] = wHi;
        b[0][o + PatternModel.A] = 0;
        b[1][o + PatternModel.A] = Double.POSITIVE_INFINITY;
        b[0][o + PatternModel.ETA] = 0;
        b[1][o + PatternModel.ETA] = 1;
    }

    private static double medianStep(double[] x) {
        double[] d = new double[x.length - 1];
        for (int i = 1; i < x.length; i++) {
            d[i - 1] = x[i] - x[i - 1];
        }
        Arrays.sort(d);
        return d[d.length / 2];
    }
}
