package org.sinterscope.inspection.xrd;

import java.util.List;

import org.sinterscope.camera.lab.XrdPattern;

/**
 * The amorphous check of one scan.
 *
 * <p>Crystallinity index {@code CI = P / (P + H)}: P the summed area of the sharp peaks of the active
 * material, H the summed area of the amorphous halos, both inside the scanned range and above the
 * fitted background; current-collector peaks count in neither.
 *
 * @param source             the scan
 * @param tag                roll and web position of the sample
 * @param wavelengthA        wavelength used (the scan's, or the settings' when the scan does not say), Å
 * @param crystallinityIndex CI in [0, 1]
 * @param crystallinityStdErr its standard error from the fitted areas' errors (areas taken as independent), or NaN
 * @param sharpArea          P
 * @param haloArea           H
 * @param limit              the recipe's limit on CI
 * @param verdict            AMORPHOUS when CI ≤ limit
 * @param peaks              sharp peaks, by position (substrate peaks included, flagged)
 * @param halos              amorphous halos with area > 0, by position
 * @param reducedChi2        χ²/ν of the final fit with the noise estimated from the scan (≈ 1 for a good fit)
 * @param notes              what the reader should know (assumed wavelength, peaks at a width bound, …)
 * @param curves             the fit, point by point, for plots
 */
public record XrdResult(String source, XrdPattern.SampleTag tag, double wavelengthA, double crystallinityIndex,
                        double crystallinityStdErr, double sharpArea, double haloArea, double limit, Verdict verdict,
                        List<XrdPeak> peaks, List<XrdHalo> halos, double reducedChi2, List<String> notes,
                        Curves curves) {

    /** Whether the scan shows the alloy substantially amorphous. */
    public enum Verdict { AMORPHOUS, CRYSTALLINE }

    public XrdResult {
        peaks = List.copyOf(peaks);
        halos = List.copyOf(halos);
        notes = List.copyOf(notes);
    }

    /**
     * The scan and its fit, point by point.
     *
     * @param twoThetaDeg angles
     * @param observed    measured intensity
     * @param background  fitted background
     * @param broad       background + halos
     * @param fit         background + halos + sharp peaks
     */
    public record Curves(double[] twoThetaDeg, double[] observed, double[] background, double[] broad, double[] fit) {
    }
}
