package org.sinterscope.inspection.areal;

import java.util.List;

/**
 * ISO 25178-2 field parameters of one scale-limited surface, heights in µm from the mean plane of
 * the evaluated points. A parameter that cannot be evaluated is NaN (JSON: null) and the result's
 * notes say why: Ssk and Sku when the surface is flat (Sq negligible against its heights), Sdq and
 * Sdr without any point whose gradient stencil is complete, the Sk family with fewer than 10 points.
 * Definitions are in {@link ArealFieldParameters}.
 *
 * @param saUm                  arithmetic mean height Sa
 * @param sqUm                  root-mean-square height Sq
 * @param ssk                   skewness Ssk (dimensionless)
 * @param sku                   kurtosis Sku (dimensionless)
 * @param spUm                  maximum peak height Sp
 * @param svUm                  maximum pit depth Sv (positive)
 * @param szUm                  maximum height Sz = Sp + Sv
 * @param sdq                   root-mean-square gradient Sdq, µm/µm
 * @param sdrPercent            developed interfacial area ratio Sdr, %
 * @param skUm                  core height Sk
 * @param spkUm                 reduced peak height Spk
 * @param svkUm                 reduced dale height Svk
 * @param smr1Percent           material ratio at the top of the core Smr1
 * @param smr2Percent           material ratio at the bottom of the core Smr2
 * @param materialRatioPercents the requested p for Smc(p), %
 * @param smcUm                 Smc(p): height above the mean plane at which the material ratio is p, µm
 * @param smrLevelsUm           the requested heights c for Smr(c), µm above the mean plane
 * @param smrPercents           Smr(c): areal material ratio at height c, %
 */
public record ArealParameters(double saUm, double sqUm, double ssk, double sku, double spUm, double svUm, double szUm,
                              double sdq, double sdrPercent, double skUm, double spkUm, double svkUm,
                              double smr1Percent, double smr2Percent, List<Double> materialRatioPercents,
                              List<Double> smcUm, List<Double> smrLevelsUm, List<Double> smrPercents) {

    public ArealParameters {
        materialRatioPercents = List.copyOf(materialRatioPercents);
        smcUm = List.copyOf(smcUm);
        smrLevelsUm = List.copyOf(smrLevelsUm);
        smrPercents = List.copyOf(smrPercents);
        if (materialRatioPercents.size() != smcUm.size() || smrLevelsUm.size() != smrPercents.size()) {
            throw new IllegalArgumentException("one value per requested ratio / level: " + materialRatioPercents.size()
                    + " ratios, " + smcUm.size() + " Smc; " + smrLevelsUm.size() + " levels, " + smrPercents.size() + " Smr");
        }
        if (!(saUm >= 0) || !(sqUm >= saUm * (1 - 1e-12)) || !(szUm >= 0) || !(spUm >= 0) || !(svUm >= 0)) {
            throw new IllegalArgumentException("inconsistent height parameters: Sa " + saUm + " µm, Sq " + sqUm
                    + " µm, Sp " + spUm + " µm, Sv " + svUm + " µm, Sz " + szUm + " µm");
        }
    }
}
