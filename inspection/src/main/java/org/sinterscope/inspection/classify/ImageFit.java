package org.sinterscope.inspection.classify;

/**
 * How a whole image of any size (an image of a data set, or a saved crop window) becomes the
 * square {@code s × s} patch of a model. Recorded in the bundle ({@link BundleMetadata#imageFit()}),
 * so that training, {@code classifier evaluate} and the line prepare images the same way.
 *
 * <ul>
 *   <li>{@link #STRETCH}: the image is resized to {@code s × s}; a {@code w × h} image is scaled by
 *   {@code s/w} across and {@code s/h} down, so shapes of non-square images are distorted.</li>
 *   <li>{@link #PAD}: the image is centred in a square of side {@code max(w, h)} whose extra rows or
 *   columns repeat the border pixels, then resized to {@code s × s}: one scale {@code s / max(w, h)}
 *   in both directions, shapes kept.</li>
 * </ul>
 */
public enum ImageFit {
    STRETCH,
    PAD;

    /** The patch settings that prepare a whole image this way (the candidate box is the whole image). */
    public PatchSettings wholeImage(int sizePx) {
        return switch (this) {
            case STRETCH -> PatchSettings.wholeImage(sizePx);
            case PAD -> new PatchSettings(sizePx, 0.0, 1, 0, PatchSettings.ResizeMode.SQUARE);
        };
    }
}
