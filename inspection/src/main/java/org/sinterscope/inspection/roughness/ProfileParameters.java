package org.sinterscope.inspection.roughness;

import java.util.ArrayList;
import java.util.List;

/**
 * Field parameters of an evaluated profile z(x), heights measured from the mean line (z = 0), all
 * sums compensated ({@link NeumaierSum}). Names follow ISO 21920-2:2021; the numbers in brackets are
 * the clauses of the predecessor ISO 4287:1997 that define the same quantity, for readers who hold
 * that text. Each method reads {@code z[from..to)} and modifies nothing.
 */
public final class ProfileParameters {

    /** Height discrimination of profile elements for RSm: 10 % of Rz (the ISO 4287 / ISO 4288 convention). */
    public static final double HEIGHT_DISCRIMINATION = 0.10;
    /** Width discrimination of profile elements for RSm: 1 % of the section length. */
    public static final double WIDTH_DISCRIMINATION = 0.01;

    private ProfileParameters() {
    }

    /** Arithmetic mean height, Ra = (1/l)∫|z| dx, discretely mean(|z_i|) [ISO 4287 4.2.1]. */
    public static double ra(double[] z, int from, int to) {
        return NeumaierSum.meanPower(z, from, to, 0, 1);
    }

    /** Root-mean-square height, Rq = √((1/l)∫z² dx) [ISO 4287 4.2.2]. */
    public static double rq(double[] z, int from, int to) {
        return Math.sqrt(NeumaierSum.meanPower(z, from, to, 0, 2));
    }

    /** Skewness, Rsk = (1/Rq³)(1/l)∫z³ dx [ISO 4287 4.2.3]; NaN when Rq = 0. */
    public static double rsk(double[] z, int from, int to) {
        double rq = rq(z, from, to);
        return rq == 0 ? Double.NaN : NeumaierSum.meanPower(z, from, to, 0, 3) / (rq * rq * rq);
    }

    /** Kurtosis, Rku = (1/Rq⁴)(1/l)∫z⁴ dx [ISO 4287 4.2.4]; NaN when Rq = 0. */
    public static double rku(double[] z, int from, int to) {
        double rq = rq(z, from, to);
        return rq == 0 ? Double.NaN : NeumaierSum.meanPower(z, from, to, 0, 4) / (rq * rq * rq * rq);
    }

    /** Total height, Rt = max z − min z over the evaluation length [ISO 4287 4.1.5]. */
    public static double rt(double[] z, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, z[i]);
            min = Math.min(min, z[i]);
        }
        return max - min;
    }

    /**
     * Section boundaries: {@code sections} consecutive index ranges covering {@code [from, to)}, the
     * first {@code (to − from) mod sections} one point longer (the convention of numpy's
     * {@code array_split}). Returns sections + 1 boundaries.
     *
     * @throws IllegalArgumentException when a section would hold fewer than 2 points
     */
    public static int[] sectionBounds(int from, int to, int sections) {
        int n = to - from;
        if (n < 2 * sections) {
            throw new IllegalArgumentException(n + " evaluated points are fewer than 2 per section for "
                    + sections + " sections");
        }
        int[] b = new int[sections + 1];
        int base = n / sections;
        int extra = n % sections;
        b[0] = from;
        for (int s = 0; s < sections; s++) {
            b[s + 1] = b[s] + base + (s < extra ? 1 : 0);
        }
        return b;
    }

    /**
     * Section heights: for each section i its highest peak p_i = max z and deepest valley
     * v_i = −min z; returns {Rp, Rv, Rz} = {mean p_i, mean v_i, mean (p_i + v_i)}. Rz is the maximum
     * height of ISO 21920-2 (mean over the sections of the peak-to-valley height) [ISO 4287 4.1.1–4.1.3
     * per sampling length, averaged over the sampling lengths as ISO 4288 prescribes].
     */
    public static double[] sectionHeights(double[] z, int[] bounds) {
        int sections = bounds.length - 1;
        NeumaierSum p = new NeumaierSum();
        NeumaierSum v = new NeumaierSum();
        NeumaierSum t = new NeumaierSum();
        for (int s = 0; s < sections; s++) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (int i = bounds[s]; i < bounds[s + 1]; i++) {
                max = Math.max(max, z[i]);
                min = Math.min(min, z[i]);
            }
            p.add(max);
            v.add(-min);
            t.add(max - min);
        }
        return new double[] {p.value() / sections, v.value() / sections, t.value() / sections};
    }

    /**
     * Root-mean-square slope, Rdq = √(mean (dz/dx)²) [ISO 4287 4.4.1, RΔq], with the local slope from
     * the seven-point formula of ISO 4287 / ISO 21920-2:
     * {@code dz/dx_i = (z_{i+3} − 9z_{i+2} + 45z_{i+1} − 45z_{i−1} + 9z_{i−2} − z_{i−3}) / (60Δx)},
     * evaluated at every point with three neighbours on each side inside {@code [from, to)}. Uniform
     * spacing required; NaN with fewer than 7 points.
     */
    public static double rdq(double[] z, int from, int to, double spacingUm) {
        if (to - from < 7) {
            return Double.NaN;
        }
        NeumaierSum s = new NeumaierSum();
        int count = 0;
        for (int i = from + 3; i < to - 3; i++) {
            double d = (z[i + 3] - 9 * z[i + 2] + 45 * z[i + 1] - 45 * z[i - 1] + 9 * z[i - 2] - z[i - 3])
                    / (60 * spacingUm);
            s.add(d * d);
            count++;
        }
        return Math.sqrt(s.value() / count);
    }

    /**
     * Mean width of the profile elements, RSm [ISO 4287 4.3.1], in µm.
     *
     * <p>A profile element is a peak (part above the mean line) and the adjacent valley (part below),
     * bounded by mean-line crossings (located by linear interpolation). A peak or valley whose height
     * (depth) is below {@code heightMinUm} or whose width is below {@code widthMinMm} is not an
     * element part of its own: it is counted as part of the preceding one (the ISO 4287 rule for profile elements).
     * Only elements lying wholly inside the profile count. RSm is the mean of their widths; NaN when
     * there is none.
     */
    public static double rsmUm(double[] xMm, double[] z, int from, int to, double heightMinUm, double widthMinMm) {
        List<double[]> runs = new ArrayList<>(); // {sign, startX (NaN = profile start), endX, extreme}
        double sign = z[from] >= 0 ? 1 : -1;
        double start = Double.NaN;
        double extreme = Math.abs(z[from]);
        for (int i = from + 1; i < to; i++) {
            double s = z[i] >= 0 ? 1 : -1;
            if (s != sign) {
                double xc = xMm[i - 1] + (xMm[i] - xMm[i - 1]) * z[i - 1] / (z[i - 1] - z[i]);
                runs.add(new double[] {sign, start, xc, extreme});
                sign = s;
                start = xc;
                extreme = 0;
            }
            extreme = Math.max(extreme, Math.abs(z[i]));
        }
        runs.add(new double[] {sign, start, Double.NaN, extreme});

        List<double[]> kept = new ArrayList<>();
        for (double[] r : runs) {
            boolean complete = !Double.isNaN(r[1]) && !Double.isNaN(r[2]);
            boolean significant = r[3] >= heightMinUm && (!complete || r[2] - r[1] >= widthMinMm);
            if (kept.isEmpty()) {
                kept.add(r.clone());
            } else {
                double[] last = kept.get(kept.size() - 1);
                if (!significant) {
                    last[2] = r[2]; // absorbed by the preceding peak or valley
                } else if (last[0] == r[0]) {
                    last[2] = r[2];
                    last[3] = Math.max(last[3], r[3]);
                } else {
                    kept.add(r.clone());
                }
            }
        }
        List<Double> widths = new ArrayList<>();
        for (double[] r : kept) {
            if (!Double.isNaN(r[1]) && !Double.isNaN(r[2])) {
                widths.add(r[2] - r[1]);
            }
        }
        NeumaierSum sum = new NeumaierSum();
        int elements = 0;
        for (int j = 0; j + 1 < widths.size(); j += 2) {
            sum.add(widths.get(j) + widths.get(j + 1));
            elements++;
        }
        return elements == 0 ? Double.NaN : 1e3 * sum.value() / elements;
    }
}
