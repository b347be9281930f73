package org.sinterscope.inspection.xrd;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the amorphous check ({@link XrdAnalyzer}); immutable, validated on construction.
 *
 * @param wavelengthA          X-ray wavelength when the scan does not state it, Å (Cu Kα1: 1.5406)
 * @param scherrerK            Scherrer shape factor K (0.9 for roughly spherical crystallites)
 * @param instrumentFwhmDeg    instrumental broadening, FWHM in degrees 2θ (from a line-shape standard, e.g. LaB6);
 *                             removed in quadrature before the Scherrer size
 * @param backgroundDegree     degree of the Chebyshev background polynomial, 0–4
 * @param haloCentersCuDeg     starting positions of the amorphous halos for Cu Kα1, degrees 2θ (a-Si: 28 and 52);
 *                             each may move by up to {@link #HALO_SHIFT_DEG}
 * @param haloMinFwhmDeg       narrowest a halo may be, degrees 2θ
 * @param haloMaxFwhmDeg       widest a halo may be, degrees 2θ
 * @param maxSharpFwhmDeg      widest a crystalline ("sharp") peak may be, degrees 2θ; 1.5° at 28.4° is a
 *                             Scherrer size of about 5.5 nm
 * @param detectionSigma       a peak is looked at when the matched-filter response exceeds this many standard
 *                             deviations of the noise, and kept when its fitted area exceeds 3 standard errors
 * @param matchToleranceDeg    a peak is named after a reflection within this distance, degrees 2θ
 * @param reflections          reflections of the active material (Si(111), Si(220), Si(311) and the recipe's)
 * @param substrateReflections reflections of the current collector (Cu foil): fitted, but left out of the index
 * @param crystallinityLimit   the scan is "substantially amorphous" when its crystallinity index is at most this
 */
public record XrdSettings(double wavelengthA, double scherrerK, double instrumentFwhmDeg, int backgroundDegree,
                          List<Double> haloCentersCuDeg, double haloMinFwhmDeg, double haloMaxFwhmDeg,
                          double maxSharpFwhmDeg, double detectionSigma, double matchToleranceDeg,
                          List<Reflection> reflections, List<Reflection> substrateReflections,
                          double crystallinityLimit) {

    /** How far a halo centre may move from its starting position, degrees 2θ. */
    public static final double HALO_SHIFT_DEG = 6;

    /** Crystalline Si, Cu Kα1 (a = 5.4309 Å). */
    public static final List<Reflection> SILICON = List.of(new Reflection("Si(111)", 28.44),
            new Reflection("Si(220)", 47.30), new Reflection("Si(311)", 56.12));

    /** Copper foil, Cu Kα1 (a = 3.615 Å). */
    public static final List<Reflection> COPPER = List.of(new Reflection("Cu(111)", 43.30),
            new Reflection("Cu(200)", 50.43), new Reflection("Cu(220)", 74.13));

    public XrdSettings {
        haloCentersCuDeg = List.copyOf(haloCentersCuDeg);
        reflections = List.copyOf(reflections);
        substrateReflections = List.copyOf(substrateReflections);
        if (!(wavelengthA > 0.1 && wavelengthA < 5)) {
            throw new IllegalArgumentException("wavelength must be within (0.1, 5) Å, got " + wavelengthA);
        }
        if (!(scherrerK > 0 && scherrerK <= 2)) {
            throw new IllegalArgumentException("Scherrer K must be within (0, 2], got " + scherrerK);
        }
        if (!(instrumentFwhmDeg >= 0 && instrumentFwhmDeg < maxSharpFwhmDeg)) {
            throw new IllegalArgumentException("instrument FWHM must be >= 0° and below the sharp-peak limit "
                    + maxSharpFwhmDeg + "°, got " + instrumentFwhmDeg + "°");
        }
        if (backgroundDegree < 0 || backgroundDegree > 4) {
            throw new IllegalArgumentException("background degree must be 0..4, got " + backgroundDegree);
        }
        for (double c : haloCentersCuDeg) {
            if (!(c > 0 && c < 180)) {
                throw new IllegalArgumentException("halo centre must be within (0°, 180°), got " + c);
            }
        }
        if (!(haloMinFwhmDeg > maxSharpFwhmDeg && haloMaxFwhmDeg >= haloMinFwhmDeg && haloMaxFwhmDeg < 90)) {
            throw new IllegalArgumentException("halo FWHM window must lie above the sharp-peak limit " + maxSharpFwhmDeg
                    + "° and below 90°, got [" + haloMinFwhmDeg + ", " + haloMaxFwhmDeg + "]°");
        }
        if (!(maxSharpFwhmDeg > 0)) {
            throw new IllegalArgumentException("sharp-peak FWHM limit must be > 0°, got " + maxSharpFwhmDeg);
        }
        if (!(detectionSigma >= 2 && detectionSigma < 100)) {
            throw new IllegalArgumentException("detection threshold must be within [2, 100) sigma, got " + detectionSigma);
        }
        if (!(matchToleranceDeg > 0 && matchToleranceDeg < 5)) {
            throw new IllegalArgumentException("match tolerance must be within (0°, 5°), got " + matchToleranceDeg);
        }
        if (!(crystallinityLimit >= 0 && crystallinityLimit <= 1)) {
            throw new IllegalArgumentException("crystallinity limit must be within [0, 1], got " + crystallinityLimit);
        }
    }

    /** Cu Kα1, K 0.9, 0.08° instrument FWHM, quadratic background, a-Si halos at 28° and 52°, Si reflections, Cu foil, limit 0.05. */
    public static XrdSettings defaults() {
        return new XrdSettings(Reflection.CU_K_ALPHA1_A, 0.9, 0.08, 2, List.of(28.0, 52.0), 3.0, 20.0, 1.5, 5.0, 0.3,
                SILICON, COPPER, 0.05);
    }

    public XrdSettings withCrystallinityLimit(double limit) {
        return new XrdSettings(wavelengthA, scherrerK, instrumentFwhmDeg, backgroundDegree, haloCentersCuDeg,
                haloMinFwhmDeg, haloMaxFwhmDeg, maxSharpFwhmDeg, detectionSigma, matchToleranceDeg, reflections,
                substrateReflections, limit);
    }

    public XrdSettings withInstrumentFwhmDeg(double fwhmDeg) {
        return new XrdSettings(wavelengthA, scherrerK, fwhmDeg, backgroundDegree, haloCentersCuDeg, haloMinFwhmDeg,
                haloMaxFwhmDeg, maxSharpFwhmDeg, detectionSigma, matchToleranceDeg, reflections, substrateReflections,
                crystallinityLimit);
    }

    public XrdSettings withBackgroundDegree(int degree) {
        return new XrdSettings(wavelengthA, scherrerK, instrumentFwhmDeg, degree, haloCentersCuDeg, haloMinFwhmDeg,
                haloMaxFwhmDeg, maxSharpFwhmDeg, detectionSigma, matchToleranceDeg, reflections, substrateReflections,
                crystallinityLimit);
    }

    public XrdSettings withWavelengthA(double lambdaA) {
        return new XrdSettings(lambdaA, scherrerK, instrumentFwhmDeg, backgroundDegree, haloCentersCuDeg, haloMinFwhmDeg,
                haloMaxFwhmDeg, maxSharpFwhmDeg, detectionSigma, matchToleranceDeg, reflections, substrateReflections,
                crystallinityLimit);
    }

    /** These settings with {@code extra} reflections of the active material added (the recipe's alloy). */
    public XrdSettings withExtraReflections(List<Reflection> extra) {
        List<Reflection> all = new ArrayList<>(reflections);
        all.addAll(extra);
        return new XrdSettings(wavelengthA, scherrerK, instrumentFwhmDeg, backgroundDegree, haloCentersCuDeg,
                haloMinFwhmDeg, haloMaxFwhmDeg, maxSharpFwhmDeg, detectionSigma, matchToleranceDeg, all,
                substrateReflections, crystallinityLimit);
    }
}
