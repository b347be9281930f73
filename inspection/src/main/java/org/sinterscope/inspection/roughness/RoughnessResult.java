package org.sinterscope.inspection.roughness;

import java.util.List;

/**
 * One evaluated profile: the settings used, what was evaluated, the parameters, and notes on
 * anything that deserves a reader's attention (interpolated points, coarse sampling, ...).
 *
 * @param profileName        the profile's name (file, row)
 * @param settings           the settings used
 * @param evaluatedPoints    number of points in the evaluation length
 * @param interpolatedPoints invalid points filled by linear interpolation before filtering (filter mode)
 *                           or dropped (no-filter mode: see notes)
 * @param spacingUm          mean sample spacing, µm
 * @param evaluationLengthMm length evaluated, mm
 * @param sectionLengthMm    length of one of the N sections, mm
 */
public record RoughnessResult(String profileName, RoughnessSettings settings, int evaluatedPoints,
                              int interpolatedPoints, double spacingUm, double evaluationLengthMm,
                              double sectionLengthMm, RoughnessParameters parameters, List<String> notes) {

    public RoughnessResult {
        notes = List.copyOf(notes);
        if (evaluatedPoints < 2 || !(evaluationLengthMm > 0)) {
            throw new IllegalArgumentException(profileName + ": evaluation needs >= 2 points and a positive length, got "
                    + evaluatedPoints + " points over " + evaluationLengthMm + " mm");
        }
    }
}
