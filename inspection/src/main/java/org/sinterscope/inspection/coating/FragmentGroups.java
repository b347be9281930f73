package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;

/**
 * Joins the fragments of one object into one spot by hysteresis: two components of
 * {@code residual > t} belong together when one component of {@code residual > tLow}
 * ({@code tLow < t}) holds both. A thin, faint line (a fibre lying on the coating, a scratch
 * fainter than the spot threshold) crosses the threshold in pieces along its length; each piece
 * alone looks like a small round spot, together they show the line's true extent and shape, which
 * is what the classifier and the recipe should judge.
 *
 * <p>Only components whose boxes are at most {@code gapPx} apart are looked at (clusters by box
 * distance), and the low-threshold labelling runs over each such cluster's box alone, so a frame of
 * isolated spots costs nothing extra. A joined spot has the union of its fragments' boxes, the sum
 * of their areas (above {@code t}) and their area-weighted mean residual.
 */
final class FragmentGroups {

    /** Above this many components the grouping is skipped (a frame that noisy is not a few fragments). */
    static final int MAX_COMPONENTS = 400;

    /**
     * A spot after grouping.
     *
     * @param x         box left, searched-area columns
     * @param y         box top, rows
     * @param width     box width, px
     * @param height    box height, px
     * @param area      pixels above the spot threshold, summed over the fragments
     * @param mean      area-weighted mean residual over those pixels
     * @param fragments how many components of {@code residual > t} it joins (1 for a plain spot)
     */
    record Group(int x, int y, int width, int height, int area, double mean, int fragments) {
    }

    private FragmentGroups() {
    }

    /**
     * @param residual  8-bit residual image the components were found in (searched-area coordinates)
     * @param boxes     per component {@code [x, y, width, height, area]}
     * @param means     per component, its mean residual
     * @param t         the threshold the components were found with ({@code residual > t})
     * @param tLow      the hysteresis threshold that joins fragments, {@code < t}
     * @param gapPx     boxes further apart than this are never joined
     */
    static List<Group> group(Mat residual, List<int[]> boxes, double[] means, double t, double tLow, int gapPx, Mats m) {
        int n = boxes.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        if (n > 1 && n <= MAX_COMPONENTS) {
            int[] cluster = new int[n];
            for (int i = 0; i < n; i++) {
                cluster[i] = i;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (gap(boxes.get(i), boxes.get(j)) <= gapPx) {
                        union(cluster, i, j);
                    }
                }
            }
            for (int root = 0; root < n; root++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (find(cluster, i) == root) {
                        members.add(i);
                    }
                }
                if (members.size() > 1) {
                    joinByLowThreshold(residual, boxes, members, t, tLow, parent, m);
                }
            }
        }
        List<Group> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            int x0 = Integer.MAX_VALUE;
            int y0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            int y1 = Integer.MIN_VALUE;
            int area = 0;
            double sum = 0;
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (find(parent, i) != root) {
                    continue;
                }
                int[] b = boxes.get(i);
                x0 = Math.min(x0, b[0]);
                y0 = Math.min(y0, b[1]);
                x1 = Math.max(x1, b[0] + b[2]);
                y1 = Math.max(y1, b[1] + b[3]);
                area += b[4];
                sum += means[i] * b[4];
                k++;
            }
            if (k > 0) {
                out.add(new Group(x0, y0, x1 - x0, y1 - y0, area, sum / area, k));
            }
        }
        return out;
    }

    /** Unions the members of one box cluster that one component of {@code residual > tLow} holds together. */
    private static void joinByLowThreshold(Mat residual, List<int[]> boxes, List<Integer> members, double t, double tLow,
                                           int[] parent, Mats m) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        for (int i : members) {
            int[] b = boxes.get(i);
            x0 = Math.min(x0, b[0]);
            y0 = Math.min(y0, b[1]);
            x1 = Math.max(x1, b[0] + b[2]);
            y1 = Math.max(y1, b[1] + b[3]);
        }
        // one pixel of context so the box holds each component whole and the low paths between them
        x0 = Math.max(0, x0 - 1);
        y0 = Math.max(0, y0 - 1);
        x1 = Math.min(residual.cols(), x1 + 1);
        y1 = Math.min(residual.rows(), y1 + 1);
        Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
        Mat sub = m.add(residual.submat(r));
        Mat high = m.mat();
        Mat low = m.mat();
        Imgproc.threshold(sub, high, t, 255, Imgproc.THRESH_BINARY);
        Imgproc.threshold(sub, low, tLow, 255, Imgproc.THRESH_BINARY);
        Mat labelsHigh = m.mat();
        Mat stats = m.mat();
        int count = Imgproc.connectedComponentsWithStats(high, labelsHigh, stats, m.mat(), 8, CvType.CV_32S);
        Mat labelsLow = m.mat();
        Imgproc.connectedComponents(low, labelsLow, 8, CvType.CV_32S);
        int[] lowOf = new int[members.size()];
        int[] s = new int[5];
        Mat mask = m.mat();
        for (int k = 0; k < members.size(); k++) {
            int[] b = boxes.get(members.get(k));
            lowOf[k] = -1 - k; // joins nothing unless found below
            for (int j = 1; j < count; j++) {
                stats.get(j, 0, s);
                if (s[0] + x0 == b[0] && s[1] + y0 == b[1] && s[2] == b[2] && s[3] == b[3] && s[4] == b[4]) {
                    Core.compare(labelsHigh, new Scalar(j), mask, Core.CMP_EQ);
                    lowOf[k] = (int) Core.minMaxLoc(labelsLow, mask).maxVal;
                    break;
                }
            }
        }
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                if (lowOf[a] > 0 && lowOf[a] == lowOf[b]) {
                    union(parent, members.get(a), members.get(b));
                }
            }
        }
    }

    /** Chebyshev gap between two boxes {@code [x, y, w, h, …]}, px (0 when they touch or overlap). */
    static int gap(int[] a, int[] b) {
        int dx = Math.max(0, Math.max(a[0] - (b[0] + b[2]), b[0] - (a[0] + a[2])));
        int dy = Math.max(0, Math.max(a[1] - (b[1] + b[3]), b[1] - (a[1] + a[3])));
        return Math.max(dx, dy);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
