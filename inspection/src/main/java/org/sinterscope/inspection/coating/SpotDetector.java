package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.Defect;

/**
 * Finds local defects inside the coated band: pinholes, uncoated spots, agglomerates and scratches.
 *
 * <p>Background model: the robust CD profile, repeated down the frame (the coating varies slowly
 * along the web). In 8 bits, {@code grey − background} and {@code background − grey} (each
 * saturating at 0) are the bright and the dark residuals. The noise σ is estimated as
 * 1.25 × mean |residual| (exact for Gaussian noise). A pixel is part of a spot when its residual
 * exceeds {@code max(spotMinGrey, spotNoiseSigmas·σ)}; spots are connected components of at least
 * {@code spotMinAreaPx}. Bright spots at least {@code uncoatedMinDiameterMm} across (equivalent
 * diameter) are uncoated areas, smaller ones pinholes; dark spots are agglomerates; long thin
 * ones of either sign are scratches, and so are line-shaped ones in any direction (box diagonal at
 * least {@code spotLineElongation} area-equivalent diameters: a pinhole or an agglomerate is
 * compact), whose {@code lengthMm} is then the box diagonal. A line-shaped spot is only a scratch
 * when it is straight: its {@link LineShape} (of its largest component of {@code residual >}
 * the join level, inside its box) must not bend more than {@code spotLineMaxBend}, or more than
 * {@value #BEND_FLOOR_PX} px when that is larger (the digitisation floor of a straight line is
 * ≈ 0.16 px); a curved thin line is a fibre lying on the coating and is not reported. Scratches
 * made on a coating line (a particle held at the die lip, blade or a roller) are straight or gently
 * curved (radius of curvature many times their length) and are kept; measurement {@code bendRatio}
 * says how much each line-shaped scratch bends.
 *
 * <p>Faint scratches are brought out by averaging the bright residual along the web over
 * {@code scratchWindowMm} ({@code Imgproc.blur} with a 1 × k kernel), which raises the SNR of a
 * line along the web by √k and lowers that of round spots.
 *
 * <p>Fragments of one faint object (a thin line crossing the threshold in pieces) are joined into
 * one spot by hysteresis ({@link FragmentGroups}: one component above {@code spotJoinFraction · t}
 * holds them), so a spot's box, area and shape are the object's; measurement {@code fragments}
 * says how many pieces it joins.
 *
 * <p>Spots touching the left or right border of the searched area are left to the edge inspection.
 */
final class SpotDetector {

    /** Tile size of the first pass that flags where to label components. */
    private static final int REGION_TILE_PX = 32;
    /** Rows per block of the window-sum bound that flags where scratches can be. */
    private static final int FLAG_BLOCK_ROWS = 8;
    /** Below this RMS bend a line is straight whatever its ratio (2.5 × a straight line's digitisation, px). */
    static final double BEND_FLOOR_PX = 0.4;

    private SpotDetector() {
    }

    /**
     * @param grey     the whole frame, 8-bit
     * @param c0       first column searched
     * @param c1       end column searched (exclusive)
     * @param background per stripe, the background profile of the whole width ({@link StreakDetector.Found#background()})
     * @param streaks  streaks found in the frame: a spot inside a streak's columns must stand out from
     *                 the streak's own contrast too (where a streak starts or ends inside a stripe,
     *                 the stripe background is off by up to that much)
     */
    static List<Defect> detect(Mat grey, int c0, int c1, float[][] background, List<Defect> streaks, WebGrid grid,
                               CoatingInspectorConfig cfg) {
        List<Defect> out = new ArrayList<>();
        if (c1 - c0 < 8) {
            return out;
        }
        int h = grey.rows();
        int w = c1 - c0;
        try (Mats m = new Mats()) {
            Mat roi = m.add(grey.colRange(c0, c1));
            Mat bg = background(background, c0, w, h, m);
            Mat bright = m.mat();
            Mat dark = m.mat();
            Core.subtract(roi, bg, bright);
            Core.subtract(bg, roi, dark);
            double sigma = 1.25 * meanAbsResidual(bright, dark);
            double t = Math.max(cfg.spotMinGrey(), cfg.spotNoiseSigmas() * sigma);

            List<Defect> scratches = scratches(bright, c0, w, grid, cfg, m);
            out.addAll(scratches);
            for (Defect d : components(bright, t, true, c0, w, grid, cfg, m)) {
                if (scratches.stream().noneMatch(s -> s.boundsPx().x() <= d.boundsPx().x1() + 2
                        && d.boundsPx().x() <= s.boundsPx().x1() + 2
                        && s.boundsPx().y() <= d.boundsPx().y1() && d.boundsPx().y() <= s.boundsPx().y1())
                        && standsOutOfStreaks(d, t, streaks)) {
                    out.add(d);
                }
            }
            for (Defect d : components(dark, t, false, c0, w, grid, cfg, m)) {
                if (standsOutOfStreaks(d, t, streaks)) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /**
     * Mean |residual| = (Σ bright + Σ dark) / n, one of the two being 0 at every pixel, formed as
     * {@code Core.mean(bright + dark)} forms it (the exact integer sum times 1 / n) without the sum image.
     */
    static double meanAbsResidual(Mat bright, Mat dark) {
        double sum = Core.sumElems(bright).val[0] + Core.sumElems(dark).val[0];
        return sum * (1.0 / bright.total());
    }

    private static boolean standsOutOfStreaks(Defect d, double t, List<Defect> streaks) {
        for (Defect s : streaks) {
            if (d.boundsPx().x() >= s.boundsPx().x() - 2 && d.boundsPx().x1() <= s.boundsPx().x1() + 2
                    && Math.abs(d.measurement("contrastGrey")) < t + Math.abs(s.measurement("contrastGrey"))) {
                return false;
            }
        }
        return true;
    }

    /** The background image: each stripe's profile repeated over the stripe's lines, 8-bit. */
    private static Mat background(float[][] stripes, int c0, int w, int h, Mats m) {
        int n = stripes.length;
        Mat bg = m.add(new Mat(h, w, CvType.CV_8U));
        Mat row = m.add(new Mat(1, w, CvType.CV_32F));
        Mat row8 = m.mat();
        float[] seg = new float[w];
        for (int s = 0; s < n; s++) {
            System.arraycopy(stripes[s], c0, seg, 0, w);
            row.put(0, 0, seg);
            row.convertTo(row8, CvType.CV_8U);
            int r0 = s * h / n;
            int r1 = (s + 1) * h / n;
            Mat dst = m.add(bg.rowRange(r0, r1));
            Core.repeat(row8, r1 - r0, 1, dst);
        }
        return bg;
    }

    private static List<Defect> scratches(Mat bright, int c0, int w, WebGrid grid, CoatingInspectorConfig cfg, Mats m) {
        int k = Math.max(3, (int) Math.round(grid.lengthPx(cfg.scratchWindowMm())) | 1);
        Mat flags = WindowSumFlags.atLeast(bright, k, k * (cfg.scratchMinGrey() - 0.5), FLAG_BLOCK_ROWS, m);
        List<Blob> blobs = blobs(bright, cfg.scratchMinGrey(), flags, FLAG_BLOCK_ROWS, sub -> {
            Mat avg = m.mat();
            Imgproc.blur(sub, avg, new Size(1, k));
            return avg;
        }, s -> {
            double lenMm = grid.lengthMm(s[3]);
            return lenMm >= cfg.scratchMinLengthMm() && lenMm / grid.widthMm(s[2]) >= cfg.scratchMinAspect()
                    && s[0] != 0 && s[0] + s[2] < w; // not a scratch, or touching the searched area's sides
        }, m);
        List<Defect> out = new ArrayList<>();
        for (Blob b : blobs) {
            double lenMm = grid.lengthMm(b.height());
            double widthMm = grid.widthMm(b.width());
            PixelRect px = new PixelRect(c0 + b.x(), b.y(), b.width(), b.height());
            double conf = Math.min(1, 0.5 + 0.5 * (b.mean() - cfg.scratchMinGrey()) / cfg.scratchMinGrey());
            out.add(new Defect(DefectClass.SCRATCH, conf, grid.toWeb(px), px,
                    Map.of("lengthMm", lenMm, "widthMm", widthMm, "contrastGrey", b.mean()), "scratch"));
        }
        return out;
    }

    private static List<Defect> components(Mat residual, double t, boolean isBright, int c0, int w, WebGrid grid,
                                           CoatingInspectorConfig cfg, Mats m) {
        // noise, or touching the searched area's sides (an edge defect's business)
        Mat flags = m.mat();
        Imgproc.threshold(residual, flags, t, 255, Imgproc.THRESH_BINARY);
        List<Blob> blobs = blobs(residual, t, flags, 1, sub -> sub,
                s -> s[4] >= cfg.spotMinAreaPx() && s[0] != 0 && s[0] + s[2] < w, m);
        List<int[]> boxes = new ArrayList<>(blobs.size());
        double[] means = new double[blobs.size()];
        for (int i = 0; i < blobs.size(); i++) {
            Blob b = blobs.get(i);
            boxes.add(new int[] {b.x(), b.y(), b.width(), b.height(), b.area()});
            means[i] = b.mean();
        }
        int gapPx = (int) Math.round(grid.widthPx(cfg.spotJoinGapMm()));
        List<Defect> out = new ArrayList<>();
        for (FragmentGroups.Group b : FragmentGroups.group(residual, boxes, means, t, t * cfg.spotJoinFraction(), gapPx, m)) {
            double areaMm2 = grid.areaMm2(b.area());
            double diameterMm = 2 * Math.sqrt(areaMm2 / Math.PI);
            double lenMm = grid.lengthMm(b.height());
            double widthMm = grid.widthMm(b.width());
            double diagonalMm = Math.hypot(lenMm, widthMm);
            DefectClass c;
            if (lenMm >= cfg.scratchMinLengthMm() && lenMm / widthMm >= cfg.scratchMinAspect()) {
                c = DefectClass.SCRATCH;
            } else if (diagonalMm >= cfg.spotLineMinMm() && diagonalMm >= cfg.spotLineElongation() * diameterMm) {
                c = DefectClass.SCRATCH; // line-shaped (a thin line in any direction, a fibre): its length decides
                lenMm = diagonalMm;
            } else if (!isBright) {
                c = DefectClass.AGGLOMERATE;
            } else {
                c = diameterMm >= cfg.uncoatedMinDiameterMm() ? DefectClass.UNCOATED : DefectClass.PINHOLE;
            }
            LineShape shape = null;
            if (c == DefectClass.SCRATCH) {
                shape = shapeOf(residual, b, t * cfg.spotJoinFraction(), m);
                if (shape.bendPx() > BEND_FLOOR_PX && shape.bendRatio() > cfg.spotLineMaxBend()) {
                    continue; // a curved thin line: a fibre, not a scratch
                }
            }
            PixelRect px = new PixelRect(c0 + b.x(), b.y(), b.width(), b.height());
            double conf = Math.min(1, 0.5 + 0.5 * (b.mean() - t) / t);
            Map<String, Double> meas = new HashMap<>(Map.of("areaMm2", areaMm2, "diameterMm", diameterMm,
                    "lengthMm", lenMm, "widthMm", widthMm, "contrastGrey", isBright ? b.mean() : -b.mean(),
                    "fragments", (double) b.fragments()));
            if (shape != null) {
                meas.put("bendRatio", shape.bendRatio());
            }
            out.add(new Defect(c, Math.max(0, conf), grid.toWeb(px), px, meas, "spot"));
        }
        return out;
    }

    /**
     * The shape of a spot: its largest 8-connected component of {@code residual > tLow} inside its
     * box (one pixel of margin), the pixels its fragments were joined by.
     */
    private static LineShape shapeOf(Mat residual, FragmentGroups.Group g, double tLow, Mats m) {
        int x0 = Math.max(0, g.x() - 1);
        int y0 = Math.max(0, g.y() - 1);
        int x1 = Math.min(residual.cols(), g.x() + g.width() + 1);
        int y1 = Math.min(residual.rows(), g.y() + g.height() + 1);
        Mat sub = m.add(residual.submat(new Rect(x0, y0, x1 - x0, y1 - y0)));
        Mat bin = m.mat();
        Imgproc.threshold(sub, bin, tLow, 255, Imgproc.THRESH_BINARY);
        Mat labels = m.mat();
        Mat stats = m.mat();
        int count = Imgproc.connectedComponentsWithStats(bin, labels, stats, m.mat(), 8, CvType.CV_32S);
        int best = 1;
        double bestArea = -1;
        for (int i = 1; i < count; i++) {
            double a = stats.get(i, Imgproc.CC_STAT_AREA)[0];
            if (a > bestArea) {
                bestArea = a;
                best = i;
            }
        }
        Mat mask = m.mat();
        Core.compare(labels, new Scalar(best), mask, Core.CMP_EQ);
        return LineShape.of(mask);
    }

    /**
     * A connected component in searched-area coordinates, with the mean of the image it was found in
     * over its pixels.
     */
    private record Blob(int x, int y, int width, int height, int area, double mean) {
    }

    /**
     * The 8-connected components of {@code local(img) > t} that {@code keep} accepts (given
     * {@code [x, y, width, height, area]}), sorted by top then left. {@code local} is evaluated only
     * in the {@link CandidateRegions} of {@code flags} (one flag row per {@code rowScale} image rows;
     * the whole image when the flags are not sparse), so the flags must cover every pixel where
     * {@code local(img) > t}. Most frames have no flag at all, and the labelling is skipped.
     */
    private static List<Blob> blobs(Mat img, double t, Mat flags, int rowScale, UnaryOperator<Mat> local,
                                    Predicate<int[]> keep, Mats m) {
        int n = Core.countNonZero(flags);
        List<Rect> regions = CandidateRegions.of(flags, n, REGION_TILE_PX, rowScale, img.rows(),
                Math.max(1, flags.rows() * flags.cols() / 64));
        if (regions == null) {
            regions = List.of(new Rect(0, 0, img.cols(), img.rows()));
        }
        List<Blob> out = new ArrayList<>();
        int[] s = new int[5];
        for (Rect r : regions) {
            Mat values = local.apply(m.add(img.submat(r)));
            Mat bin = m.mat();
            Imgproc.threshold(values, bin, t, 255, Imgproc.THRESH_BINARY);
            if (Core.countNonZero(bin) == 0) {
                continue;
            }
            Mat labels = m.mat();
            Mat stats = m.mat();
            int count = Imgproc.connectedComponentsWithStats(bin, labels, stats, m.mat(), 8, CvType.CV_32S);
            for (int i = 1; i < count; i++) {
                stats.get(i, 0, s);
                Rect local0 = new Rect(s[0], s[1], s[2], s[3]);
                s[0] += r.x;
                s[1] += r.y;
                if (keep.test(s)) {
                    out.add(new Blob(s[0], s[1], s[2], s[3], s[4], maskedMean(values, labels, i, local0, m)));
                }
            }
        }
        out.sort(Comparator.comparingInt(Blob::y).thenComparingInt(Blob::x));
        return out;
    }

    /** Mean of {@code img} over the pixels of component {@code label} inside {@code r}. */
    private static double maskedMean(Mat img, Mat labels, int label, Rect r, Mats m) {
        Mat sub = m.add(img.submat(r));
        Mat lab = m.add(labels.submat(r));
        Mat mask = m.mat();
        Core.compare(lab, new Scalar(label), mask, Core.CMP_EQ);
        return Core.mean(sub, mask).val[0];
    }
}
