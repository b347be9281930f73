package org.sinterscope.simulator.line;

import java.util.List;

/**
 * One drawn crack stroke: a polyline of centre points (pixel coordinates, continuous, pixel
 * centres at .5) with one width, and its contrast.
 *
 * @param xs        x of the vertices, px
 * @param ys        y of the vertices, px
 * @param widthPx   stroke width, px (≥ 1)
 * @param contrast  depth below the surface, grey levels
 */
record CrackPath(List<Double> xs, List<Double> ys, int widthPx, double contrast) {

    CrackPath {
        xs = List.copyOf(xs);
        ys = List.copyOf(ys);
        if (xs.size() != ys.size() || xs.size() < 2) {
            throw new IllegalArgumentException("a crack path needs >= 2 vertices with x and y, got " + xs.size() + "/" + ys.size());
        }
    }

    /** Centre-line length with the x and y pixel sizes given, in their unit. */
    double length(double xUnitPerPx, double yUnitPerPx) {
        double l = 0;
        for (int i = 1; i < xs.size(); i++) {
            l += Math.hypot((xs.get(i) - xs.get(i - 1)) * xUnitPerPx, (ys.get(i) - ys.get(i - 1)) * yUnitPerPx);
        }
        return l;
    }
}
