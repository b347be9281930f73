package org.sinterscope.simulator.line;

import org.sinterscope.camera.PixelPitch;

/**
 * Settings of the simulated sintered-layer camera. Immutable; start from {@link #defaults()} and
 * change what you need with the {@code with…} methods.
 *
 * <p>Each frame is an independent patch of the sintered layer ({@code widthPx × heightPx} at
 * {@code pitch}), so frame {@code i} starts {@code i · heightPx · pitch.y} along the web.
 * Crack counts per frame are drawn from the rates per megapixel.
 *
 * @param seed            drives everything that is random
 * @param cameraId        camera id put on the frames
 * @param widthPx         frame width (cross direction), px, ≥ 64
 * @param heightPx        frame height (machine direction), lines, ≥ 64
 * @param pitch           pixel pitch
 * @param xOriginMm       web x of column 0, mm
 * @param frames          number of frames the source delivers
 * @param cracksPerMpx    mean number of isolated branching cracks per megapixel
 * @param networksPerMpx  mean number of mud-crack networks per megapixel
 * @param maxCrackWidthPx widest crack, px (cracks are 1 px to this)
 * @param minContrast     smallest crack depth below the surface, grey levels
 * @param maxContrast     largest crack depth, grey levels
 */
public record SinteredLayerConfig(long seed, String cameraId, int widthPx, int heightPx, PixelPitch pitch, double xOriginMm,
                                  int frames, double cracksPerMpx, double networksPerMpx, int maxCrackWidthPx,
                                  double minContrast, double maxContrast) {

    public SinteredLayerConfig {
        if (cameraId == null || cameraId.isBlank()) {
            throw new IllegalArgumentException("camera id must not be blank");
        }
        if (widthPx < 64 || heightPx < 64 || widthPx > 32767 || heightPx > 32767) {
            throw new IllegalArgumentException("frame must be 64..32767 px each way, got " + widthPx + "x" + heightPx);
        }
        if (pitch == null || !Double.isFinite(xOriginMm)) {
            throw new IllegalArgumentException("need a pitch and a finite x origin, got " + pitch + ", x0=" + xOriginMm + " mm");
        }
        if (frames < 0) {
            throw new IllegalArgumentException("frames must be >= 0, got " + frames);
        }
        if (!(cracksPerMpx >= 0) || !(networksPerMpx >= 0) || cracksPerMpx > 1000 || networksPerMpx > 1000) {
            throw new IllegalArgumentException("crack rates must be in [0, 1000] per Mpx, got cracks=" + cracksPerMpx
                    + ", networks=" + networksPerMpx);
        }
        if (maxCrackWidthPx < 1 || maxCrackWidthPx > 20) {
            throw new IllegalArgumentException("maxCrackWidthPx must be 1..20, got " + maxCrackWidthPx);
        }
        if (!(minContrast > 0) || !(maxContrast >= minContrast) || maxContrast > 120) {
            throw new IllegalArgumentException("crack contrast needs 0 < min <= max <= 120, got " + minContrast + ".." + maxContrast);
        }
    }

    /** 2048 × 1024 px frames at 10 µm/px, 3 isolated cracks and 1 network per Mpx, widths 1–5 px, depth 18–40 levels. */
    public static SinteredLayerConfig defaults() {
        return new SinteredLayerConfig(7, "sinter-1", 2048, 1024, PixelPitch.square(10), 0, 20, 3, 1, 5, 18, 40);
    }

    public SinteredLayerConfig withSeed(long v) {
        return new SinteredLayerConfig(v, cameraId, widthPx, heightPx, pitch, xOriginMm, frames, cracksPerMpx, networksPerMpx,
                maxCrackWidthPx, minContrast, maxContrast);
    }

    public SinteredLayerConfig withFrameSize(int w, int h) {
        return new SinteredLayerConfig(seed, cameraId, w, h, pitch, xOriginMm, frames, cracksPerMpx, networksPerMpx,
                maxCrackWidthPx, minContrast, maxContrast);
    }

    public SinteredLayerConfig withPitch(PixelPitch v) {
        return new SinteredLayerConfig(seed, cameraId, widthPx, heightPx, v, xOriginMm, frames, cracksPerMpx, networksPerMpx,
                maxCrackWidthPx, minContrast, maxContrast);
    }

    public SinteredLayerConfig withFrames(int v) {
        return new SinteredLayerConfig(seed, cameraId, widthPx, heightPx, pitch, xOriginMm, v, cracksPerMpx, networksPerMpx,
                maxCrackWidthPx, minContrast, maxContrast);
    }

    public SinteredLayerConfig withRates(double cracks, double networks) {
        return new SinteredLayerConfig(seed, cameraId, widthPx, heightPx, pitch, xOriginMm, frames, cracks, networks,
                maxCrackWidthPx, minContrast, maxContrast);
    }

    public SinteredLayerConfig withContrast(double min, double max) {
        return new SinteredLayerConfig(seed, cameraId, widthPx, heightPx, pitch, xOriginMm, frames, cracksPerMpx, networksPerMpx,
                maxCrackWidthPx, min, max);
    }

    /** Web length of one frame, mm. */
    public double frameLengthMm() {
        return heightPx * pitch.yMmPerPx();
    }
}
