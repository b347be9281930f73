package org.sinterscope.inspection.roughness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sinterscope.camera.profile.Profile;

/**
 * Evaluates a profile: primary, waviness and roughness profiles, then the ISO 21920-2 parameters.
 *
 * <p>Filtered evaluation ({@link RoughnessSettings#filter()} true):
 * <ol>
 *   <li>invalid points: leading and trailing ones are dropped, interior ones filled by linear
 *       interpolation (refused when more than 25 % of the points are invalid);</li>
 *   <li>the spacing must be uniform within 1 % and at most λc/20; the profile at least 2·λc long with
 *       {@link RoughnessSettings.EndEffect#DISCARD_HALF_CUTOFF} (λc/2 run-in, λc/2 run-out, ≥ λc evaluated);</li>
 *   <li>form removal: least-squares polynomial of the configured degree ({@link FormRemoval});</li>
 *   <li>primary profile P: Gaussian low-pass with cutoff λs (ISO 16610-21), unless λs = 0;</li>
 *   <li>waviness profile W: Gaussian low-pass of P with cutoff λc; roughness profile R = P − W;</li>
 *   <li>the evaluation length is the whole profile minus λc/2 at each end (or the whole profile with
 *       {@link RoughnessSettings.EndEffect#CORRECTED_FULL_LENGTH}); R is evaluated there, split into
 *       N sections for Rp, Rv, Rz.</li>
 * </ol>
 * Unfiltered evaluation: invalid points are dropped, heights are taken from their mean, nothing else
 * is done; the whole profile is the evaluation length.
 *
 * <p>Pure: no I/O, inputs unmodified, thread-safe.
 */
public final class RoughnessAnalyzer {

    /** Largest fraction of invalid points interpolated before filtering. */
    public static final double MAX_INVALID_FRACTION = 0.25;

    /**
     * A profile counts as flat when Rq ≤ FLAT_RELATIVE × the largest |height| read (Rq = 0 included):
     * Rsk and Rku (moments over powers of Rq) and RSm (mean-line crossings) then measure only rounding
     * noise and are reported undefined (NaN, JSON null) with a note.
     */
    public static final double FLAT_RELATIVE = 1e-9;

    private RoughnessAnalyzer() {
    }

    /**
     * @throws IllegalArgumentException when the profile cannot be evaluated with these settings; the
     *                                  message names the profile and the reason
     */
    public static RoughnessResult analyze(Profile profile, RoughnessSettings settings) {
        String name = profile.name();
        List<String> notes = new ArrayList<>();
        double[] x = profile.xMm();
        double[] z = profile.zUm();
        int from = 0;
        int to = z.length;
        while (from < to && Double.isNaN(z[from])) {
            from++;
        }
        while (to > from && Double.isNaN(z[to - 1])) {
            to--;
        }
        if (to - from < 2) {
            throw new IllegalArgumentException(name + ": fewer than 2 valid points");
        }
        double heightScale = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                heightScale = Math.max(heightScale, Math.abs(v));
            }
        }
        return settings.filter()
                ? filtered(name, x, z, from, to, settings, notes, heightScale)
                : unfiltered(name, x, z, settings, notes, heightScale);
    }

    private static RoughnessResult filtered(String name, double[] x0, double[] z0, int from, int to,
            RoughnessSettings s, List<String> notes, double heightScale) {
        int n = to - from;
        double[] x = java.util.Arrays.copyOfRange(x0, from, to);
        double[] z = java.util.Arrays.copyOfRange(z0, from, to);
        int filled = fillGaps(x, z);
        if (filled > MAX_INVALID_FRACTION * n) {
            throw new IllegalArgumentException(name + ": " + filled + " of " + n + " points are invalid, more than "
                    + (int) (MAX_INVALID_FRACTION * 100) + " %");
        }
        if (filled > 0) {
            notes.add(filled + " invalid interior points filled by linear interpolation");
        }
        double length = x[n - 1] - x[0];
        double dx = length / (n - 1);
        for (int i = 1; i < n; i++) {
            if (Math.abs((x[i] - x[i - 1]) - dx) > 0.01 * dx) {
                throw new IllegalArgumentException(name + ": spacing is not uniform (step " + (i - 1) + "→" + i + " is "
                        + (x[i] - x[i - 1]) + " mm, mean " + dx + " mm); the Gaussian filter needs uniform sampling");
            }
        }
        double lc = s.cutoffMm();
        if (dx > lc / 20) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: spacing %.6g mm is too coarse for λc = %.6g mm (at most λc/20 = %.6g mm)", name, dx, lc, lc / 20));
        }
        boolean discard = s.endEffect() == RoughnessSettings.EndEffect.DISCARD_HALF_CUTOFF;
        if (discard && length < 2 * lc) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s: profile is %.6g mm long, shorter than 2·λc = %.6g mm (λc/2 run-in and run-out plus at "
                            + "least one cutoff to evaluate)", name, length, 2 * lc));
        }
        double lsMm = s.lambdaSUm() / 1e3;
        if (lsMm > 0 && dx > lsMm / 5) {
            notes.add(String.format(Locale.ROOT, "spacing %.4g µm is coarser than λs/5 = %.4g µm (ISO 3274): the λs "
                    + "filter cannot act fully", dx * 1e3, lsMm * 1e3 / 5));
        }
        double[] form = FormRemoval.residual(x, z, s.formDegree());
        double[] primary = lsMm > 0 ? new GaussianProfileFilter(lsMm, dx).meanLine(form) : form;
        double[] rough = new GaussianProfileFilter(lc, dx).residual(primary);
        int e0 = 0;
        int e1 = n;
        if (discard) {
            while (e0 < n && x[e0] - x[0] < lc / 2 - 1e-9 * lc) {
                e0++;
            }
            while (e1 > e0 && x[n - 1] - x[e1 - 1] < lc / 2 - 1e-9 * lc) {
                e1--;
            }
        }
        return evaluate(name, x, rough, e0, e1, dx, true, s, filled, notes, heightScale);
    }

    private static RoughnessResult unfiltered(String name, double[] x0, double[] z0, RoughnessSettings s,
            List<String> notes, double heightScale) {
        int valid = 0;
        for (double v : z0) {
            if (!Double.isNaN(v)) {
                valid++;
            }
        }
        double[] x = new double[valid];
        double[] z = new double[valid];
        int k = 0;
        for (int i = 0; i < z0.length; i++) {
            if (!Double.isNaN(z0[i])) {
                x[k] = x0[i];
                z[k++] = z0[i];
            }
        }
        int dropped = z0.length - valid;
        if (dropped > 0) {
            notes.add(dropped + " invalid points left out");
        }
        double mean = NeumaierSum.mean(z, 0, valid);
        for (int i = 0; i < valid; i++) {
            z[i] -= mean;
        }
        double dx = (x[valid - 1] - x[0]) / (valid - 1);
        boolean uniform = true;
        for (int i = 1; i < valid; i++) {
            uniform &= Math.abs((x[i] - x[i - 1]) - dx) <= 0.01 * dx;
        }
        if (!uniform) {
            notes.add("spacing is not uniform: Rdq not evaluated");
        }
        return evaluate(name, x, z, 0, valid, dx, uniform, s, dropped, notes, heightScale);
    }

    private static RoughnessResult evaluate(String name, double[] x, double[] r, int e0, int e1, double dxMm,
            boolean uniform, RoughnessSettings s, int invalid, List<String> notes, double heightScale) {
        int[] bounds;
        try {
            bounds = ProfileParameters.sectionBounds(e0, e1, s.sections());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        double evalLength = x[e1 - 1] - x[e0];
        double sectionLength = evalLength / s.sections();
        double ra = ProfileParameters.ra(r, e0, e1);
        double rq = ProfileParameters.rq(r, e0, e1);
        double[] sec = ProfileParameters.sectionHeights(r, bounds);
        double rt = ProfileParameters.rt(r, e0, e1);
        double rsm = ProfileParameters.rsmUm(x, r, e0, e1, ProfileParameters.HEIGHT_DISCRIMINATION * sec[2],
                ProfileParameters.WIDTH_DISCRIMINATION * sectionLength);
        double rdq = uniform ? ProfileParameters.rdq(r, e0, e1, dxMm * 1e3) : Double.NaN;
        MaterialRatioCurve curve = new MaterialRatioCurve(r, e0, e1);
        MaterialRatioCurve.RkParameters rk = curve.rk();
        if (Double.isNaN(rk.rkUm())) {
            notes.add("fewer than 10 points: Rk family not evaluated");
        }
        List<Double> depths = new ArrayList<>();
        for (double p : s.materialRatioPercents()) {
            depths.add(curve.depthBelowTopUm(p));
        }
        double rsk = ProfileParameters.rsk(r, e0, e1);
        double rku = ProfileParameters.rku(r, e0, e1);
        if (!(rq > FLAT_RELATIVE * heightScale)) {
            rsk = Double.NaN;
            rku = Double.NaN;
            rsm = Double.NaN;
            notes.add(String.format(Locale.ROOT, "profile is flat (Rq %.3g µm is at most %.0e of the largest height "
                    + "%.3g µm): Rsk, Rku and RSm undefined", rq, FLAT_RELATIVE, heightScale));
        }
        RoughnessParameters params = new RoughnessParameters(ra, rq, rsk, rku, sec[0], sec[1], sec[2], rt, rsm, rdq,
                curve.rdcUm(s.rdcUpperPercent(), s.rdcLowerPercent()), rk.rkUm(), rk.rpkUm(), rk.rvkUm(),
                rk.mr1Percent(), rk.mr2Percent(), s.materialRatioPercents(), depths);
        return new RoughnessResult(name, s, e1 - e0, invalid, dxMm * 1e3, evalLength, sectionLength, params, notes);
    }

    /** Fills interior NaNs by linear interpolation in x; returns how many were filled. */
    private static int fillGaps(double[] x, double[] z) {
        int filled = 0;
        int i = 0;
        while (i < z.length) {
            if (!Double.isNaN(z[i])) {
                i++;
                continue;
            }
            int a = i - 1; // valid (ends were trimmed)
            int b = i;
            while (Double.isNaN(z[b])) {
                b++;
            }
            for (int k = a + 1; k < b; k++) {
                z[k] = z[a] + (z[b] - z[a]) * (x[k] - x[a]) / (x[b] - x[a]);
                filled++;
            }
            i = b;
        }
        return filled;
    }
}
