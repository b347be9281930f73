package org.sinterscope.inspection.roughness;

import java.util.List;

/**
 * The ISO 21920-2 profile parameters of one evaluated profile. Heights in µm from the mean line
 * (the λc mean line when filtered, the mean of the heights when not), material ratios in %, Rdq in
 * µm/µm, Rsk and Rku dimensionless. A parameter that cannot be evaluated on this profile (e.g. RSm
 * with no complete profile element, Rdq with fewer than 7 points or uneven spacing) is NaN.
 *
 * <p>Definitions are in {@link ProfileParameters} and {@link MaterialRatioCurve}.
 *
 * @param materialRatioPercents  the requested material ratios p, %
 * @param materialRatioHeightsUm for each p, the depth below the highest point of the evaluated
 *                               profile at which the material ratio equals p (0 at p = 0), µm
 */
public record RoughnessParameters(double raUm, double rqUm, double rsk, double rku, double rpUm, double rvUm,
                                  double rzUm, double rtUm, double rsmUm, double rdqUmPerUm, double rdcUm,
                                  double rkUm, double rpkUm, double rvkUm, double mr1Percent, double mr2Percent,
                                  List<Double> materialRatioPercents, List<Double> materialRatioHeightsUm) {

    public RoughnessParameters {
        materialRatioPercents = List.copyOf(materialRatioPercents);
        materialRatioHeightsUm = List.copyOf(materialRatioHeightsUm);
        if (materialRatioPercents.size() != materialRatioHeightsUm.size()) {
            throw new IllegalArgumentException("one material-ratio height per ratio: " + materialRatioPercents.size()
                    + " ratios, " + materialRatioHeightsUm.size() + " heights");
        }
        if (!(raUm >= 0) || !(rqUm >= raUm * (1 - 1e-12)) || !(rtUm >= 0) || !(rzUm >= 0)) {
            throw new IllegalArgumentException("inconsistent height parameters: Ra " + raUm + " µm, Rq " + rqUm
                    + " µm, Rz " + rzUm + " µm, Rt " + rtUm + " µm");
        }
    }
}
