package org.sinterscope.routes.decide;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import org.sinterscope.camera.DefectClass;

/**
 * What a product tolerates: the thresholds the station decides by. Loaded from a JSON file per
 * product ({@link RecipeLoader}); immutable.
 *
 * @param product          product name, for logs and the store
 * @param rejectMarginMm   a reject stretch is the defect's extent along the web plus this on both sides
 * @param defects          per defect class: whether it rejects and from what size
 * @param coating          limits on coating geometry and uniformity
 * @param uncertainPolicy  what a defect the classifier is unsure of does: {@code reject} or {@code pass}
 * @param foil             limits on the foil's roughness (profilometer readings before coating)
 * @param crack            limits on cracks in the sintered layer; when any is set they decide crack
 *                         defects instead of {@code defects.crack}
 * @param sintering        the sintering process window from the alloy, or null when the recipe has none
 */
public record Recipe(String product, double rejectMarginMm, Map<DefectClass, DefectRule> defects, CoatingLimits coating,
                     UncertainPolicy uncertainPolicy, FoilLimits foil, CrackLimits crack, SinteringLimits sintering) {

    /** What to do with a defect the classifier is not sure of. */
    public enum UncertainPolicy { REJECT, PASS }

    /**
     * @param reject     whether this class can reject at all
     * @param minSizeMm  it rejects when its size measurement is at least this
     * @param sizeOf     which measurement is its size ({@code diameterMm}, {@code lengthMm}, …)
     */
    public record DefectRule(boolean reject, double minSizeMm, String sizeOf) {
        public DefectRule {
            Objects.requireNonNull(sizeOf, "sizeOf");
            if (!(minSizeMm >= 0)) {
                throw new IllegalArgumentException("minimum defect size must be >= 0 mm, got " + minSizeMm);
            }
        }
    }

    /**
     * Limits on the coating; NaN switches a limit off.
     *
     * @param minWidthMm    narrowest coated band
     * @param maxWidthMm    widest coated band
     * @param minLeftEdgeMm operator-side edge no further left (mm from the foil edge)
     * @param maxLeftEdgeMm and no further right
     * @param maxCvPercent  CD coefficient of variation at most
     */
    public record CoatingLimits(double minWidthMm, double maxWidthMm, double minLeftEdgeMm, double maxLeftEdgeMm,
                                double maxCvPercent) {
    }

    /**
     * Limits on the foil's roughness parameters (ISO 21920-2, µm); NaN switches a limit off. A
     * reading passes when {@code Ra ≥ minRaUm}, {@code minRzUm ≤ Rz ≤ maxRzUm} and
     * {@code minRsmUm ≤ RSm ≤ maxRsmUm} for every limit that is on; a parameter that cannot be
     * evaluated (NaN) fails a limit that is on.
     *
     * @param minRaUm  smallest Ra, µm (the product spec: 0.2)
     * @param minRzUm  smallest Rz, µm
     * @param maxRzUm  largest Rz, µm
     * @param minRsmUm smallest RSm, µm
     * @param maxRsmUm largest RSm, µm
     */
    public record FoilLimits(double minRaUm, double minRzUm, double maxRzUm, double minRsmUm, double maxRsmUm) {
        public FoilLimits {
            double[] all = {minRaUm, minRzUm, maxRzUm, minRsmUm, maxRsmUm};
            for (double v : all) {
                if (v < 0 || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("foil limits must be finite and >= 0 µm (or off), got Ra >= " + minRaUm
                            + ", Rz in [" + minRzUm + ", " + maxRzUm + "], RSm in [" + minRsmUm + ", " + maxRsmUm + "]");
                }
            }
            if (minRzUm > maxRzUm || minRsmUm > maxRsmUm) {
                throw new IllegalArgumentException("foil limit windows must have min <= max, got Rz [" + minRzUm + ", " + maxRzUm
                        + "] µm, RSm [" + minRsmUm + ", " + maxRsmUm + "] µm");
            }
        }

        /** The product spec alone: Ra ≥ 0.2 µm, no Rz or RSm window. */
        public static FoilLimits productSpec() {
            return new FoilLimits(0.2, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
    }

    /**
     * Limits on cracks in the sintered layer; NaN switches a limit off. A crack rejects its own
     * stretch when its length exceeds {@code maxLengthMm} or its largest width exceeds
     * {@code maxWidthUm}; a segment whose crack length density exceeds {@code maxDensityMmPerMm2}
     * is rejected whole.
     *
     * @param maxDensityMmPerMm2 crack length per inspected area, mm/mm²
     * @param maxLengthMm        longest single crack (skeleton component), mm
     * @param maxWidthUm         widest point of a crack, µm
     */
    public record CrackLimits(double maxDensityMmPerMm2, double maxLengthMm, double maxWidthUm) {
        public CrackLimits {
            if (maxDensityMmPerMm2 < 0 || maxLengthMm < 0 || maxWidthUm < 0 || Double.isInfinite(maxDensityMmPerMm2)
                    || Double.isInfinite(maxLengthMm) || Double.isInfinite(maxWidthUm)) {
                throw new IllegalArgumentException("crack limits must be finite and >= 0 (or off), got density "
                        + maxDensityMmPerMm2 + " mm/mm², length " + maxLengthMm + " mm, width " + maxWidthUm + " µm");
            }
        }

        /** No crack limits: cracks follow {@code defects.crack} like any other class. */
        public static CrackLimits off() {
            return new CrackLimits(Double.NaN, Double.NaN, Double.NaN);
        }

        /** Whether any limit is on. */
        public boolean any() {
            return !Double.isNaN(maxDensityMmPerMm2) || !Double.isNaN(maxLengthMm) || !Double.isNaN(maxWidthUm);
        }
    }

    /** A recipe without a sintering section. */
    public Recipe(String product, double rejectMarginMm, Map<DefectClass, DefectRule> defects, CoatingLimits coating,
                  UncertainPolicy uncertainPolicy, FoilLimits foil, CrackLimits crack) {
        this(product, rejectMarginMm, defects, coating, uncertainPolicy, foil, crack, null);
    }

    /** A recipe with the foil product spec and no crack limits (the layout before foil and crack sections). */
    public Recipe(String product, double rejectMarginMm, Map<DefectClass, DefectRule> defects, CoatingLimits coating,
                  UncertainPolicy uncertainPolicy) {
        this(product, rejectMarginMm, defects, coating, uncertainPolicy, FoilLimits.productSpec(), CrackLimits.off(), null);
    }

    public Recipe {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(coating, "coating");
        Objects.requireNonNull(uncertainPolicy, "uncertainPolicy");
        Objects.requireNonNull(foil, "foil");
        Objects.requireNonNull(crack, "crack");
        if (!(rejectMarginMm >= 0)) {
            throw new IllegalArgumentException("reject margin must be >= 0 mm, got " + rejectMarginMm);
        }
        Map<DefectClass, DefectRule> copy = new EnumMap<>(DefectClass.class);
        copy.putAll(defects);
        defects = Map.copyOf(copy);
    }

    /** The sintering window, when the recipe has one. */
    public java.util.Optional<SinteringLimits> sinteringLimits() {
        return java.util.Optional.ofNullable(sintering);
    }

    /** The rule for {@code c}; a class the recipe does not name always rejects. */
    public DefectRule rule(DefectClass c) {
        return defects.getOrDefault(c, new DefectRule(true, 0, "lengthMm"));
    }
}
