package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.opencv.core.MatOfInt;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.imgproc.Subdiv2D;

/**
 * Draws crack centre lines for the sintered-layer simulator.
 *
 * <ul>
 *   <li><b>Isolated branching crack</b>: two arms from a start point in opposite directions, each
 *       a persistent random walk (steps of 6 px, heading noise σ = 0.18 rad pulled back towards
 *       the main direction), 60–350 px long, width tapering from the start width to 1 px; every
 *       step may spawn (p = 0.035) a branch at 25–65° to the arm, one width class thinner, up to
 *       depth 2.</li>
 *   <li><b>Mud-crack network</b>: the Voronoi edges ({@link Subdiv2D}) of seed points in a disc of
 *       radius 110–260 px with cells of 45–90 px, each edge drawn once as a polyline with ±1.2 px
 *       perpendicular jitter every ~8 px (the vertices stay shared, so the cells close).</li>
 * </ul>
 * Every path stays at least {@code margin} px inside the frame.
 */
final class CrackGeometry {

    private static final double STEP = 6;
    private final int w;
    private final int h;
    private final int margin;
    private final int maxWidth;
    private final double cMin;
    private final double cMax;

    CrackGeometry(int w, int h, int margin, int maxWidth, double cMin, double cMax) {
        this.w = w;
        this.h = h;
        this.margin = margin;
        this.maxWidth = maxWidth;
        this.cMin = cMin;
        this.cMax = cMax;
    }

    void isolatedCrack(SplittableRandom rnd, List<CrackPath> out) {
        double x = margin + rnd.nextDouble() * (w - 2 * margin);
        double y = margin + rnd.nextDouble() * (h - 2 * margin);
        double dir = rnd.nextDouble() * Math.PI;
        int width = 1 + rnd.nextInt(maxWidth);
        double contrast = cMin + (cMax - cMin) * rnd.nextDouble();
        for (int arm = 0; arm < 2; arm++) {
            double len = 60 + 290 * rnd.nextDouble();
            walk(rnd, x, y, dir + arm * Math.PI, len, width, contrast, 0, out);
        }
    }

    private void walk(SplittableRandom rnd, double x, double y, double dir, double len, int width, double contrast, int depth,
                      List<CrackPath> out) {
        int steps = Math.max(2, (int) (len / STEP));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        xs.add(x);
        ys.add(y);
        double heading = dir;
        int currentWidth = width;
        for (int i = 1; i <= steps; i++) {
            heading += 0.18 * gaussian(rnd) - 0.15 * angleDiff(heading, dir);
            double nx = x + STEP * Math.cos(heading);
            double ny = y + STEP * Math.sin(heading);
            if (nx < margin || ny < margin || nx > w - margin || ny > h - margin) {
                break;
            }
            x = nx;
            y = ny;
            xs.add(x);
            ys.add(y);
            // taper: the width drops by one pixel at evenly spaced points along the arm
            int target = Math.max(1, (int) Math.ceil(width * (1.0 - (double) i / steps)));
            if (target < currentWidth && xs.size() >= 2) {
                out.add(new CrackPath(xs, ys, currentWidth, contrast));
                xs = new ArrayList<>(List.of(x));
                ys = new ArrayList<>(List.of(y));
                currentWidth = target;
            }
            if (depth < 2 && rnd.nextDouble() < 0.035) {
                double side = rnd.nextBoolean() ? 1 : -1;
                double bdir = heading + side * Math.toRadians(25 + 40 * rnd.nextDouble());
                double blen = (steps - i) * STEP * (0.3 + 0.4 * rnd.nextDouble()) + 20;
                walk(rnd, x, y, bdir, blen, Math.max(1, currentWidth - 1), contrast, depth + 1, out);
            }
        }
        if (xs.size() >= 2) {
            out.add(new CrackPath(xs, ys, currentWidth, contrast));
        }
    }

    void network(SplittableRandom rnd, List<CrackPath> out) {
        double r = Math.min(110 + 150 * rnd.nextDouble(), (Math.min(w, h) - 2 * margin) / 2.0);
        double cx = margin + r + rnd.nextDouble() * Math.max(0, w - 2 * margin - 2 * r);
        double cy = margin + r + rnd.nextDouble() * Math.max(0, h - 2 * margin - 2 * r);
        double cell = 45 + 45 * rnd.nextDouble();
        int n = Math.max(4, (int) Math.round(Math.PI * r * r / (cell * cell)));
        Subdiv2D sub = new Subdiv2D(new Rect(-w, -h, 3 * w, 3 * h));
        // seeds a little beyond the disc so that the edges inside it are finite cells
        for (int i = 0; i < n * 2; i++) {
            double a = 2 * Math.PI * rnd.nextDouble();
            double rr = 1.4 * r * Math.sqrt(rnd.nextDouble());
            sub.insert(new Point(cx + rr * Math.cos(a), cy + rr * Math.sin(a)));
        }
        List<MatOfPoint2f> facets = new ArrayList<>();
        MatOfPoint2f centers = new MatOfPoint2f();
        MatOfInt idx = new MatOfInt();
        sub.getVoronoiFacetList(idx, facets, centers);
        int width = 1 + rnd.nextInt(maxWidth);
        double contrast = cMin + (cMax - cMin) * rnd.nextDouble();
        Set<String> seen = new HashSet<>();
        for (MatOfPoint2f f : facets) {
            Point[] p = f.toArray();
            for (int i = 0; i < p.length; i++) {
                Point a = p[i];
                Point b = p[(i + 1) % p.length];
                if (Math.hypot(a.x - cx, a.y - cy) > r || Math.hypot(b.x - cx, b.y - cy) > r || a.equals(b)) {
                    continue;
                }
                String ka = key(a);
                String kb = key(b);
                String k = ka.compareTo(kb) < 0 ? ka + "|" + kb : kb + "|" + ka;
                if (seen.add(k)) {
                    int ew = Math.max(1, Math.min(maxWidth, width + rnd.nextInt(3) - 1));
                    out.add(jittered(rnd, a, b, ew, contrast));
                }
            }
            f.release();
        }
        centers.release();
        idx.release();
    }

    private CrackPath jittered(SplittableRandom rnd, Point a, Point b, int width, double contrast) {
        double len = Math.hypot(b.x - a.x, b.y - a.y);
        int k = Math.max(1, (int) Math.round(len / 8));
        double nx = -(b.y - a.y) / len;
        double ny = (b.x - a.x) / len;
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i <= k; i++) {
            double t = (double) i / k;
            double j = (i == 0 || i == k) ? 0 : 1.2 * gaussian(rnd);
            xs.add(a.x + t * (b.x - a.x) + j * nx);
            ys.add(a.y + t * (b.y - a.y) + j * ny);
        }
        return new CrackPath(xs, ys, width, contrast);
    }

    private static String key(Point p) {
        return Math.round(p.x * 100) + "," + Math.round(p.y * 100);
    }

    private static double angleDiff(double a, double b) {
        double d = a - b;
        return Math.atan2(Math.sin(d), Math.cos(d));
    }

    static double gaussian(SplittableRandom rnd) {
        // Box–Muller, one value
        double u = 1.0 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
