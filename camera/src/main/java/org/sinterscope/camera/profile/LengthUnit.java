package org.sinterscope.camera.profile;

import java.util.Locale;

/** Length units that profilometer files use, with their size in micrometres. */
public enum LengthUnit {
    M(1e6), MM(1e3), UM(1.0), NM(1e-3);

    private final double micrometres;

    LengthUnit(double micrometres) {
        this.micrometres = micrometres;
    }

    /** {@code value} in this unit, expressed in µm. */
    public double toUm(double value) {
        return value * micrometres;
    }

    /** {@code value} in this unit, expressed in mm. */
    public double toMm(double value) {
        return value * micrometres / 1e3;
    }

    /**
     * Parses a unit name: {@code m}, {@code mm}, {@code um}, {@code µm}, {@code micron}, {@code nm}
     * (case-insensitive). Returns null for anything else, so the caller can name the file.
     */
    public static LengthUnit parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "m" -> M;
            case "mm" -> MM;
            case "um", "µm", "μm", "micron", "microns" -> UM;
            case "nm" -> NM;
            default -> null;
        };
    }
}
