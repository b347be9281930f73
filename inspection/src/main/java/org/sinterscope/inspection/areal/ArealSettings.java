package org.sinterscope.inspection.areal;

import java.util.List;

/**
 * How an areal surface is evaluated (ISO 25178-2 / -3): the F-operator (least-squares polynomial
 * form removal), the S-filter and L-filter nesting indices (ISO 16610-61 areal Gaussian), the border
 * treatment, and the material-ratio points to report.
 *
 * <p>Recommended values: form removal degree 1 (plane) for a flat specimen, 2 for a gently curved
 * one; the nesting indices from the series of ISO 25178-3 (L: 0.08, 0.25, 0.8, 2.5, 8 mm; S: 0.5, 0.8,
 * 2.5, 8 µm), with the L-filter at least ~5 × the S-filter. 0 switches a filter off. The defaults
 * ({@link #defaults()}) are plane removal and no filter: the S-F surface as measured, which every
 * scan size supports.
 *
 * @param formDegree            total degree of the least-squares polynomial in x and y removed first,
 *                              0 (mean only) to {@value #MAX_FORM_DEGREE}; 1 = plane
 * @param sFilterUm             S-filter nesting index (Gaussian cutoff), µm; 0 = off
 * @param lFilterMm             L-filter nesting index (Gaussian cutoff), mm; 0 = off
 * @param discardBorder         with the L-filter on: leave a border of λL/2 on every side out of the
 *                              evaluation area (the areal analogue of the profile's run-in/run-out)
 * @param materialRatioPercents ratios p at which to report Smc(p): the height above the mean plane at
 *                              which the areal material ratio is p, %
 * @param smrLevelsUm           heights c above the mean plane at which to report Smr(c), µm
 */
public record ArealSettings(int formDegree, double sFilterUm, double lFilterMm, boolean discardBorder,
                            List<Double> materialRatioPercents, List<Double> smrLevelsUm) {

    /** Highest supported polynomial degree of the form removal. */
    public static final int MAX_FORM_DEGREE = 4;

    public ArealSettings {
        materialRatioPercents = List.copyOf(materialRatioPercents);
        smrLevelsUm = List.copyOf(smrLevelsUm);
        if (formDegree < 0 || formDegree > MAX_FORM_DEGREE) {
            throw new IllegalArgumentException("form removal degree must be 0.." + MAX_FORM_DEGREE + ", got " + formDegree);
        }
        if (!(sFilterUm >= 0) || !Double.isFinite(sFilterUm)) {
            throw new IllegalArgumentException("S-filter nesting index must be finite and >= 0 µm, got " + sFilterUm);
        }
        if (!(lFilterMm >= 0) || !Double.isFinite(lFilterMm)) {
            throw new IllegalArgumentException("L-filter nesting index must be finite and >= 0 mm, got " + lFilterMm);
        }
        if (sFilterUm > 0 && lFilterMm > 0 && !(lFilterMm * 1e3 > 2 * sFilterUm)) {
            throw new IllegalArgumentException("L-filter nesting index " + lFilterMm + " mm must be more than twice the "
                    + "S-filter nesting index " + sFilterUm + " µm");
        }
        for (double p : materialRatioPercents) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("material ratio must be 0..100 %, got " + p);
            }
        }
        for (double c : smrLevelsUm) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("Smr level must be finite, got " + c);
            }
        }
    }

    /** Plane removal, no S-filter, no L-filter, border discarded when an L-filter is set, no extra ratios. */
    public static ArealSettings defaults() {
        return new ArealSettings(1, 0, 0, true, List.of(), List.of());
    }

    public ArealSettings withFormDegree(int degree) {
        return new ArealSettings(degree, sFilterUm, lFilterMm, discardBorder, materialRatioPercents, smrLevelsUm);
    }

    public ArealSettings withSFilterUm(double um) {
        return new ArealSettings(formDegree, um, lFilterMm, discardBorder, materialRatioPercents, smrLevelsUm);
    }

    public ArealSettings withLFilterMm(double mm) {
        return new ArealSettings(formDegree, sFilterUm, mm, discardBorder, materialRatioPercents, smrLevelsUm);
    }

    public ArealSettings withDiscardBorder(boolean discard) {
        return new ArealSettings(formDegree, sFilterUm, lFilterMm, discard, materialRatioPercents, smrLevelsUm);
    }

    public ArealSettings withMaterialRatioPercents(List<Double> percents) {
        return new ArealSettings(formDegree, sFilterUm, lFilterMm, discardBorder, percents, smrLevelsUm);
    }

    public ArealSettings withSmrLevelsUm(List<Double> levels) {
        return new ArealSettings(formDegree, sFilterUm, lFilterMm, discardBorder, materialRatioPercents, levels);
    }
}
