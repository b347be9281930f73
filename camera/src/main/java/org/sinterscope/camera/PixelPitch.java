package org.sinterscope.camera;

/**
 * Size of one pixel on the web, in micrometres, separately for the cross direction (x, across the
 * web) and the machine direction (y, along the web).
 *
 * <p>For a line-scan camera the cross-direction pitch comes from the optics and the sensor, the
 * machine-direction pitch from the encoder divider (web advance per line trigger). They are
 * usually chosen equal, but nothing here assumes they are.
 *
 * @param xUmPerPx cross-direction size of one pixel, µm (finite, &gt; 0)
 * @param yUmPerPx machine-direction size of one line, µm (finite, &gt; 0)
 */
public record PixelPitch(double xUmPerPx, double yUmPerPx) {

    public PixelPitch {
        if (!(xUmPerPx > 0) || !Double.isFinite(xUmPerPx) || !(yUmPerPx > 0) || !Double.isFinite(yUmPerPx)) {
            throw new IllegalArgumentException(
                    "pixel pitch must be finite and > 0, got x=" + xUmPerPx + " µm/px, y=" + yUmPerPx + " µm/px");
        }
    }

    /** Same pitch in both directions. */
    public static PixelPitch square(double umPerPx) {
        return new PixelPitch(umPerPx, umPerPx);
    }

    public double xMmPerPx() {
        return xUmPerPx / 1000.0;
    }

    public double yMmPerPx() {
        return yUmPerPx / 1000.0;
    }

    /** Area of one pixel, mm². */
    public double pixelAreaMm2() {
        return xMmPerPx() * yMmPerPx();
    }
}
