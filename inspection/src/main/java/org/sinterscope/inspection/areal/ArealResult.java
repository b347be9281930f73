package org.sinterscope.inspection.areal;

import java.util.List;

/**
 * One evaluated areal surface: what was read, what was evaluated, the parameters and notes.
 *
 * @param surfaceName     the surface's name (file)
 * @param settings        the settings used
 * @param sizeX           points per row as read
 * @param sizeY           rows as read
 * @param dxUm            column spacing, µm
 * @param dyUm            row spacing, µm
 * @param invalidPoints   points of the file that are missing (masked or non-finite)
 * @param invalidShare    invalidPoints / (sizeX · sizeY), 0..1
 * @param evaluatedPoints valid points in the evaluation area
 * @param areaXMm         width of the evaluation area, mm
 * @param areaYMm         height of the evaluation area, mm
 */
public record ArealResult(String surfaceName, ArealSettings settings, int sizeX, int sizeY, double dxUm, double dyUm,
                          int invalidPoints, double invalidShare, int evaluatedPoints, double areaXMm, double areaYMm,
                          ArealParameters parameters, List<String> notes) {

    public ArealResult {
        notes = List.copyOf(notes);
        if (invalidPoints < 0 || invalidPoints > (long) sizeX * sizeY || !(invalidShare >= 0 && invalidShare <= 1)
                || evaluatedPoints < 1) {
            throw new IllegalArgumentException(surfaceName + ": inconsistent counts: " + sizeX + " x " + sizeY
                    + " points, " + invalidPoints + " invalid (share " + invalidShare + "), " + evaluatedPoints + " evaluated");
        }
    }
}
