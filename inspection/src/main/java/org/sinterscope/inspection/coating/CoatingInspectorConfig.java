package org.sinterscope.inspection.coating;

/**
 * Settings of the coating inspection. Immutable; {@link #defaults()} suits a dark coating on
 * bright copper at 20–100 µm/px.
 *
 * @param stripeLengthMm      length along the web of the stripes the frame is cut into: the CD
 *                            profile is the median over stripes, streaks are followed stripe by stripe
 * @param streakMinStripes    a streak must show in at least this many consecutive stripes (≥ 2); a
 *                            round spot at most {@code streakMaxWidthMm} across cannot
 * @param streakWindowMm      width of the running median the CD profile is detrended with; a
 *                            streak must be narrower than half of it
 * @param streakMinGrey       minimum |grey-level step| of a streak against its surroundings
 * @param streakMinWidthMm    narrower bands are ignored (a scratch is not a streak)
 * @param streakMaxWidthMm    wider bands are coat-weight variation, not streaks
 * @param edgeExclusionMm     band next to each coating edge left out of the CV and of the spot
 *                            search (the edge inspection covers it)
 * @param spotMinGrey         minimum |grey-level difference| from the local coating for a spot pixel
 * @param spotNoiseSigmas     the spot threshold is at least this many noise σ
 * @param spotMinAreaPx       smaller blobs are noise
 * @param uncoatedMinDiameterMm bright spots at least this wide are uncoated areas, smaller are pinholes
 * @param scratchWindowMm     length of the along-web averaging that brings out faint scratches
 * @param scratchMinGrey      minimum mean brightness step of a scratch after that averaging
 * @param scratchMinLengthMm  shorter lines are not scratches
 * @param scratchMinAspect    length / width of a scratch at least this
 * @param edgeWindowMm        half-width of the strip around each edge searched for edge defects
 * @param edgeMinDepthMm      a notch or bulge must move the edge at least this far
 * @param edgeMinLengthMm     and over at least this length along the web
 * @param spotJoinFraction    spot fragments joined by one component above this fraction of the spot
 *                            threshold are one spot (hysteresis, {@code FragmentGroups}); in (0, 1)
 * @param spotJoinGapMm       fragments whose boxes are further apart than this are never joined
 * @param spotLineElongation  a spot whose box diagonal is at least this many times its
 *                            area-equivalent diameter (and at least {@code spotLineMinMm}) is
 *                            line-shaped, not a compact pinhole or agglomerate: it is a scratch
 *                            (length = the box diagonal), and the recipe's scratch length decides
 * @param spotLineMinMm       shorter spots are never line-shaped
 * @param spotLineMaxBend     a line-shaped spot that bends more than this ({@code LineShape#bendRatio()}:
 *                            RMS distance from its best straight line / its length, ≈ 0.037 L / R for
 *                            an arc of length L and radius R) is a curved fibre lying on the coating,
 *                            not a scratch, and is not reported; a scratch is kept while its radius
 *                            of curvature exceeds ≈ 0.037 / spotLineMaxBend times its length
 */
public record CoatingInspectorConfig(double stripeLengthMm, int streakMinStripes, double streakWindowMm, double streakMinGrey, double streakMinWidthMm,
                                     double streakMaxWidthMm, double edgeExclusionMm, double spotMinGrey,
                                     double spotNoiseSigmas, int spotMinAreaPx, double uncoatedMinDiameterMm,
                                     double scratchWindowMm, double scratchMinGrey, double scratchMinLengthMm,
                                     double scratchMinAspect, double edgeWindowMm, double edgeMinDepthMm,
                                     double edgeMinLengthMm, double spotJoinFraction, double spotJoinGapMm,
                                     double spotLineElongation, double spotLineMinMm, double spotLineMaxBend) {

    public CoatingInspectorConfig {
        if (!(stripeLengthMm > 0) || streakMinStripes < 2) {
            throw new IllegalArgumentException("need stripe length > 0 and at least 2 stripes per streak, got "
                    + stripeLengthMm + " mm, " + streakMinStripes);
        }
        if (!(streakMinWidthMm > 0) || !(streakMaxWidthMm > streakMinWidthMm) || !(streakWindowMm > 2 * streakMaxWidthMm)) {
            throw new IllegalArgumentException("need 0 < streak min width < max width < window / 2, got "
                    + streakMinWidthMm + ", " + streakMaxWidthMm + ", " + streakWindowMm + " mm");
        }
        if (!(spotMinGrey > 0) || !(streakMinGrey > 0) || !(scratchMinGrey > 0) || spotMinAreaPx < 1) {
            throw new IllegalArgumentException("grey-level thresholds must be > 0 and the minimum spot area >= 1 px, got spot "
                    + spotMinGrey + ", streak " + streakMinGrey + ", scratch " + scratchMinGrey + ", area " + spotMinAreaPx);
        }
        if (!(edgeWindowMm > edgeMinDepthMm) || !(edgeMinDepthMm > 0) || !(edgeMinLengthMm > 0) || !(edgeExclusionMm >= 0)) {
            throw new IllegalArgumentException("need edge window > edge min depth > 0, edge min length > 0, exclusion >= 0, got "
                    + edgeWindowMm + ", " + edgeMinDepthMm + ", " + edgeMinLengthMm + ", " + edgeExclusionMm + " mm");
        }
        if (!(spotJoinFraction > 0 && spotJoinFraction < 1) || !(spotJoinGapMm >= 0) || !(spotLineElongation > 1)
                || !(spotLineMinMm > 0)) {
            throw new IllegalArgumentException("need spot join fraction in (0, 1), join gap >= 0 mm, line elongation > 1 and line"
                    + " minimum > 0 mm, got " + spotJoinFraction + ", " + spotJoinGapMm + " mm, " + spotLineElongation + ", "
                    + spotLineMinMm + " mm");
        }
        if (!(spotLineMaxBend > 0)) {
            throw new IllegalArgumentException("need spot line max bend > 0, got " + spotLineMaxBend);
        }
        if (!(scratchWindowMm > 0) || !(scratchMinLengthMm > 0) || !(scratchMinAspect >= 1) || !(uncoatedMinDiameterMm > 0)
                || !(spotNoiseSigmas > 0)) {
            throw new IllegalArgumentException("scratch window, length, aspect >= 1, uncoated diameter and noise sigmas must be > 0");
        }
    }

    public static CoatingInspectorConfig defaults() {
        return new CoatingInspectorConfig(
                6.4,    // stripe length along the web, mm
                3,      // a streak shows in at least 3 consecutive stripes
                10.0,   // streak detrending window, mm
                4.0,    // streak step, grey levels
                0.5,    // streak min width, mm
                4.5,    // streak max width, mm
                1.0,    // edge exclusion, mm
                25.0,   // spot threshold, grey levels
                6.0,    // ... or this many noise sigmas, whichever is larger
                3,      // min spot area, px
                1.2,    // uncoated if at least this diameter, mm
                1.25,   // scratch averaging along the web, mm
                12.0,   // scratch step after averaging, grey levels
                3.0,    // min scratch length, mm
                5.0,    // min scratch aspect ratio
                5.0,    // edge strip half-width, mm
                0.4,    // min edge notch/bulge depth, mm
                0.5,    // min edge defect length, mm
                0.5,    // spot fragments joined above half the spot threshold
                0.3,    // ... when their boxes are at most this far apart, mm
                3.0,    // line-shaped spot: box diagonal at least 3 area-equivalent diameters ...
                0.5,    // ... and at least this long, mm
                0.0075); // ... and bends at most this much (RMS off its best line / length), else a fibre
    }
}
