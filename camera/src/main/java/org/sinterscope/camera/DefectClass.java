package org.sinterscope.camera;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of defect the station knows on the negative-electrode line. Shared by the simulator's
 * ground truth, the detectors and the recipe.
 */
public enum DefectClass {
    /** Foil shows through a small hole in the coating. */
    PINHOLE,
    /** A lump of undispersed active material or binder: a dark spot in the coating. */
    AGGLOMERATE,
    /** A thin line along the machine direction where the coating was scraped. */
    SCRATCH,
    /** A narrow band of lighter or darker coating running along the web (coater die lines). */
    STREAK,
    /** A larger area where no coating was laid on the foil. */
    UNCOATED,
    /** A notch or bulge of the coating edge. */
    EDGE,
    /** A crack in the sintered layer. */
    CRACK;

    /** The lower-case name used in files, JSON and recipes. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #label()} (case-insensitive). */
    public static DefectClass fromLabel(String label) {
        for (DefectClass c : values()) {
            if (c.name().equalsIgnoreCase(label.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown defect class '" + label + "', expected one of "
                + Arrays.stream(values()).map(DefectClass::label).collect(Collectors.joining(", ")));
    }
}
