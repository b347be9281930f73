package org.sinterscope.inspection.xrd;

import java.util.Locale;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.OpenCvNative;

/**
 * Draws a scan and its fit as an 8-bit BGR image: observed points (grey), background (blue),
 * background + halos (green), the whole fit (red), each sharp peak marked with its name, and a
 * title line with the crystallinity index and the verdict. The caller owns (and releases) the Mat.
 */
public final class XrdPlot {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 700;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;

    private XrdPlot() {
    }

    public static Mat render(XrdResult r) {
        OpenCvNative.load();
        XrdResult.Curves c = r.curves();
        double[] x = c.twoThetaDeg();
        double x0 = x[0];
        double x1 = x[x.length - 1];
        double yMax = 0;
        for (double v : c.observed()) {
            yMax = Math.max(yMax, v);
        }
        for (double v : c.fit()) {
            yMax = Math.max(yMax, v);
        }
        yMax = yMax <= 0 ? 1 : yMax * 1.08;
        Mat img = new Mat(HEIGHT, WIDTH, CvType.CV_8UC3, new Scalar(255, 255, 255));
        Frame f = new Frame(x0, x1, yMax);
        Scalar black = new Scalar(0, 0, 0);
        Scalar grey = new Scalar(160, 160, 160);
        Imgproc.rectangle(img, new Point(LEFT, TOP), new Point(WIDTH - RIGHT, HEIGHT - BOTTOM), black, 1);
        for (int t = (int) Math.ceil(x0 / 10) * 10; t <= x1; t += 10) {
            double px = f.px(t);
            Imgproc.line(img, new Point(px, HEIGHT - BOTTOM), new Point(px, HEIGHT - BOTTOM + 6), black, 1);
            Imgproc.putText(img, Integer.toString(t), new Point(px - 10, HEIGHT - BOTTOM + 24),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, black, 1);
        }
        Imgproc.putText(img, "2theta (deg)", new Point(WIDTH / 2.0 - 50, HEIGHT - 12), Imgproc.FONT_HERSHEY_SIMPLEX,
                0.55, black, 1);
        for (int k = 0; k <= 4; k++) {
            double v = yMax * k / 4;
            double py = f.py(v);
            Imgproc.line(img, new Point(LEFT - 6, py), new Point(LEFT, py), black, 1);
            Imgproc.putText(img, String.format(Locale.ROOT, "%.0f", v), new Point(4, py + 5),
                    Imgproc.FONT_HERSHEY_SIMPLEX, 0.45, black, 1);
        }
        for (int i = 0; i < x.length; i++) {
            Imgproc.circle(img, new Point(f.px(x[i]), f.py(c.observed()[i])), 1, grey, -1);
        }
        polyline(img, f, x, c.background(), new Scalar(200, 80, 0));
        polyline(img, f, x, c.broad(), new Scalar(0, 150, 0));
        polyline(img, f, x, c.fit(), new Scalar(0, 0, 220));
        for (XrdPeak p : r.peaks()) {
            double px = f.px(p.twoThetaDeg());
            Scalar col = p.substrate() ? new Scalar(120, 60, 160) : new Scalar(0, 0, 160);
            Imgproc.line(img, new Point(px, TOP + 4), new Point(px, TOP + 18), col, 2);
            String label = p.reflection() != null ? p.reflection() : String.format(Locale.ROOT, "%.2f", p.twoThetaDeg());
            Imgproc.putText(img, label, new Point(px + 3, TOP + 32), Imgproc.FONT_HERSHEY_SIMPLEX, 0.45, col, 1);
        }
        String title = String.format(Locale.ROOT, "%s   CI %.3f +/- %.3f   limit %.3f   %s", shortName(r.source()),
                r.crystallinityIndex(), Double.isNaN(r.crystallinityStdErr()) ? 0 : r.crystallinityStdErr(), r.limit(),
                r.verdict());
        Imgproc.putText(img, title, new Point(LEFT, 30), Imgproc.FONT_HERSHEY_SIMPLEX, 0.6, black, 1);
        String[] legend = {"observed", "background", "+ halos", "fit"};
        Scalar[] colors = {grey, new Scalar(200, 80, 0), new Scalar(0, 150, 0), new Scalar(0, 0, 220)};
        double lx = WIDTH - RIGHT - 330;
        for (int k = 0; k < legend.length; k++) {
            Imgproc.putText(img, legend[k], new Point(lx, 30), Imgproc.FONT_HERSHEY_SIMPLEX, 0.5, colors[k], 1);
            lx += 12 + 9 * legend[k].length();
        }
        return img;
    }

    private static void polyline(Mat img, Frame f, double[] x, double[] y, Scalar color) {
        Point[] pts = new Point[x.length];
        for (int i = 0; i < x.length; i++) {
            pts[i] = new Point(f.px(x[i]), f.py(y[i]));
        }
        MatOfPoint line = new MatOfPoint(pts);
        try {
            Imgproc.polylines(img, java.util.List.of(line), false, color, 2, Imgproc.LINE_AA);
        } finally {
            line.release();
        }
    }

    private static String shortName(String source) {
        int i = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        String s = i >= 0 ? source.substring(i + 1) : source;
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    /** Data → pixel mapping; y is clipped to the plot box. */
    private record Frame(double x0, double x1, double yMax) {
        double px(double x) {
            return LEFT + (x - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
        }

        double py(double y) {
            double v = Math.max(0, Math.min(yMax, y));
            return HEIGHT - BOTTOM - v / yMax * (HEIGHT - TOP - BOTTOM);
        }
    }
}
