package org.sinterscope.camera;

/**
 * An axis-aligned rectangle on the web, in millimetres: x across the web from the operator-side
 * edge of the foil, y along the web from the start of the roll. {@code x0Mm <= x1Mm} and
 * {@code y0Mm <= y1Mm}.
 */
public record WebRect(double x0Mm, double y0Mm, double x1Mm, double y1Mm) {

    public WebRect {
        if (!Double.isFinite(x0Mm) || !Double.isFinite(x1Mm) || !Double.isFinite(y0Mm) || !Double.isFinite(y1Mm)
                || x1Mm < x0Mm || y1Mm < y0Mm) {
            throw new IllegalArgumentException("web rectangle must be finite with x0 <= x1 and y0 <= y1, got x=["
                    + x0Mm + ", " + x1Mm + "] mm, y=[" + y0Mm + ", " + y1Mm + "] mm");
        }
    }

    public double widthMm() {
        return x1Mm - x0Mm;
    }

    public double lengthMm() {
        return y1Mm - y0Mm;
    }

    public double centreXMm() {
        return (x0Mm + x1Mm) / 2;
    }

    public double centreYMm() {
        return (y0Mm + y1Mm) / 2;
    }

    /** True when the two rectangles share at least a boundary point. */
    public boolean intersects(WebRect o) {
        return x0Mm <= o.x1Mm && o.x0Mm <= x1Mm && y0Mm <= o.y1Mm && o.y0Mm <= y1Mm;
    }

    /** True when the y range of this rectangle meets {@code [y0Mm, y1Mm]}. */
    public boolean overlapsY(double y0, double y1) {
        return y0Mm <= y1 && y0 <= y1Mm;
    }

    /** The smallest rectangle holding both. */
    public WebRect union(WebRect o) {
        return new WebRect(Math.min(x0Mm, o.x0Mm), Math.min(y0Mm, o.y0Mm), Math.max(x1Mm, o.x1Mm), Math.max(y1Mm, o.y1Mm));
    }

    /** This rectangle grown by {@code marginMm} on every side. */
    public WebRect grow(double marginMm) {
        return new WebRect(x0Mm - marginMm, y0Mm - marginMm, x1Mm + marginMm, y1Mm + marginMm);
    }
}
