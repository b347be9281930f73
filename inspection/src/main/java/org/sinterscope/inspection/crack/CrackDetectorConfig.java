package org.sinterscope.inspection.crack;

/**
 * Settings of the {@link CrackDetector}. Immutable; start from a preset and change what you need
 * with the {@code with…} methods.
 *
 * <p>The detector works on a pyramid: level 0 is the image at {@code 1/workScale} of its
 * resolution, each further level halves it again. On every level the dark-ridge response is taken
 * at one Gaussian scale {@code sigmaPx} (level pixels), so the levels see cracks of about
 * {@code 2·sigmaPx·2^level·workScale} image pixels width. Responses are in units of the level's
 * own texture (a z-score), which makes the thresholds independent of image contrast.
 *
 * @param workScale         1 = full resolution, 2 = half (4× fewer pixels); integer ≥ 1
 * @param levels            pyramid levels (scales); 1–5. 4 covers cracks of ~2–25 px at workScale 1
 * @param sigmaPx           Gaussian scale of the ridge filter on each level, level pixels (0.8–4; 1.5 recommended)
 * @param edgePenalty       how much of the scale-normalised gradient magnitude is subtracted from the
 *                          ridge strength, which suppresses the dark side of a step edge (0 = off; 0–2)
 * @param seedEdgePenalty   the edge penalty of the seed strength (≥ {@code edgePenalty}): a hysteresis seed must be
 *                          a ridge even with this much of the gradient subtracted. The flank of a bright line
 *                          (a burnished scratch) has curvature like a dark line's but a strong gradient with it;
 *                          at ≥ 1.15 the flank's peak response vanishes for a Gaussian line profile
 * @param minDarkness       a mask pixel must be darker than the background (median at 1/8 resolution) by this
 *                          many mean absolute deviations of the image from that background; this makes the mask
 *                          as wide as the dark crack, not as the filter (0 = off; 0–5)
 * @param highZ             hysteresis seed threshold, in texture units (z); a crack must reach it somewhere
 * @param lowZ              hysteresis growth threshold, z; {@code 0 < lowZ <= highZ}
 * @param minLengthPx       a detected component whose bounding box is shorter than this on its longer
 *                          side (image pixels) is dropped as texture or dust
 * @param minCrackLengthPx  a skeleton component shorter than this (image pixels) is not counted as a crack
 * @param seedDarkness      seeds of the hysteresis must be this many times as dark as {@code minDarkness} (≥ 1)
 * @param minSeedExtentPx   the seed pixels of a kept component must span at least this much (bounding box, longer
 *                          side, image pixels): a compact dark speck (dust) cannot seed a long component that
 *                          grows along faint texture lines (0 = any seed)
 * @param maxFaintWidthPx   a component no wider than this on average (area / longer side of its box, image pixels)
 *                          is also kept when its seeds, connected or not, span {@code minSeedExtentPx}: a faint
 *                          thin crack has scattered seeds (0 = off)
 * @param backgroundClip    before the background of the darkness test is taken, the working image is clipped at
 *                          its mean + this many standard deviations, so that bright lines (burnished scratches)
 *                          do not lift the background and make the plain surface beside them look dark (0 = off; 0–5)
 */
public record CrackDetectorConfig(int workScale, int levels, double sigmaPx, double edgePenalty, double seedEdgePenalty, double minDarkness,
                                  double highZ, double lowZ, double minLengthPx, double minCrackLengthPx,
                                  double seedDarkness, double minSeedExtentPx, double maxFaintWidthPx,
                                  double backgroundClip) {

    public CrackDetectorConfig {
        if (workScale < 1 || workScale > 4) {
            throw new IllegalArgumentException("workScale must be 1..4, got " + workScale);
        }
        if (levels < 1 || levels > 5) {
            throw new IllegalArgumentException("levels must be 1..5, got " + levels);
        }
        if (!(sigmaPx >= 0.8 && sigmaPx <= 4)) {
            throw new IllegalArgumentException("sigmaPx must be in [0.8, 4], got " + sigmaPx);
        }
        if (!(edgePenalty >= 0 && edgePenalty <= 2)) {
            throw new IllegalArgumentException("edgePenalty must be in [0, 2], got " + edgePenalty);
        }
        if (!(seedEdgePenalty >= edgePenalty && seedEdgePenalty <= 3)) {
            throw new IllegalArgumentException("seedEdgePenalty must be in [edgePenalty, 3], got " + seedEdgePenalty
                    + " with edgePenalty " + edgePenalty);
        }
        if (!(minDarkness >= 0 && minDarkness <= 5)) {
            throw new IllegalArgumentException("minDarkness must be in [0, 5], got " + minDarkness);
        }
        if (!(lowZ > 0) || !(highZ >= lowZ) || !Double.isFinite(highZ)) {
            throw new IllegalArgumentException("thresholds need 0 < lowZ <= highZ, got lowZ=" + lowZ + ", highZ=" + highZ);
        }
        if (!(minLengthPx >= 0) || !(minCrackLengthPx >= 0) || !Double.isFinite(minLengthPx) || !Double.isFinite(minCrackLengthPx)) {
            throw new IllegalArgumentException("minimum lengths must be finite and >= 0, got minLengthPx=" + minLengthPx
                    + ", minCrackLengthPx=" + minCrackLengthPx);
        }
        if (!(seedDarkness >= 1 && seedDarkness <= 10)) {
            throw new IllegalArgumentException("seedDarkness must be in [1, 10], got " + seedDarkness);
        }
        if (!(minSeedExtentPx >= 0) || !Double.isFinite(minSeedExtentPx)) {
            throw new IllegalArgumentException("minSeedExtentPx must be finite and >= 0, got " + minSeedExtentPx);
        }
        if (!(backgroundClip >= 0 && backgroundClip <= 5)) {
            throw new IllegalArgumentException("backgroundClip must be in [0, 5], got " + backgroundClip);
        }
        if (!(maxFaintWidthPx >= 0) || !Double.isFinite(maxFaintWidthPx)) {
            throw new IllegalArgumentException("maxFaintWidthPx must be finite and >= 0, got " + maxFaintWidthPx);
        }
    }

    /** Photos and frames of any size: full resolution, four scales. */
    public static CrackDetectorConfig standard() {
        return new CrackDetectorConfig(1, 4, 1.5, 0.25, 0.25, 1.0, 4.0, 2.0, 20, 20, 2.5, 0, 0, 0);
    }

    /**
     * For the line (the station's sintered-layer stage): full resolution, three scales (cracks of ~1–12 px),
     * strict seeds (edge penalty 1.5, seeds 2.5× as dark, seeds spanning 20 px) against dust, and the
     * background of the darkness test taken with the image clipped at mean + 0.5 sd against burnished
     * scratches.
     *
     * <p>Full resolution because a crack one pixel wide with 9–16 grey levels of apparent contrast (the
     * faintest the sintered-layer simulator draws, after the optics' blur) averages away at half
     * resolution. The clip because bright scratches lifted the background estimate, so the plain surface
     * beside and between them passed as dark and was taken for a crack. Development seeds, 2048 × 1024 px
     * frames (docs/cracks.md, "Sintered stage: why cracks were missed"): the half-resolution preset missed
     * 22 of 355 cracks, full resolution 4, with the clip 2; on 600 clean frames 10 false cracks without
     * the clip, none with it. Full resolution costs about 5× the CPU of half (~30 Mpx per CPU-second),
     * which the sampling sintered camera (2 Mpx per 500 mm of web) can afford.
     */
    public static CrackDetectorConfig line() {
        return new CrackDetectorConfig(1, 3, 1.5, 0.25, 1.5, 1.0, 3.0, 1.5, 20, 20, 2.5, 20, 8, 0.5);
    }

    public CrackDetectorConfig withWorkScale(int v) {
        return new CrackDetectorConfig(v, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withLevels(int v) {
        return new CrackDetectorConfig(workScale, v, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withSigmaPx(double v) {
        return new CrackDetectorConfig(workScale, levels, v, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withEdgePenalty(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, v, Math.max(v, seedEdgePenalty), minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withMinDarkness(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, v, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withThresholds(double high, double low) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, high, low, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withMinLengthPx(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, v, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withMinCrackLengthPx(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, v, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withSeedEdgePenalty(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, v, minDarkness, highZ, lowZ, minLengthPx,
                minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withSeedDarkness(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx,
                v, minSeedExtentPx, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withMinSeedExtentPx(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx,
                seedDarkness, v, maxFaintWidthPx, backgroundClip);
    }

    public CrackDetectorConfig withMaxFaintWidthPx(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ,
                minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, v, backgroundClip);
    }

    public CrackDetectorConfig withBackgroundClip(double v) {
        return new CrackDetectorConfig(workScale, levels, sigmaPx, edgePenalty, seedEdgePenalty, minDarkness, highZ, lowZ, minLengthPx, minCrackLengthPx, seedDarkness, minSeedExtentPx, maxFaintWidthPx, v);
    }
}
