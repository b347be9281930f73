package org.sinterscope.inspection.xrd;

/**
 * A broad amorphous halo as fitted.
 *
 * @param twoThetaDeg centre, degrees 2θ
 * @param fwhmDeg     full width at half maximum, degrees 2θ
 * @param area        integrated intensity inside the scan, intensity × degrees
 * @param areaStdErr  standard error of the area from the fit, or NaN
 */
public record XrdHalo(double twoThetaDeg, double fwhmDeg, double area, double areaStdErr) {
}
