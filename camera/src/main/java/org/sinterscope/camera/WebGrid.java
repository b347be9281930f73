package org.sinterscope.camera;

/**
 * The one place where pixels become millimetres: maps the pixel grid of one frame onto web
 * coordinates.
 *
 * <p>Pixel {@code (col, row)} covers the web area
 * {@code [xOriginMm + col·px, xOriginMm + (col+1)·px) × [yOriginMm + row·py, yOriginMm + (row+1)·py)}
 * with {@code px, py} the pitch in mm. Continuous pixel coordinates are used, so the centre of
 * pixel 0 is at 0.5.
 *
 * @param xOriginMm web x (mm) of the left edge of column 0
 * @param yOriginMm web y (mm) of the top edge of row 0 (the frame's first line, from the encoder)
 * @param pitch     pixel pitch
 */
public record WebGrid(double xOriginMm, double yOriginMm, PixelPitch pitch) {

    public WebGrid {
        if (!Double.isFinite(xOriginMm) || !Double.isFinite(yOriginMm) || pitch == null) {
            throw new IllegalArgumentException("web grid needs a finite origin and a pitch, got x0=" + xOriginMm
                    + " mm, y0=" + yOriginMm + " mm, pitch=" + pitch);
        }
    }

    public double xMm(double col) {
        return xOriginMm + col * pitch.xMmPerPx();
    }

    public double yMm(double row) {
        return yOriginMm + row * pitch.yMmPerPx();
    }

    public double col(double xMm) {
        return (xMm - xOriginMm) / pitch.xMmPerPx();
    }

    public double row(double yMm) {
        return (yMm - yOriginMm) / pitch.yMmPerPx();
    }

    /** A cross-direction length in pixels, as mm. */
    public double widthMm(double px) {
        return px * pitch.xMmPerPx();
    }

    /** A machine-direction length in lines, as mm. */
    public double lengthMm(double lines) {
        return lines * pitch.yMmPerPx();
    }

    /** A cross-direction length in mm, as pixels. */
    public double widthPx(double mm) {
        return mm / pitch.xMmPerPx();
    }

    /** A machine-direction length in mm, as lines. */
    public double lengthPx(double mm) {
        return mm / pitch.yMmPerPx();
    }

    /** Area of {@code pixels} pixels, mm². */
    public double areaMm2(double pixels) {
        return pixels * pitch.pixelAreaMm2();
    }

    public WebRect toWeb(PixelRect r) {
        return new WebRect(xMm(r.x()), yMm(r.y()), xMm(r.x1()), yMm(r.y1()));
    }

    /** The smallest pixel rectangle that covers {@code w} (not clipped to any frame). */
    public PixelRect toPixels(WebRect w) {
        int x0 = (int) Math.floor(col(w.x0Mm()));
        int y0 = (int) Math.floor(row(w.y0Mm()));
        int x1 = (int) Math.ceil(col(w.x1Mm()));
        int y1 = (int) Math.ceil(row(w.y1Mm()));
        return new PixelRect(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }
}
