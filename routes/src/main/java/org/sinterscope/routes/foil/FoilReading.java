package org.sinterscope.routes.foil;

import java.util.List;
import java.util.Objects;

import org.sinterscope.camera.profile.Profile;

/**
 * One profilometer reading of the foil: the profiles measured at one place of one foil lot.
 *
 * @param lot      foil lot (coil) id
 * @param yMm      web position (machine direction) of the reading, mm from the start of the roll
 * @param source   where it came from: the file name, or {@code json:<name>} for a message
 * @param profiles the traces (an areal X3P gives one per row), at least one
 */
public record FoilReading(String lot, double yMm, String source, List<Profile> profiles) {

    public FoilReading {
        if (lot == null || lot.isBlank()) {
            throw new IllegalArgumentException("foil reading " + source + ": lot must not be blank");
        }
        Objects.requireNonNull(source, "source");
        if (!Double.isFinite(yMm)) {
            throw new IllegalArgumentException("foil reading " + source + ": web position must be finite, got " + yMm + " mm");
        }
        profiles = List.copyOf(profiles);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("foil reading " + source + " holds no profile");
        }
    }
}
