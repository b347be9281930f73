package org.sinterscope.inspection.crack;

import java.util.Objects;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.WebRect;

/**
 * One crack (one skeleton component) located on the web.
 *
 * @param index       0-based index of the crack within its image, longest first
 * @param defectClass always {@link DefectClass#CRACK}
 * @param bounds      bounding box of the crack's skeleton on the web, mm
 * @param lengthMm    crack length along its skeleton, mm
 * @param maxWidthUm  largest width along the crack, µm
 * @param meanWidthUm mean width along the crack, µm
 * @param branchPoints branch points on this crack
 */
public record CrackDefect(int index, DefectClass defectClass, WebRect bounds, double lengthMm, double maxWidthUm,
                          double meanWidthUm, int branchPoints) {

    public CrackDefect {
        Objects.requireNonNull(bounds, "bounds");
        if (defectClass != DefectClass.CRACK) {
            throw new IllegalArgumentException("a crack defect has class crack, got " + defectClass);
        }
        if (!(lengthMm >= 0) || !(maxWidthUm >= 0) || !(meanWidthUm >= 0) || branchPoints < 0 || index < 0) {
            throw new IllegalArgumentException("crack #" + index + " needs length, widths and branch points >= 0, got "
                    + lengthMm + " mm, max " + maxWidthUm + " µm, mean " + meanWidthUm + " µm, " + branchPoints + " branch points");
        }
    }
}
