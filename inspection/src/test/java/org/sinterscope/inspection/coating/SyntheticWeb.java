package org.sinterscope.inspection.coating;

import java.time.Instant;
import java.util.SplittableRandom;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.sinterscope.camera.WebGrid;

/**
 * A synthetic coated-electrode frame of known geometry, drawn pixel by pixel in Java (test code):
 * dark roller outside the foil, bright copper margins, a dark coated band, then features added on
 * top, then seeded Gaussian noise. Columns and rows are pixel indices; a pixel covers
 * {@code [c, c+1)} in continuous column coordinates, so a band drawn over columns {@code [a, b)}
 * has its edges at exactly {@code a} and {@code b}.
 */
final class SyntheticWeb {

    static final double ROLLER = 30;
    static final double COPPER = 200;
    static final double COATING = 70;
    static final double UM_PER_PX = 50;

    final int width;
    final int height;
    private final double[] px;
    private final int foil0;
    private final int foil1;

    /** Foil over columns {@code [foil0, foil1)}, coating over {@code [coat0, coat1)} in every row. */
    SyntheticWeb(int width, int height, int foil0, int foil1, int coat0, int coat1) {
        this.width = width;
        this.height = height;
        this.foil0 = foil0;
        this.foil1 = foil1;
        px = new double[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                px[r * width + c] = c < foil0 || c >= foil1 ? ROLLER : c >= coat0 && c < coat1 ? COATING : COPPER;
            }
        }
    }

    /** Moves the coating's edge in rows {@code [r0, r1)}: columns {@code [c0, c1)} become {@code coated} or copper. */
    SyntheticWeb edgeShift(int r0, int r1, int c0, int c1, boolean coated) {
        return fill(r0, r1, c0, c1, coated ? COATING : COPPER);
    }

    /** Adds {@code contrast} grey levels over columns {@code [c0, c1)} in rows {@code [r0, r1)}. */
    SyntheticWeb band(int r0, int r1, int c0, int c1, double contrast) {
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                px[r * width + c] += contrast;
            }
        }
        return this;
    }

    /** Sets grey {@code v} over a rectangle. */
    SyntheticWeb fill(int r0, int r1, int c0, int c1, double v) {
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                px[r * width + c] = v;
            }
        }
        return this;
    }

    /** Sets grey {@code v} in the disc of {@code diameterPx} centred at {@code (cx, cy)} (continuous coordinates). */
    SyntheticWeb disc(double cx, double cy, double diameterPx, double v) {
        double rad = diameterPx / 2;
        for (int r = (int) Math.floor(cy - rad); r <= Math.ceil(cy + rad); r++) {
            for (int c = (int) Math.floor(cx - rad); c <= Math.ceil(cx + rad); c++) {
                double dx = c + 0.5 - cx;
                double dy = r + 0.5 - cy;
                if (dx * dx + dy * dy <= rad * rad) {
                    px[r * width + c] = v;
                }
            }
        }
        return this;
    }

    /**
     * Adds {@code contrast} once to every pixel a thin path crosses: a circular arc from
     * {@code (x, y)} at {@code angleRad}, {@code lengthPx} long, turning by {@code turnRad} in total
     * (0: a straight line); with {@code sCurve}, the second half turns back the other way.
     */
    SyntheticWeb path(double x, double y, double angleRad, double lengthPx, double turnRad, boolean sCurve, double contrast) {
        java.util.Set<Integer> hit = new java.util.HashSet<>();
        int n = (int) Math.ceil(lengthPx * 4);
        double a = angleRad;
        for (int i = 0; i <= n; i++) {
            double k = turnRad / lengthPx * (sCurve && i > n / 2 ? -2 : sCurve ? 2 : 1);
            hit.add((int) Math.floor(y) * width + (int) Math.floor(x));
            x += Math.cos(a) / 4;
            y += Math.sin(a) / 4;
            a += k / 4;
        }
        for (int i : hit) {
            px[i] += contrast;
        }
        return this;
    }

    /** The 8-bit image with seeded Gaussian noise of {@code sigma} grey levels (clipped to [0, 255]). */
    Mat image(double sigma, long seed) {
        OpenCvNative.load();
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] b = new byte[px.length];
        for (int i = 0; i < px.length; i++) {
            double v = px[i] + sigma * gaussian(rnd);
            b[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
        Mat m = new Mat(height, width, CvType.CV_8UC1);
        m.put(0, 0, b);
        return m;
    }

    Frame frame(double sigma, long seed) {
        return new Frame("synthetic", 0, Instant.EPOCH, 0, 0, PixelPitch.square(UM_PER_PX), image(sigma, seed));
    }

    static WebGrid grid() {
        return new WebGrid(0, 0, PixelPitch.square(UM_PER_PX));
    }

    static double mm(double px) {
        return px * UM_PER_PX / 1000;
    }

    static int px(double mm) {
        return (int) Math.round(mm * 1000 / UM_PER_PX);
    }

    int foil0() {
        return foil0;
    }

    int foil1() {
        return foil1;
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
