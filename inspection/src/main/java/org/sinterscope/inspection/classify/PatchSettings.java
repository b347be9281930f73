package org.sinterscope.inspection.classify;

import java.util.Objects;

/**
 * How a candidate region becomes the square grey patch a classifier sees. Immutable; part of every
 * model bundle, so the line prepares patches exactly as training did.
 *
 * <p>Window: for a candidate of {@code w × h} px, the crop window is centred on the candidate and
 * has side {@code s = clamp(max(w, h) · (1 + 2·contextMargin), minWindowPx, maxWindowPx)} in
 * {@link ResizeMode#SQUARE} mode, or is the candidate grown by {@code contextMargin · w} and
 * {@code contextMargin · h} on each side in {@link ResizeMode#STRETCH} mode. The window is then
 * resized (area interpolation when shrinking, linear when enlarging) to
 * {@code sizePx × sizePx}. Parts of the window outside the image repeat the border pixels.
 *
 * @param sizePx        side of the patch the network sees, px (8–256)
 * @param contextMargin context added around the candidate, as a fraction of its size on each side (0–4)
 * @param minWindowPx   smallest crop window side, px, so that tiny candidates keep some context
 *                      (SQUARE mode; 1–4096)
 * @param maxWindowPx   largest crop window side, px: a long streak is seen through this window
 *                      around its centre (SQUARE mode; 0 = no limit, else ≥ minWindowPx)
 * @param resizeMode    square window (aspect kept) or stretched candidate box
 */
public record PatchSettings(int sizePx, double contextMargin, int minWindowPx, int maxWindowPx, ResizeMode resizeMode) {

    /** How the crop window is shaped before resizing. */
    public enum ResizeMode {
        /** A square window around the candidate: shapes keep their aspect ratio. */
        SQUARE,
        /** The candidate box plus margin, stretched to a square (whole images of a data set). */
        STRETCH
    }

    public PatchSettings {
        Objects.requireNonNull(resizeMode, "resizeMode");
        if (sizePx < 8 || sizePx > 256) {
            throw new IllegalArgumentException("patch size must be 8..256 px, got " + sizePx);
        }
        if (!(contextMargin >= 0 && contextMargin <= 4)) {
            throw new IllegalArgumentException("context margin must be in [0, 4] (fraction of candidate size), got " + contextMargin);
        }
        if (minWindowPx < 1 || minWindowPx > 4096 || maxWindowPx < 0 || (maxWindowPx > 0 && maxWindowPx < minWindowPx)) {
            throw new IllegalArgumentException("window limits must satisfy 1 <= min <= 4096 and max = 0 or max >= min, got min="
                    + minWindowPx + " px, max=" + maxWindowPx + " px");
        }
    }

    /**
     * Candidates cut from line frames: 32 × 32 px patches, half the candidate size of context on
     * each side, windows of 24–160 px.
     */
    public static PatchSettings lineCandidates() {
        return new PatchSettings(32, 0.5, 24, 160, ResizeMode.SQUARE);
    }

    /** Whole images of a data set (the candidate is the full image), stretched to {@code sizePx}. */
    public static PatchSettings wholeImage(int sizePx) {
        return new PatchSettings(sizePx, 0.0, 1, 0, ResizeMode.STRETCH);
    }

    /** Number of values in one patch. */
    public int valuesPerPatch() {
        return sizePx * sizePx;
    }
}
