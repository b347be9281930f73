package org.sinterscope.camera.lab;

import java.util.Objects;

/**
 * One powder-diffraction scan: intensity {@code intensity[i]} (counts or counts per second, any
 * linear scale) at the detector angle {@code twoThetaDeg[i]} (degrees 2θ), with the sample's tag.
 *
 * <p>Contract: at least {@link #MIN_POINTS} points; every 2θ finite, strictly increasing and inside
 * (0°, 180°); every intensity finite and ≥ 0 (a background-subtracted export cannot be judged: the
 * analysis fits the background itself). The arrays are copied in and out, so a pattern is immutable.
 *
 * @param source       where it came from, e.g. {@code "lab/R17-1520.xrdml scan 1"}; names it in every message
 * @param twoThetaDeg  detector angles, degrees 2θ
 * @param intensity    measured intensity at each angle, ≥ 0
 * @param wavelengthA  X-ray wavelength (Kα1) in ångström as the file states it, or NaN when the file does not say
 * @param tag          roll and web position of the sample (parts may be unknown)
 */
public record XrdPattern(String source, double[] twoThetaDeg, double[] intensity, double wavelengthA, SampleTag tag) {

    /** Fewest points a scan may have: the analysis fits up to a few dozen parameters. */
    public static final int MIN_POINTS = 50;

    /**
     * Which sample a scan was taken on.
     *
     * @param rollId   roll the sample was cut from, or null when unknown
     * @param yMm      web position of the sample along the roll, mm from the start of the roll, or NaN when unknown
     * @param sampleId the lab's own sample id, or null
     */
    public record SampleTag(String rollId, double yMm, String sampleId) {

        public SampleTag {
            if (rollId != null && rollId.isBlank()) {
                rollId = null;
            }
            if (sampleId != null && sampleId.isBlank()) {
                sampleId = null;
            }
            if (Double.isInfinite(yMm) || yMm < 0) {
                throw new IllegalArgumentException("sample web position must be finite and >= 0 mm, got " + yMm);
            }
        }

        /** Nothing known. */
        public static SampleTag unknown() {
            return new SampleTag(null, Double.NaN, null);
        }

        /**
         * This tag with its unknown parts taken from {@code fallback}.
         *
         * @throws IllegalArgumentException when both know a roll or a position and they differ
         */
        public SampleTag orElse(SampleTag fallback) {
            if (rollId != null && fallback.rollId != null && !rollId.equals(fallback.rollId)) {
                throw new IllegalArgumentException("the file names roll '" + rollId + "' but roll '"
                        + fallback.rollId + "' was given");
            }
            if (!Double.isNaN(yMm) && !Double.isNaN(fallback.yMm) && yMm != fallback.yMm) {
                throw new IllegalArgumentException("the file places the sample at y = " + yMm + " mm but y = "
                        + fallback.yMm + " mm was given");
            }
            return new SampleTag(rollId != null ? rollId : fallback.rollId, Double.isNaN(yMm) ? fallback.yMm : yMm,
                    sampleId != null ? sampleId : fallback.sampleId);
        }
    }

    public XrdPattern {
        Objects.requireNonNull(tag, "tag");
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("pattern source must not be blank");
        }
        if (twoThetaDeg == null || intensity == null || twoThetaDeg.length != intensity.length) {
            throw new IllegalArgumentException(source + ": 2θ and intensity must have the same length, got "
                    + (twoThetaDeg == null ? "null" : twoThetaDeg.length) + " and "
                    + (intensity == null ? "null" : intensity.length));
        }
        if (twoThetaDeg.length < MIN_POINTS) {
            throw new IllegalArgumentException(source + ": a scan needs at least " + MIN_POINTS + " points, got "
                    + twoThetaDeg.length);
        }
        if (!Double.isNaN(wavelengthA) && !(wavelengthA > 0.1 && wavelengthA < 5)) {
            throw new IllegalArgumentException(source + ": wavelength must be within (0.1, 5) Å, got " + wavelengthA);
        }
        twoThetaDeg = twoThetaDeg.clone();
        intensity = intensity.clone();
        for (int i = 0; i < twoThetaDeg.length; i++) {
            double t = twoThetaDeg[i];
            if (!Double.isFinite(t) || t <= 0 || t >= 180) {
                throw new IllegalArgumentException(source + ": 2θ[" + i + "] = " + t + "° is outside (0°, 180°)");
            }
            if (i > 0 && !(t > twoThetaDeg[i - 1])) {
                throw new IllegalArgumentException(source + ": 2θ must increase, but 2θ[" + i + "] = " + t
                        + "° follows 2θ[" + (i - 1) + "] = " + twoThetaDeg[i - 1] + "°");
            }
            if (!Double.isFinite(intensity[i]) || intensity[i] < 0) {
                throw new IllegalArgumentException(source + ": intensity[" + i + "] = " + intensity[i]
                        + " at 2θ = " + t + "° is not a finite value >= 0");
            }
        }
    }

    @Override
    public double[] twoThetaDeg() {
        return twoThetaDeg.clone();
    }

    @Override
    public double[] intensity() {
        return intensity.clone();
    }

    /** Number of points. */
    public int size() {
        return twoThetaDeg.length;
    }

    /** This scan with its unknown tag parts taken from {@code fallback} (see {@link SampleTag#orElse}). */
    public XrdPattern withTagFallback(SampleTag fallback) {
        return new XrdPattern(source, twoThetaDeg, intensity, wavelengthA, tag.orElse(fallback));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XrdPattern p && source.equals(p.source) && java.util.Arrays.equals(twoThetaDeg, p.twoThetaDeg)
                && java.util.Arrays.equals(intensity, p.intensity) && Double.compare(wavelengthA, p.wavelengthA) == 0
                && tag.equals(p.tag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, java.util.Arrays.hashCode(twoThetaDeg), java.util.Arrays.hashCode(intensity),
                wavelengthA, tag);
    }

    @Override
    public String toString() {
        return "XrdPattern[" + source + ", " + twoThetaDeg.length + " points, 2θ " + twoThetaDeg[0] + "–"
                + twoThetaDeg[twoThetaDeg.length - 1] + "°, " + tag + "]";
    }
}
