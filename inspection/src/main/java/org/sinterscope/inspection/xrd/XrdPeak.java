package org.sinterscope.inspection.xrd;

/**
 * A sharp (crystalline) peak as fitted.
 *
 * @param twoThetaDeg        centre, degrees 2θ
 * @param fwhmDeg            full width at half maximum as observed, degrees 2θ
 * @param eta                pseudo-Voigt mixing (0 Gaussian … 1 Lorentzian)
 * @param height             peak height above background and halos, intensity units
 * @param area               integrated intensity inside the scan, intensity × degrees
 * @param areaStdErr         standard error of the area from the fit, or NaN
 * @param crystalliteSizeNm  Scherrer size {@code K λ / (β cos θ)} with {@code β = √(FWHM² − FWHMinst²)} in
 *                           radians, nm; NaN when the peak is not broader than the instrument
 * @param reflection         the reflection it is named after, or null when it matches none
 * @param substrate          whether it is a current-collector reflection (left out of the crystallinity index)
 */
public record XrdPeak(double twoThetaDeg, double fwhmDeg, double eta, double height, double area, double areaStdErr,
                      double crystalliteSizeNm, String reflection, boolean substrate) {
}
