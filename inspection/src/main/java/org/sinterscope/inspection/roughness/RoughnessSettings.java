package org.sinterscope.inspection.roughness;

import java.util.List;

/**
 * How a profile is evaluated.
 *
 * <p>Presets follow the cutoff table of ISO 21920-3 (formerly ISO 4288, Table 1, with the λs values of
 * ISO 3274) for non-periodic profiles by expected Ra: Ra ≤ 0.02 µm → λc 0.08 mm; ≤ 0.1 → 0.25 mm;
 * ≤ 2 → 0.8 mm; ≤ 10 → 2.5 mm; above → 8 mm; λs 2.5 µm up to λc 0.8 mm, 8 µm at 2.5 mm, 25 µm at
 * 8 mm; 5 sections. The foil spec (Ra ≥ 0.2 µm) falls in the 0.1–2 µm row: λc 0.8 mm, λs 2.5 µm,
 * which is {@link #defaults()}.
 *
 * @param filter        true: form removal, λs and λc Gaussian filters (ISO 16610-21), roughness
 *                      profile. false: parameters of the profile as read (invalid points dropped,
 *                      heights taken from their mean, nothing else)
 * @param cutoffMm      λc, mm (finite &gt; 0; used when filtering)
 * @param lambdaSUm     λs, µm (0 = no short-wave filter; else finite &gt; 0 and below λc/10)
 * @param formDegree    degree of the least-squares polynomial removed before filtering, 0..5 (1 = line)
 * @param sections      number of equal sections of the evaluation length for Rp, Rv, Rz (1..1000)
 * @param endEffect     how the filter's end effects are handled
 * @param materialRatioPercents material ratios p (0..100 %) at which to report the depth below the
 *                      highest point of the evaluated profile
 * @param rdcUpperPercent upper material ratio of Rdc (0..100, below {@code rdcLowerPercent})
 * @param rdcLowerPercent lower material ratio of Rdc (0..100)
 */
public record RoughnessSettings(boolean filter, double cutoffMm, double lambdaSUm, int formDegree, int sections,
                                EndEffect endEffect, List<Double> materialRatioPercents,
                                double rdcUpperPercent, double rdcLowerPercent) {

    /** End-effect handling of the λc filter. */
    public enum EndEffect {
        /** Mean line with the zero-order correction, then λc/2 dropped at each end (run-in/run-out). */
        DISCARD_HALF_CUTOFF,
        /** Mean line with the zero-order correction (ISO 16610-28) and the whole length evaluated. */
        CORRECTED_FULL_LENGTH
    }

    public RoughnessSettings {
        if (!(cutoffMm > 0) || !Double.isFinite(cutoffMm)) {
            throw new IllegalArgumentException("cutoff λc must be finite and > 0 mm, got " + cutoffMm);
        }
        if (!(lambdaSUm >= 0) || !Double.isFinite(lambdaSUm) || lambdaSUm / 1e3 >= cutoffMm / 10) {
            throw new IllegalArgumentException("λs must be 0 (off) or finite, > 0 and below λc/10 = "
                    + cutoffMm * 100 + " µm, got " + lambdaSUm + " µm");
        }
        if (formDegree < 0 || formDegree > FormRemoval.MAX_DEGREE) {
            throw new IllegalArgumentException("form degree must be 0.." + FormRemoval.MAX_DEGREE + ", got " + formDegree);
        }
        if (sections < 1 || sections > 1000) {
            throw new IllegalArgumentException("sections must be 1..1000, got " + sections);
        }
        if (endEffect == null) {
            throw new IllegalArgumentException("end-effect handling must be given");
        }
        materialRatioPercents = List.copyOf(materialRatioPercents == null ? List.of() : materialRatioPercents);
        for (double p : materialRatioPercents) {
            if (!(p >= 0 && p <= 100)) {
                throw new IllegalArgumentException("material ratios must be within 0..100 %, got " + p);
            }
        }
        if (!(rdcUpperPercent >= 0 && rdcUpperPercent < rdcLowerPercent && rdcLowerPercent <= 100)) {
            throw new IllegalArgumentException("Rdc needs 0 <= upper < lower <= 100 %, got " + rdcUpperPercent
                    + " and " + rdcLowerPercent);
        }
    }

    /** λc 0.8 mm, λs 2.5 µm, least-squares line, 5 sections, λc/2 discarded at each end, Rdc(2 %, 98 %). */
    public static RoughnessSettings defaults() {
        return new RoughnessSettings(true, 0.8, 2.5, 1, 5, EndEffect.DISCARD_HALF_CUTOFF, List.of(), 2, 98);
    }

    /** The cutoff-table row for a profile whose Ra is expected around {@code raUm}. */
    public static RoughnessSettings forExpectedRaUm(double raUm) {
        if (!(raUm > 0) || !Double.isFinite(raUm)) {
            throw new IllegalArgumentException("expected Ra must be finite and > 0 µm, got " + raUm);
        }
        double lc;
        double ls;
        if (raUm <= 0.02) {
            lc = 0.08;
            ls = 2.5;
        } else if (raUm <= 0.1) {
            lc = 0.25;
            ls = 2.5;
        } else if (raUm <= 2) {
            lc = 0.8;
            ls = 2.5;
        } else if (raUm <= 10) {
            lc = 2.5;
            ls = 8;
        } else {
            lc = 8;
            ls = 25;
        }
        return defaults().withCutoffMm(lc).withLambdaSUm(ls);
    }

    /** Parameters of the profile as read: no form removal, no filter. */
    public RoughnessSettings withoutFilter() {
        return new RoughnessSettings(false, cutoffMm, lambdaSUm, formDegree, sections, endEffect,
                materialRatioPercents, rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withCutoffMm(double v) {
        return new RoughnessSettings(filter, v, lambdaSUm, formDegree, sections, endEffect, materialRatioPercents,
                rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withLambdaSUm(double v) {
        return new RoughnessSettings(filter, cutoffMm, v, formDegree, sections, endEffect, materialRatioPercents,
                rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withFormDegree(int v) {
        return new RoughnessSettings(filter, cutoffMm, lambdaSUm, v, sections, endEffect, materialRatioPercents,
                rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withSections(int v) {
        return new RoughnessSettings(filter, cutoffMm, lambdaSUm, formDegree, v, endEffect, materialRatioPercents,
                rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withEndEffect(EndEffect v) {
        return new RoughnessSettings(filter, cutoffMm, lambdaSUm, formDegree, sections, v, materialRatioPercents,
                rdcUpperPercent, rdcLowerPercent);
    }

    public RoughnessSettings withMaterialRatioPercents(List<Double> v) {
        return new RoughnessSettings(filter, cutoffMm, lambdaSUm, formDegree, sections, endEffect, v,
                rdcUpperPercent, rdcLowerPercent);
    }
}
