package org.sinterscope.inspection.areal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sinterscope.camera.profile.ArealSurface;
import org.sinterscope.inspection.roughness.MaterialRatioCurve;

/**
 * Evaluates an areal surface by ISO 25178-2 / -3:
 * <ol>
 *   <li>invalid points (NaN: masked or non-finite in the file) are missing throughout — counted,
 *       reported as a share, never filled;</li>
 *   <li>F-operator: the least-squares polynomial of the set degree is removed ({@link ArealForm});</li>
 *   <li>S-filter: the areal Gaussian low-pass with nesting index λS, when set
 *       ({@link ArealGaussianFilter});</li>
 *   <li>L-filter: the surface minus its areal Gaussian mean surface with nesting index λL, when set;
 *       then, by default, a border of λL/2 is left out of the evaluation area;</li>
 *   <li>heights are taken from the mean of the evaluated points and the parameters computed
 *       ({@link ArealFieldParameters}, {@link MaterialRatioCurve}).</li>
 * </ol>
 * Stateless; the surface is not modified.
 */
public final class ArealAnalyzer {

    /**
     * A surface counts as flat when Sq ≤ FLAT_RELATIVE × the largest |height| read: then Ssk and Sku
     * (ratios of moments to powers of Sq) carry only rounding noise and are reported undefined.
     */
    public static final double FLAT_RELATIVE = 1e-9;

    private ArealAnalyzer() {
    }

    /** @throws IllegalArgumentException when the surface cannot be evaluated with these settings (why, with the name) */
    public static ArealResult analyze(ArealSurface surface, ArealSettings s) {
        String name = surface.name();
        int nx = surface.sizeX();
        int ny = surface.sizeY();
        double dx = surface.dxMm();
        double dy = surface.dyMm();
        double[] z = surface.zUm();
        List<String> notes = new ArrayList<>();
        int valid = surface.validCount();
        int invalid = z.length - valid;
        double share = (double) invalid / z.length;
        if (invalid > 0) {
            notes.add(String.format(Locale.ROOT, "%d of %d points invalid (%.2f %%): left out", invalid, z.length,
                    100 * share));
        }
        if (valid == 0) {
            throw new IllegalArgumentException(name + ": no valid point (" + z.length + " points, all invalid)");
        }
        double heightScale = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                heightScale = Math.max(heightScale, Math.abs(v));
            }
        }
        try {
            z = ArealForm.residual(z, nx, ny, s.formDegree());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
        if (s.sFilterUm() > 0) {
            double ls = s.sFilterUm() / 1e3;
            if (Math.max(dx, dy) > ls / 3) {
                notes.add(String.format(Locale.ROOT, "spacing %.4g µm is coarser than λS/3 = %.4g µm: the S-filter "
                        + "acts only partly", 1e3 * Math.max(dx, dy), 1e3 * ls / 3));
            }
            z = ArealGaussianFilter.meanSurface(z, nx, ny, ls, dx, dy);
        }
        int x0 = 0;
        int y0 = 0;
        int x1 = nx;
        int y1 = ny;
        if (s.lFilterMm() > 0) {
            double ll = s.lFilterMm();
            double wx = (nx - 1) * dx;
            double wy = (ny - 1) * dy;
            if (s.discardBorder() && (wx < 2 * ll || wy < 2 * ll)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: area %.4g x %.4g mm is smaller than "
                        + "twice the L-filter nesting index %.4g mm in each direction (needed to discard λL/2 borders)",
                        name, wx, wy, ll));
            }
            if (ll < 5 * Math.max(dx, dy)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: L-filter nesting index %.4g mm is "
                        + "less than 5 sample spacings (%.4g mm)", name, ll, Math.max(dx, dy)));
            }
            z = ArealGaussianFilter.residual(z, nx, ny, ll, dx, dy);
            if (s.discardBorder()) {
                int bx = (int) Math.ceil(ll / 2 / dx - 1e-9);
                int by = (int) Math.ceil(ll / 2 / dy - 1e-9);
                x0 = bx;
                y0 = by;
                x1 = nx - bx;
                y1 = ny - by;
                z = crop(z, nx, x0, y0, x1, y1);
            }
        }
        int ex = x1 - x0;
        int ey = y1 - y0;
        double mean = ArealFieldParameters.mean(z);
        if (Double.isNaN(mean)) {
            throw new IllegalArgumentException(name + ": no valid point in the evaluation area");
        }
        int n = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] -= mean; // NaN stays NaN
            if (!Double.isNaN(z[i])) {
                n++;
            }
        }
        double[] m = ArealFieldParameters.moments(z);
        double sq = m[1];
        double ssk = Double.NaN;
        double sku = Double.NaN;
        if (sq > FLAT_RELATIVE * heightScale && sq > 0) {
            ssk = m[2] / (sq * sq * sq);
            sku = m[3] / (sq * sq * sq * sq);
        } else {
            notes.add(String.format(Locale.ROOT, "surface is flat (Sq %.3g µm is at most %.0e of the largest height "
                    + "%.3g µm): Ssk and Sku undefined", sq, FLAT_RELATIVE, heightScale));
        }
        double[] g = ArealFieldParameters.gradient(z, ex, ey, dx * 1e3, dy * 1e3);
        if (g[2] == 0) {
            notes.add("no valid point at least 3 points inside the area with valid neighbours on both sides in x "
                    + "and in y: Sdq and Sdr not evaluated");
        } else if (g[3] > 0) {
            notes.add(String.format(Locale.ROOT, "Sdq, Sdr: %d of %d points by the three-point difference "
                    + "(a neighbour within 3 points missing)", (long) g[3], (long) g[2]));
        }
        double[] heights = new double[n];
        int k = 0;
        for (double v : z) {
            if (!Double.isNaN(v)) {
                heights[k++] = v;
            }
        }
        double[] rk = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        List<Double> smc = new ArrayList<>();
        List<Double> smr = new ArrayList<>();
        if (n >= 2) {
            MaterialRatioCurve curve = new MaterialRatioCurve(heights, 0, n);
            MaterialRatioCurve.RkParameters r = curve.rk();
            rk = new double[] {r.rkUm(), r.rpkUm(), r.rvkUm(), r.mr1Percent(), r.mr2Percent()};
            for (double p : s.materialRatioPercents()) {
                smc.add(curve.levelAtPercent(p));
            }
            for (double c : s.smrLevelsUm()) {
                smr.add(curve.ratioPercentAt(c));
            }
        } else {
            s.materialRatioPercents().forEach(p -> smc.add(Double.NaN));
            s.smrLevelsUm().forEach(c -> smr.add(Double.NaN));
        }
        if (Double.isNaN(rk[0])) {
            notes.add("fewer than 10 points: Sk family not evaluated");
        }
        ArealParameters params = new ArealParameters(m[0], sq, ssk, sku, m[4], m[5], m[4] + m[5], g[0], g[1],
                rk[0], rk[1], rk[2], rk[3], rk[4], s.materialRatioPercents(), smc, s.smrLevelsUm(), smr);
        return new ArealResult(name, s, nx, ny, dx * 1e3, dy * 1e3, invalid, share, n, (ex - 1) * dx, (ey - 1) * dy,
                params, notes);
    }

    private static double[] crop(double[] z, int nx, int x0, int y0, int x1, int y1) {
        int w = x1 - x0;
        double[] out = new double[w * (y1 - y0)];
        for (int iy = y0; iy < y1; iy++) {
            System.arraycopy(z, iy * nx + x0, out, (iy - y0) * w, w);
        }
        return out;
    }
}
