package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.WebGrid;

/**
 * Draws {@link Lookalike}s onto a frame being rendered ({@code CV_8U} or {@code CV_32F} grey
 * levels), by adding their grey-level change to what is there (8-bit: in float over the look-alike's
 * own box, then rounded and saturated back).
 *
 * <p>A blob is the separable Gaussian {@code grey · exp(−dx²/2σx² − dy²/2σy²)} over ±3 σ (the
 * outer product of two {@code getGaussianKernel} columns, scaled to its peak); a fibre is a one-pixel
 * polyline through its path. Parts outside the frame are clipped, so a look-alike across a frame
 * boundary is drawn half in each frame.
 */
final class LookalikeRenderer {

    private LookalikeRenderer() {
    }

    static void draw(Lookalike l, WebGrid grid, Mat img) {
        if (l.kind() == Lookalike.Kind.FIBRE) {
            fibre(l, grid, img);
        } else {
            for (Lookalike.Blob b : l.blobsMm()) {
                blob(grid.col(l.xMm() + b.dxMm()), grid.row(l.yMm() + b.dyMm()), grid.widthPx(b.sigmaXMm()),
                        grid.lengthPx(b.sigmaYMm()), b.grey(), img);
            }
        }
    }

    private static void blob(double cx, double cy, double sx, double sy, double grey, Mat img) {
        int hx = Math.max(1, (int) Math.ceil(3 * sx));
        int hy = Math.max(1, (int) Math.ceil(3 * sy));
        int x0 = (int) Math.round(cx) - hx;
        int y0 = (int) Math.round(cy) - hy;
        Rect full = new Rect(x0, y0, 2 * hx + 1, 2 * hy + 1);
        Rect clip = intersect(full, img);
        if (clip == null) {
            return;
        }
        try (Mats m = new Mats()) {
            Mat ky = m.add(Imgproc.getGaussianKernel(2 * hy + 1, sy, CvType.CV_32F));
            Mat kx = m.add(Imgproc.getGaussianKernel(2 * hx + 1, sx, CvType.CV_32F));
            Mat g = m.mat();
            Core.gemm(ky, kx, 1.0, m.mat(), 0.0, g, Core.GEMM_2_T);
            double peak = ky.get(hy, 0)[0] * kx.get(hx, 0)[0];
            Core.multiply(g, new Scalar(grey / peak), g);
            Mat part = m.add(g.submat(new Rect(clip.x - x0, clip.y - y0, clip.width, clip.height)));
            addInto(img, clip, part, m);
        }
    }

    /** {@code img[clip] += part} for an 8-bit or float {@code img}. */
    private static void addInto(Mat img, Rect clip, Mat part, Mats m) {
        Mat roi = m.add(img.submat(clip));
        if (roi.type() == CvType.CV_32F) {
            Core.add(roi, part, roi);
            return;
        }
        Mat f = m.mat();
        roi.convertTo(f, CvType.CV_32F);
        Core.add(f, part, f);
        f.convertTo(roi, roi.type());
    }

    private static void fibre(Lookalike l, WebGrid grid, Mat img) {
        List<Point> pts = new ArrayList<>();
        for (double[] p : l.fibrePathMm()) {
            pts.add(new Point(grid.col(l.xMm() + p[0]), grid.row(l.yMm() + p[1])));
        }
        double minX = pts.stream().mapToDouble(p -> p.x).min().orElseThrow();
        double minY = pts.stream().mapToDouble(p -> p.y).min().orElseThrow();
        double maxX = pts.stream().mapToDouble(p -> p.x).max().orElseThrow();
        double maxY = pts.stream().mapToDouble(p -> p.y).max().orElseThrow();
        int x0 = (int) Math.floor(minX) - 1;
        int y0 = (int) Math.floor(minY) - 1;
        Rect full = new Rect(x0, y0, (int) Math.ceil(maxX) - x0 + 2, (int) Math.ceil(maxY) - y0 + 2);
        Rect clip = intersect(full, img);
        if (clip == null) {
            return;
        }
        try (Mats m = new Mats()) {
            Mat mark = m.add(Mat.zeros(full.height, full.width, CvType.CV_32F));
            List<Point> local = pts.stream().map(p -> new Point(p.x - x0, p.y - y0)).toList();
            MatOfPoint poly = m.add(new MatOfPoint(local.toArray(new Point[0])));
            Imgproc.polylines(mark, List.of(poly), false, new Scalar(l.contrast()), 1,
                    Imgproc.LINE_8);
            Mat part = m.add(mark.submat(new Rect(clip.x - x0, clip.y - y0, clip.width, clip.height)));
            addInto(img, clip, part, m);
        }
    }

    private static Rect intersect(Rect r, Mat img) {
        int x0 = Math.max(0, r.x);
        int y0 = Math.max(0, r.y);
        int x1 = Math.min(img.cols(), r.x + r.width);
        int y1 = Math.min(img.rows(), r.y + r.height);
        return x1 > x0 && y1 > y0 ? new Rect(x0, y0, x1 - x0, y1 - y0) : null;
    }
}
