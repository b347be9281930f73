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
 */
public record Recipe(String product, double rejectMarginMm, Map<DefectClass, DefectRule> defects, CoatingLimits coating,
                     UncertainPolicy uncertainPolicy) {

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

    public Recipe {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(coating, "coating");
        Objects.requireNonNull(uncertainPolicy, "uncertainPolicy");
        if (!(rejectMarginMm >= 0)) {
            throw new IllegalArgumentException("reject margin must be >= 0 mm, got " + rejectMarginMm);
        }
        Map<DefectClass, DefectRule> copy = new EnumMap<>(DefectClass.class);
        copy.putAll(defects);
        defects = Map.copyOf(copy);
    }

    /** The rule for {@code c}; a class the recipe does not name always rejects. */
    public DefectRule rule(DefectClass c) {
        return defects.getOrDefault(c, new DefectRule(true, 0, "lengthMm"));
    }
}
