package org.sinterscope.camera.profile;

/**
 * A measured areal surface on a regular grid: height {@code zUm[iy·sizeX + ix]} (µm) at
 * x = x0Mm + ix·dxMm, y = y0Mm + iy·dyMm (mm), x fastest. NaN marks an invalid (missing) point:
 * masked by an X3P validity mask, or a non-finite value in the file.
 *
 * <p>Contract: sizeX, sizeY ≥ 1, sizeX·sizeY = zUm.length; spacings finite and &gt; 0; every z finite
 * or NaN (infinite heights are refused: readers turn them into NaN). The height array is copied on the
 * way in and on {@link #zUm()}; {@link #z(int, int)} reads without copying.
 *
 * @param name  where the surface came from
 * @param sizeX points per row
 * @param sizeY rows
 * @param x0Mm  x of the first column, mm
 * @param y0Mm  y of the first row, mm
 * @param dxMm  column spacing, mm
 * @param dyMm  row spacing, mm
 * @param zUm   heights, µm, row-major; NaN for an invalid point
 */
public record ArealSurface(String name, int sizeX, int sizeY, double x0Mm, double y0Mm, double dxMm, double dyMm,
                           double[] zUm) {

    public ArealSurface {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("surface name must not be blank");
        }
        if (sizeX < 1 || sizeY < 1 || zUm == null || (long) sizeX * sizeY != zUm.length) {
            throw new IllegalArgumentException(name + ": " + sizeX + " x " + sizeY + " points do not match "
                    + (zUm == null ? "no" : String.valueOf(zUm.length)) + " heights");
        }
        if (!(dxMm > 0) || !(dyMm > 0) || !Double.isFinite(dxMm) || !Double.isFinite(dyMm)
                || !Double.isFinite(x0Mm) || !Double.isFinite(y0Mm)) {
            throw new IllegalArgumentException(name + ": spacings must be finite and > 0 and the origin finite, got dx "
                    + dxMm + " mm, dy " + dyMm + " mm, origin (" + x0Mm + ", " + y0Mm + ") mm");
        }
        zUm = zUm.clone();
        for (int i = 0; i < zUm.length; i++) {
            if (Double.isInfinite(zUm[i])) {
                throw new IllegalArgumentException(name + ": z[" + i + "] = " + zUm[i] + " µm is infinite");
            }
        }
    }

    /** A copy of the heights, row-major, NaN for invalid points. */
    @Override
    public double[] zUm() {
        return zUm.clone();
    }

    /** Height at column ix, row iy, µm (NaN when invalid). */
    public double z(int ix, int iy) {
        return zUm[iy * sizeX + ix];
    }

    public int points() {
        return zUm.length;
    }

    /** Number of points with a valid (non-NaN) height. */
    public int validCount() {
        int n = 0;
        for (double z : zUm) {
            if (!Double.isNaN(z)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArealSurface s && name.equals(s.name) && sizeX == s.sizeX && sizeY == s.sizeY
                && Double.compare(x0Mm, s.x0Mm) == 0 && Double.compare(y0Mm, s.y0Mm) == 0
                && Double.compare(dxMm, s.dxMm) == 0 && Double.compare(dyMm, s.dyMm) == 0
                && java.util.Arrays.equals(zUm, s.zUm);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + sizeX * 31 + sizeY) + java.util.Arrays.hashCode(zUm);
    }

    @Override
    public String toString() {
        return "ArealSurface[" + name + ", " + sizeX + " x " + sizeY + " points, dx " + dxMm + " mm, dy " + dyMm + " mm]";
    }
}
