package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;
import org.sinterscope.inspection.Defect;

/**
 * Follows one coating edge line by line and finds notches and bulges.
 *
 * <p>In a strip of ±{@code edgeWindowMm} around the edge (clipped to the copper margin), pixels
 * darker than the band threshold are coating; a morphological closing fills pinholes. With the
 * coating on one side of the strip, the per-line count of coating pixels gives the edge position
 * of every line ({@code Core.reduce}, no per-pixel loop). The frame's edge is the median over
 * lines; lines that stray from it by at least {@code edgeMinDepthMm}, in runs of at least
 * {@code edgeMinLengthMm} (gaps of up to 3 lines bridged), are edge defects.
 */
final class EdgeInspector {

    /**
     * @param col     median edge position, continuous column
     * @param defects notches and bulges on this edge
     */
    record EdgeResult(double col, List<Defect> defects) {
    }

    /** Fills pinholes in the coating mask: an 11 × 11 ellipse. */
    private static final EllipseClosing CLOSING = new EllipseClosing(11);

    private EdgeInspector() {
    }

    static EdgeResult inspect(Mat grey, CoatedBand band, boolean left, WebGrid grid, CoatingInspectorConfig cfg) {
        int h = grey.rows();
        double edge = left ? band.leftCol() : band.rightCol();
        int win = (int) Math.round(grid.widthPx(cfg.edgeWindowMm()));
        int margin = left ? (int) Math.floor(edge) - band.foilLeftCol() : band.foilRightCol() - (int) Math.ceil(edge);
        int outward = Math.max(2, Math.min(win, (int) (margin * 0.8)));
        int c0 = left ? (int) Math.floor(edge) - outward : (int) Math.floor(edge) - win;
        int c1 = left ? (int) Math.ceil(edge) + win : (int) Math.ceil(edge) + outward;
        c0 = Math.max(0, c0);
        c1 = Math.min(grey.cols(), c1);
        if (c1 - c0 < 4) {
            return new EdgeResult(edge, List.of());
        }
        float[] counts = new float[h];
        try (Mats m = new Mats()) {
            Mat strip = m.add(grey.colRange(c0, c1));
            Mat coat = m.mat();
            Imgproc.threshold(strip, coat, band.threshold(), 1, Imgproc.THRESH_BINARY_INV);
            Mat closed = m.mat();
            CLOSING.close(coat, closed);
            // per-line counts: OpenCV sums down columns much faster than along rows, so transpose first
            Mat lines = m.mat();
            Core.transpose(closed, lines);
            Mat sum = m.mat();
            Core.reduce(lines, sum, 0, Core.REDUCE_SUM, CvType.CV_32F);
            sum.get(0, 0, counts);
        }
        float[] e = new float[h];
        for (int r = 0; r < h; r++) {
            e[r] = left ? c1 - counts[r] : c0 + counts[r];
        }
        double base = CdProfile.select(e, h / 2);
        double minDev = grid.widthPx(cfg.edgeMinDepthMm());
        int minLen = Math.max(1, (int) Math.round(grid.lengthPx(cfg.edgeMinLengthMm())));
        List<Defect> out = new ArrayList<>();
        int r = 0;
        while (r < h) {
            if (Math.abs(e[r] - base) < minDev) {
                r++;
                continue;
            }
            int a = r;
            int last = r;
            double extreme = e[r] - base;
            while (r < h && r - last <= 3) {
                double dev = e[r] - base;
                if (Math.abs(dev) >= minDev) {
                    last = r;
                    if (Math.abs(dev) > Math.abs(extreme)) {
                        extreme = dev;
                    }
                }
                r++;
            }
            int len = last - a + 1;
            if (len >= minLen) {
                out.add(edgeDefect(a, last + 1, base, extreme, left, grid, cfg));
            }
            r = last + 1;
        }
        return new EdgeResult(base, out);
    }

    private static Defect edgeDefect(int r0, int r1, double base, double extreme, boolean left, WebGrid grid,
                                     CoatingInspectorConfig cfg) {
        int x0 = (int) Math.floor(Math.min(base, base + extreme));
        int x1 = (int) Math.ceil(Math.max(base, base + extreme));
        PixelRect px = new PixelRect(x0, r0, Math.max(1, x1 - x0), r1 - r0);
        double depthMm = grid.widthMm(Math.abs(extreme));
        // a notch moves the edge into the coating: right on the left edge, left on the right edge
        boolean notch = left == (extreme > 0);
        double conf = Math.min(1, 0.5 + 0.5 * (depthMm - cfg.edgeMinDepthMm()) / cfg.edgeMinDepthMm());
        return new Defect(DefectClass.EDGE, conf, grid.toWeb(px), px,
                Map.of("depthMm", depthMm, "lengthMm", grid.lengthMm(r1 - r0), "notch", notch ? 1.0 : 0.0,
                        "side", left ? 0.0 : 1.0),
                "edge");
    }
}
