package org.sinterscope.simulator.line;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.camera.WebRect;

/**
 * Renders the coated electrode web the way a line-scan camera in reflected light sees it, in
 * 8-bit arithmetic throughout.
 *
 * <p>Model, in grey levels of an 8-bit camera: the roller beyond the foil is dark ({@value #ROLLER});
 * bare copper is bright ({@value #COPPER}); the coating is dark grey ({@value #COATING}) with a
 * granular texture (σ ≈ 5), low-frequency mottling (a few separable cosine terms, ±3 levels,
 * 15–90 mm wavelengths) and streaks as column offsets. The coating edges wander slowly
 * (two sines per edge). Defects are drawn with their class id into a label image at the same
 * time. Harmless look-alikes ({@link Lookalike}) are added on top, outside the labels. Last comes
 * sensor noise (σ ≈ 2) over everything.
 *
 * <p>Per frame: the mottle is evaluated on a coarse grid ({@value #MOTTLE_STEP_PX} px) and
 * interpolated up (a linear resize, 8-bit); texture and noise come from banks of pre-drawn 8-bit
 * fields (the texture pre-blurred by the optics: 3×3 Gaussians σ 0.8 then 0.7), rolled by a
 * per-frame offset and added as two saturating passes (positive and negative part); the copper
 * margins and the roller are filled as polygons and column ranges; defects and look-alikes get the
 * optics' blur (3×3, σ 0.7) over their own boxes only. No per-frame float field and no whole-frame
 * blur, so a frame costs a handful of passes over its bytes. Everything is a function of web position,
 * so the web is continuous across frames. The label image (when asked for) is drawn exactly as
 * before from the same polygons. Not thread-safe.
 */
final class ElectrodeRenderer implements AutoCloseable {

    static final int ROLLER = 25;
    static final int COPPER = 200;
    static final int COATING = 88;
    private static final int BANK = 3;
    private static final int EDGE_STEP_PX = 4;
    static final int MOTTLE_STEP_PX = 32;

    private final SimulatedLineConfig cfg;
    private final DefectPlan plan;
    private final int w;
    private final int h;
    /** Texture (with the optics' blur) and sensor noise, each as positive and negative 8-bit parts. */
    private final Mat[] grainPos = new Mat[BANK];
    private final Mat[] grainNeg = new Mat[BANK];
    private final Mat[] sensorPos = new Mat[BANK];
    private final Mat[] sensorNeg = new Mat[BANK];
    private final double[][] mottleX;   // per term: kx, phase
    private final double[][] mottleY;   // per term: ky, phase, amplitude
    private final double[] leftDrift;   // a1, l1, p1, a2, l2, p2
    private final double[] rightDrift;
    private final long seed;

    ElectrodeRenderer(SimulatedLineConfig cfg, DefectPlan plan) {
        OpenCvNative.load();
        this.cfg = cfg;
        this.plan = plan;
        this.w = cfg.frameWidthPx();
        this.h = cfg.frameHeightPx();
        this.seed = cfg.seed();
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x7E57_0BA5EL);
        Core.setRNGSeed((int) (seed ^ (seed >>> 32)));
        try (Mats m = new Mats()) {
            Mat f = m.add(new Mat(h, w, CvType.CV_32F));
            for (int i = 0; i < BANK; i++) {
                Core.randn(f, 0, 9);
                Imgproc.GaussianBlur(f, f, new Size(3, 3), 0.8);
                Imgproc.GaussianBlur(f, f, new Size(3, 3), 0.7);
                grainPos[i] = new Mat();
                grainNeg[i] = new Mat();
                split(f, grainPos[i], grainNeg[i], m);
                Core.randn(f, 0, 2);
                sensorPos[i] = new Mat();
                sensorNeg[i] = new Mat();
                split(f, sensorPos[i], sensorNeg[i], m);
            }
        }
        int terms = 3;
        mottleX = new double[terms][];
        mottleY = new double[terms][];
        for (int k = 0; k < terms; k++) {
            mottleX[k] = new double[] {2 * Math.PI / (15 + 75 * rnd.nextDouble()), 2 * Math.PI * rnd.nextDouble()};
            mottleY[k] = new double[] {2 * Math.PI / (15 + 75 * rnd.nextDouble()), 2 * Math.PI * rnd.nextDouble(),
                    1.0 + 1.0 * rnd.nextDouble()};
        }
        leftDrift = drift(rnd, cfg.edgeDriftMm());
        rightDrift = drift(rnd, cfg.edgeDriftMm());
    }

    /** {@code pos = max(f, 0)}, {@code neg = max(−f, 0)}, rounded to 8 bits. */
    private static void split(Mat f, Mat pos, Mat neg, Mats m) {
        Mat t = m.mat();
        Core.max(f, new Scalar(0), t);
        t.convertTo(pos, CvType.CV_8U);
        Core.min(f, new Scalar(0), t);
        t.convertTo(neg, CvType.CV_8U, -1);
    }

    private static double[] drift(SplittableRandom rnd, double amp) {
        return new double[] {0.8 * amp, 4000 + 6000 * rnd.nextDouble(), 2 * Math.PI * rnd.nextDouble(),
                0.2 * amp, 500 + 800 * rnd.nextDouble(), 2 * Math.PI * rnd.nextDouble()};
    }

    private static double driftAt(double[] d, double yMm) {
        return d[0] * Math.sin(2 * Math.PI * yMm / d[1] + d[2]) + d[3] * Math.sin(2 * Math.PI * yMm / d[4] + d[5]);
    }

    /**
     * Renders frame {@code index} into {@code image8u} (resized to the frame) and, when
     * {@code labels} is not null, the class ids ({@code ordinal + 1}, 0 = none) into it.
     */
    void render(long index, WebGrid grid, Mat image8u, Mat labels) {
        double y0 = grid.yOriginMm();
        double y1 = grid.yMm(h);
        List<InjectedDefect> here = plan.within(y0 - 1, y1 + 1);
        try (Mats m = new Mats()) {
            // coating level with its mottle, everywhere; streaks as column offsets
            mottle(grid, image8u, m);
            Mat img = image8u;
            Mat labelCoat = labels == null ? null : m.add(Mat.zeros(h, w, CvType.CV_8U));
            for (InjectedDefect d : here) {
                if (d.defectClass() == DefectClass.STREAK) {
                    addStreak(d, grid, img, labelCoat);
                }
            }
            int g = (int) Math.floorMod(index * 7 + 1, BANK);
            addRolled(img, grainPos[g], grainNeg[g], index * 7919L, m);
            // beyond the coating: copper margins, then the roller beyond the foil
            int foilC0 = (int) Math.round(grid.col(0));
            int foilC1 = (int) Math.round(grid.col(cfg.foilWidthMm()));
            Imgproc.fillPoly(img, List.of(marginPolygon(grid, here, true, foilC0, m), marginPolygon(grid, here, false, foilC1, m)),
                    new Scalar(COPPER));
            if (foilC0 > 0) {
                m.add(img.colRange(0, Math.min(w, foilC0))).setTo(new Scalar(ROLLER));
            }
            if (foilC1 < w) {
                m.add(img.colRange(Math.max(0, foilC1), w)).setTo(new Scalar(ROLLER));
            }
            if (labels != null) {
                Mat mask = m.add(Mat.zeros(h, w, CvType.CV_8U));
                Imgproc.fillPoly(mask, List.of(coatingPolygon(grid, here, true, m)), new Scalar(255));
                labels.create(h, w, CvType.CV_8U);
                labels.setTo(new Scalar(0));
                labelCoat.copyTo(labels, mask);
                labelEdges(grid, here, mask, labels, m);
            }
            List<Rect> drawn = new ArrayList<>();
            for (InjectedDefect d : here) {
                if (drawSpotLike(d, grid, img, labels)) {
                    drawn.add(pixelBox(grid, d.bounds().x0Mm(), d.bounds().y0Mm(), d.bounds().x1Mm(), d.bounds().y1Mm()));
                }
            }
            // harmless look-alikes lie on top of everything and are not in the labels
            for (Lookalike l : plan.lookalikesWithin(y0 - 5, y1 + 5)) {
                LookalikeRenderer.draw(l, grid, img);
                WebRect b = l.bounds();
                drawn.add(pixelBox(grid, b.x0Mm(), b.y0Mm(), b.x1Mm(), b.y1Mm()));
            }
            // the optics (3×3 Gaussian, σ 0.7) over what was drawn sharp; the texture bank is pre-blurred
            for (Rect r : drawn) {
                if (r != null) {
                    Mat roi = m.add(img.submat(r));
                    Imgproc.GaussianBlur(roi, roi, new Size(3, 3), 0.7);
                }
            }
            int n = (int) Math.floorMod(index * 5 + 2, BANK);
            addRolled(img, sensorPos[n], sensorNeg[n], index * 104729L, m);
        }
    }

    /**
     * {@code COATING + Σ_k a_k cos(ky_k·y + φ_k) cos(kx_k·x + ψ_k)} into {@code dst} (8-bit): evaluated
     * at the pixels a linear resize from a grid of {@value #MOTTLE_STEP_PX} px samples reads, then resized.
     */
    private void mottle(WebGrid grid, Mat dst, Mats m) {
        int hl = Math.max(2, (h + MOTTLE_STEP_PX - 1) / MOTTLE_STEP_PX);
        int wl = Math.max(2, (w + MOTTLE_STEP_PX - 1) / MOTTLE_STEP_PX);
        Mat low = m.add(new Mat(hl, wl, CvType.CV_32F, new Scalar(COATING)));
        Mat colVec = m.add(new Mat(hl, 1, CvType.CV_32F));
        Mat rowVec = m.add(new Mat(1, wl, CvType.CV_32F));
        Mat outer = m.mat();
        Mat empty = m.mat();
        float[] cv = new float[hl];
        float[] rv = new float[wl];
        for (int k = 0; k < mottleX.length; k++) {
            for (int r = 0; r < hl; r++) {
                double row = (r + 0.5) * h / hl - 0.5;   // the full-frame pixel whose centre sample r stands for
                cv[r] = (float) (mottleY[k][2] * Math.cos(mottleY[k][0] * grid.yMm(row + 0.5) + mottleY[k][1]));
            }
            for (int c = 0; c < wl; c++) {
                double col = (c + 0.5) * w / wl - 0.5;
                rv[c] = (float) Math.cos(mottleX[k][0] * grid.xMm(col + 0.5) + mottleX[k][1]);
            }
            colVec.put(0, 0, cv);
            rowVec.put(0, 0, rv);
            Core.gemm(colVec, rowVec, 1.0, empty, 0.0, outer);
            Core.add(low, outer, low);
        }
        Mat low8 = m.mat();
        low.convertTo(low8, CvType.CV_8U);
        dst.create(h, w, CvType.CV_8U);
        Imgproc.resize(low8, dst, new Size(w, h), 0, 0, Imgproc.INTER_LINEAR);
    }

    /**
     * {@code img += pos − neg}, both rolled down and right by the same pseudo-random offset
     * (from {@code salt}), saturating; two passes over the frame, done quadrant by quadrant.
     */
    private void addRolled(Mat img, Mat pos, Mat neg, long salt, Mats m) {
        long mix = new SplittableRandom(seed * 31 + salt).nextLong();
        int dr = (int) Math.floorMod(mix, h);
        int dc = (int) Math.floorMod(mix >>> 20, w);
        int[][] q = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        for (int[] qq : q) {
            int sr0 = qq[0] == 0 ? 0 : h - dr;
            int sr1 = qq[0] == 0 ? h - dr : h;
            int sc0 = qq[1] == 0 ? 0 : w - dc;
            int sc1 = qq[1] == 0 ? w - dc : w;
            if (sr1 <= sr0 || sc1 <= sc0) {
                continue;
            }
            int dr0 = qq[0] == 0 ? dr : 0;
            int dc0 = qq[1] == 0 ? dc : 0;
            Mat d = m.add(img.submat(dr0, dr0 + (sr1 - sr0), dc0, dc0 + (sc1 - sc0)));
            Core.add(d, m.add(pos.submat(sr0, sr1, sc0, sc1)), d);
            Core.subtract(d, m.add(neg.submat(sr0, sr1, sc0, sc1)), d);
        }
    }

    /**
     * The copper margin between the foil edge column {@code foilCol} and the coating edge (with
     * edge defects), as a polygon that stops one pixel short of the coating polygon's own boundary
     * pixel, so that the coating covers exactly the pixels of {@link #coatingPolygon}.
     */
    private MatOfPoint marginPolygon(WebGrid grid, List<InjectedDefect> here, boolean left, int foilCol, Mats m) {
        List<Point> pts = new ArrayList<>();
        pts.add(new Point(foilCol, 0));
        pts.add(new Point(foilCol, h));
        for (int r = h; r >= 0; r -= EDGE_STEP_PX) {
            int x = (int) grid.col(edgeXMm(left, grid.yMm(r), here, true)); // truncated, as MatOfPoint does
            pts.add(new Point(left ? x - 1 : x + 1, r));
        }
        if (h % EDGE_STEP_PX != 0) {
            int x = (int) grid.col(edgeXMm(left, grid.yMm(0), here, true));
            pts.add(new Point(left ? x - 1 : x + 1, 0));
        }
        return m.add(new MatOfPoint(pts.toArray(new Point[0])));
    }

    private void addStreak(InjectedDefect d, WebGrid grid, Mat coat, Mat labelCoat) {
        WebRect b = d.bounds();
        int r0 = clamp((int) Math.floor(grid.row(b.y0Mm())), 0, h);
        int r1 = clamp((int) Math.ceil(grid.row(b.y1Mm())), 0, h);
        int c0 = clamp((int) Math.round(grid.col(b.x0Mm())), 0, w);
        int c1 = clamp((int) Math.round(grid.col(b.x1Mm())), 0, w);
        if (r1 <= r0 || c1 <= c0) {
            return;
        }
        // soft shoulders: full contrast in the middle, half on the outer two pixels
        Mat band = coat.submat(r0, r1, c0, c1);
        Core.add(band, new Scalar(d.contrast()), band);
        band.release();
        for (int c : new int[] {c0 - 1, c1}) {
            if (c >= 0 && c < w) {
                Mat col = coat.submat(r0, r1, c, c + 1);
                Core.add(col, new Scalar(d.contrast() / 2), col);
                col.release();
            }
        }
        if (labelCoat != null) {
            Mat l = labelCoat.submat(r0, r1, c0, c1);
            l.setTo(new Scalar(d.defectClass().ordinal() + 1));
            l.release();
        }
    }

    /** Web x of a coating edge at {@code yMm}, including drift and, if asked, edge defects. */
    double edgeXMm(boolean left, double yMm, List<InjectedDefect> here, boolean withDefects) {
        double x = left ? cfg.coatingLeftMm() + driftAt(leftDrift, yMm) : cfg.coatingRightMm() + driftAt(rightDrift, yMm);
        if (withDefects) {
            for (InjectedDefect d : here) {
                if (d.defectClass() != DefectClass.EDGE) {
                    continue;
                }
                boolean dLeft = d.bounds().centreXMm() < cfg.foilWidthMm() / 2;
                if (dLeft != left) {
                    continue;
                }
                double t = (yMm - d.bounds().y0Mm()) / d.bounds().lengthMm();
                if (t > 0 && t < 1) {
                    double s = Math.min(1, Math.min(t, 1 - t) / 0.2); // trapezoid: 20 % ramps
                    x += d.contrast() * s;
                }
            }
        }
        return x;
    }

    private MatOfPoint coatingPolygon(WebGrid grid, List<InjectedDefect> here, boolean withDefects, Mats m) {
        List<Point> pts = new ArrayList<>();
        for (int r = 0; r <= h; r += EDGE_STEP_PX) {
            pts.add(new Point(grid.col(edgeXMm(true, grid.yMm(r), here, withDefects)), r));
        }
        for (int r = h; r >= 0; r -= EDGE_STEP_PX) {
            pts.add(new Point(grid.col(edgeXMm(false, grid.yMm(r), here, withDefects)), r));
        }
        return m.add(new MatOfPoint(pts.toArray(new Point[0])));
    }

    private void labelEdges(WebGrid grid, List<InjectedDefect> here, Mat actual, Mat labels, Mats m) {
        if (here.stream().noneMatch(d -> d.defectClass() == DefectClass.EDGE)) {
            return;
        }
        Mat nominal = m.add(Mat.zeros(h, w, CvType.CV_8U));
        Imgproc.fillPoly(nominal, List.of(coatingPolygon(grid, here, false, m)), new Scalar(255));
        Mat diff = m.mat();
        Core.absdiff(nominal, actual, diff);
        labels.setTo(new Scalar(DefectClass.EDGE.ordinal() + 1), diff);
    }

    /** The pixel box of a web rectangle with a 3-px margin, clipped to the frame, or null when outside. */
    private Rect pixelBox(WebGrid grid, double x0Mm, double y0Mm, double x1Mm, double y1Mm) {
        int c0 = clamp((int) Math.floor(grid.col(x0Mm)) - 3, 0, w);
        int c1 = clamp((int) Math.ceil(grid.col(x1Mm)) + 3, 0, w);
        int r0 = clamp((int) Math.floor(grid.row(y0Mm)) - 3, 0, h);
        int r1 = clamp((int) Math.ceil(grid.row(y1Mm)) + 3, 0, h);
        return c1 > c0 && r1 > r0 ? new Rect(c0, r0, c1 - c0, r1 - r0) : null;
    }

    /** Draws a pinhole, uncoated spot, agglomerate or scratch; false for streaks and edges (drawn elsewhere). */
    private boolean drawSpotLike(InjectedDefect d, WebGrid grid, Mat img, Mat labels) {
        WebRect b = d.bounds();
        Point c = new Point(grid.col(b.centreXMm()), grid.row(b.centreYMm()));
        double rx = grid.widthPx(b.widthMm()) / 2;
        double ry = grid.lengthPx(b.lengthMm()) / 2;
        int label = d.defectClass().ordinal() + 1;
        switch (d.defectClass()) {
            case PINHOLE, UNCOATED -> {
                // a hole shows the copper; an uncoated spot is a bit irregular (two overlapping ellipses)
                Size axes = new Size(Math.max(0.7, rx), Math.max(0.7, ry));
                Imgproc.ellipse(img, c, axes, 0, 0, 360, new Scalar(COPPER - 15), -1);
                if (labels != null) {
                    Imgproc.ellipse(labels, c, axes, 0, 0, 360, new Scalar(label), -1);
                }
                if (d.defectClass() == DefectClass.UNCOATED) {
                    Point c2 = new Point(c.x + rx * 0.35, c.y - ry * 0.3);
                    Size a2 = new Size(rx * 0.6, ry * 0.75);
                    Imgproc.ellipse(img, c2, a2, 30, 0, 360, new Scalar(COPPER - 10), -1);
                    if (labels != null) {
                        Imgproc.ellipse(labels, c2, a2, 30, 0, 360, new Scalar(label), -1);
                    }
                }
            }
            case AGGLOMERATE -> {
                Size axes = new Size(rx, ry * 0.85);
                Imgproc.ellipse(img, c, axes, 20, 0, 360, new Scalar(COATING + d.contrast()), -1);
                Imgproc.ellipse(img, c, new Size(rx * 0.5, ry * 0.4), 20, 0, 360,
                        new Scalar(COATING + 1.4 * d.contrast()), -1);
                if (labels != null) {
                    Imgproc.ellipse(labels, c, axes, 20, 0, 360, new Scalar(label), -1);
                }
            }
            case SCRATCH -> {
                Point p0 = new Point(c.x, grid.row(b.y0Mm()));
                Point p1 = new Point(c.x + 2, grid.row(b.y1Mm()));
                int thick = Math.max(1, (int) Math.round(grid.widthPx(d.sizeMm())));
                Imgproc.line(img, p0, p1, new Scalar(COATING + d.contrast()), thick);
                if (labels != null) {
                    Imgproc.line(labels, p0, p1, new Scalar(label), thick);
                }
            }
            default -> {
                // streaks and edges are part of the coating field and polygon
                return false;
            }
        }
        return true;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    @Override
    public void close() {
        for (int i = 0; i < BANK; i++) {
            grainPos[i].release();
            grainNeg[i].release();
            sensorPos[i].release();
            sensorNeg[i].release();
        }
    }
}
