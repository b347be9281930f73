package org.sinterscope.camera;

/**
 * An axis-aligned rectangle in pixel coordinates of one frame: column {@code x}, row {@code y}
 * of the top-left pixel, and its size. The rectangle covers columns {@code [x, x + width)} and
 * rows {@code [y, y + height)}.
 */
public record PixelRect(int x, int y, int width, int height) {

    public PixelRect {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("pixel rectangle size must be >= 0, got " + width + "x" + height);
        }
    }

    public int x1() {
        return x + width;
    }

    public int y1() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }
}
