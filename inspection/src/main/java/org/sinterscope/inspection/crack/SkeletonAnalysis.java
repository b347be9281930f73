package org.sinterscope.inspection.crack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.camera.WebGrid;

/**
 * Measures a skeleton given as its sparse pixel list: the only Java loops of the crack detector,
 * and they visit skeleton pixels only (a neighbour is found by binary search in the row-major
 * pixel keys that {@code Core.findNonZero} returns already sorted).
 */
final class SkeletonAnalysis {

    /** Kulpa's correction of the 8-connected chain length, π(1+√2)/8. */
    static final double KULPA = Math.PI * (1 + Math.sqrt(2)) / 8;
    // neighbour k = 0..7 of a pixel: P2 (north) clockwise to P9, i.e. N, NE, E, SE, S, SW, W, NW

    private SkeletonAnalysis() {
    }

    /**
     * @param xy        skeleton pixels at the working resolution, row-major (x, y pairs)
     * @param cols      working image width
     * @param rows      working image height
     * @param dtPx      distance to the background at each pixel, working pixels
     * @param angleDeg  crack direction at each pixel, degrees in [0, 180) from +x towards +y
     * @param workScale image pixels per working pixel
     * @param grid      pixel ↔ web mapping of the full-resolution image
     * @param minCrackLengthMm shorter skeleton components are not counted
     */
    static CrackResultParts analyse(int[] xy, int cols, int rows, float[] dtPx, float[] angleDeg, int workScale,
                                    WebGrid grid, double minCrackLengthMm) {
        int n = xy.length / 2;
        double pxMm = grid.widthMm(workScale);
        double pyMm = grid.lengthMm(workScale);
        double diagMm = Math.hypot(pxMm, pyMm);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) xy[2 * i + 1] * cols + xy[2 * i];
        }
        int[] parent = new int[n];
        int[] branchParent = new int[n];
        boolean[] branch = new boolean[n];
        double[] link = new double[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            branchParent[i] = i;
        }
        int[] nb = new int[8];
        for (int i = 0; i < n; i++) {
            int x = xy[2 * i];
            int y = xy[2 * i + 1];
            int transitions = 0;
            neighbours8(keys, cols, rows, i, x, y, nb);
            for (int k = 0; k < 8; k++) {
                if (nb[k] < 0 && nb[(k + 1) % 8] >= 0) {
                    transitions++;
                }
                if (nb[k] >= 0) {
                    union(parent, i, nb[k]);
                }
            }
            branch[i] = transitions >= 3;
            double l = 0;
            if (nb[2] >= 0) {
                l += pxMm;
            }
            if (nb[4] >= 0) {
                l += pyMm;
            }
            if (nb[3] >= 0 && nb[2] < 0 && nb[4] < 0) {
                l += diagMm;
            }
            if (nb[5] >= 0 && nb[6] < 0 && nb[4] < 0) {
                l += diagMm;
            }
            link[i] = l * KULPA;
        }
        for (int i = 0; i < n; i++) {
            if (branch[i]) {
                neighbours8(keys, cols, rows, i, xy[2 * i], xy[2 * i + 1], nb);
                for (int k = 0; k < 8; k++) {
                    int j = nb[k];
                    if (j >= 0 && branch[j]) {
                        union(branchParent, i, j);
                    }
                }
            }
        }
        // per component
        int[] compOf = new int[n];
        int[] compIndex = new int[n];
        Arrays.fill(compIndex, -1);
        List<Acc> comps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (compIndex[r] < 0) {
                compIndex[r] = comps.size();
                comps.add(new Acc());
            }
            compOf[i] = compIndex[r];
            Acc a = comps.get(compOf[i]);
            a.lengthMm += link[i];
            a.x0 = Math.min(a.x0, xy[2 * i]);
            a.y0 = Math.min(a.y0, xy[2 * i + 1]);
            a.x1 = Math.max(a.x1, xy[2 * i]);
            a.y1 = Math.max(a.y1, xy[2 * i + 1]);
            if (branch[i] && root(branchParent, i) == i) {
                a.branches++;
            }
        }
        double[] hist = new double[CrackMeasurements.ORIENTATION_BINS];
        double widthSum = 0;
        int widthN = 0;
        double maxWidth = 0;
        for (int i = 0; i < n; i++) {
            Acc a = comps.get(compOf[i]);
            if (a.lengthMm < minCrackLengthMm) {
                continue;
            }
            double theta = Math.toRadians(angleDeg[i]);
            // pitch across the crack: along the normal (-sin θ, cos θ)
            double acrossUm = 1000 * Math.hypot(Math.sin(theta) * pxMm, Math.cos(theta) * pyMm);
            double w = Math.max(0, 2 * dtPx[i] - 0.5) * acrossUm;
            a.widthSum += w;
            a.widthN++;
            a.maxWidthUm = Math.max(a.maxWidthUm, w);
            widthSum += w;
            widthN++;
            maxWidth = Math.max(maxWidth, w);
            int bin = (int) Math.floor(angleDeg[i] / (180.0 / hist.length));
            hist[Math.floorMod(bin, hist.length)] += link[i];
        }
        List<CrackDefect> defects = new ArrayList<>();
        List<Acc> counted = comps.stream().filter(a -> a.lengthMm >= minCrackLengthMm)
                .sorted(Comparator.comparingDouble((Acc a) -> a.lengthMm).reversed()).toList();
        double total = 0;
        int branches = 0;
        for (Acc a : counted) {
            total += a.lengthMm;
            branches += a.branches;
            PixelRect px = new PixelRect(a.x0 * workScale, a.y0 * workScale, (a.x1 - a.x0 + 1) * workScale,
                    (a.y1 - a.y0 + 1) * workScale);
            defects.add(new CrackDefect(defects.size(), DefectClass.CRACK, grid.toWeb(px), a.lengthMm, a.maxWidthUm,
                    a.widthN == 0 ? 0 : a.widthSum / a.widthN, a.branches));
        }
        List<Double> h = new ArrayList<>();
        for (double v : hist) {
            h.add(v);
        }
        return new CrackResultParts(total, widthN == 0 ? 0 : widthSum / widthN, maxWidth,
                counted.isEmpty() ? 0 : counted.get(0).lengthMm, counted.size(), branches, h, defects);
    }

    /**
     * Removes spurs: chains from an end point to the first junction that are at most
     * {@code dt(junction) + 2} pixels long (side twigs that thinning grows from a ragged mask
     * edge are about half a crack width long). Returns the indices of the kept pixels.
     */
    static int[] prune(int[] xy, int cols, int rows, float[] dtPx) {
        int n = xy.length / 2;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) xy[2 * i + 1] * cols + xy[2 * i];
        }
        boolean[] removed = new boolean[n];
        int[] nb = new int[8];
        int[] other = new int[8];
        int[] all8 = new int[8];
        java.util.List<Integer> path = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            if (neighbours(xy, keys, cols, rows, e, nb, removed, all8) != 1) {
                continue;
            }
            path.clear();
            path.add(e);
            int prev = -1;
            int cur = e;
            int junction = -1;
            while (path.size() <= 64) {
                int count = neighbours(xy, keys, cols, rows, cur, nb, removed, all8);
                int next = -1;
                int options = 0;
                for (int k = 0; k < count; k++) {
                    if (nb[k] != prev && !path.contains(nb[k])) {
                        options++;
                        next = nb[k];
                    }
                }
                if (options == 0) {
                    break; // an isolated short piece: left to the length filter
                }
                if (options > 1 || neighbours(xy, keys, cols, rows, next, other, removed, all8) > 2) {
                    junction = options > 1 ? cur : next;
                    break;
                }
                prev = cur;
                cur = next;
                path.add(cur);
            }
            if (junction >= 0 && path.size() <= dtPx[junction] + 2) {
                for (int i : path) {
                    if (i != junction) {
                        removed[i] = true;
                    }
                }
            }
        }
        int kept = 0;
        for (boolean r : removed) {
            kept += r ? 0 : 1;
        }
        int[] out = new int[kept];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (!removed[i]) {
                out[j++] = i;
            }
        }
        return out;
    }

    /**
     * Local crack direction at each skeleton pixel, degrees in [0, 180) from +x towards +y: the
     * principal axis {@code θ = ½·atan2(2·Sxy, Sxx − Syy)} of the offsets of the skeleton pixels
     * within the {@code (2r+1)²} window around it (second moments). Each window row is found by
     * a binary search in the row-major keys, so the cost is {@code O(n·r·log n)} for {@code n}
     * skeleton pixels, independent of the frame size.
     */
    static float[] directions(int[] xy, int cols, int r) {
        int n = xy.length / 2;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) xy[2 * i + 1] * cols + xy[2 * i];
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int x = xy[2 * i];
            int y = xy[2 * i + 1];
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int dy = -r; dy <= r; dy++) {
                long lo = (long) (y + dy) * cols + Math.max(0, x - r);
                long hi = (long) (y + dy) * cols + Math.min(cols - 1, x + r);
                int j = Arrays.binarySearch(keys, lo);
                if (j < 0) {
                    j = -j - 1;
                }
                for (; j < n && keys[j] <= hi; j++) {
                    int dx = xy[2 * j] - x;
                    sxx += dx * dx;
                    syy += dy * dy;
                    sxy += dx * dy;
                }
            }
            double deg = Math.toDegrees(0.5 * Math.atan2(2 * sxy, sxx - syy));
            out[i] = (float) (deg < 0 ? deg + 180 : deg >= 180 ? deg - 180 : deg);
        }
        return out;
    }

    /** The neighbours of pixel {@code i} not {@code removed} into {@code out}, their count returned; {@code nb}: scratch of 8. */
    private static int neighbours(int[] xy, long[] keys, int cols, int rows, int i, int[] out, boolean[] removed, int[] nb) {
        neighbours8(keys, cols, rows, i, xy[2 * i], xy[2 * i + 1], nb);
        int c = 0;
        for (int k = 0; k < 8; k++) {
            int j = nb[k];
            if (j >= 0 && !removed[j]) {
                out[c++] = j;
            }
        }
        return c;
    }

    /**
     * The indices of the 8 neighbours of skeleton pixel {@code i} at ({@code x}, {@code y}) in the order
     * N, NE, E, SE, S, SW, W, NW, -1 where there is none, from the row-major sorted
     * {@code keys}: west and east are the previous and next keys, the three above and the three below
     * one binary search each.
     */
    private static void neighbours8(long[] keys, int cols, int rows, int i, int x, int y, int[] nb) {
        Arrays.fill(nb, -1);
        long key = keys[i];
        if (x > 0 && i > 0 && keys[i - 1] == key - 1) {
            nb[6] = i - 1;
        }
        if (x < cols - 1 && i + 1 < keys.length && keys[i + 1] == key + 1) {
            nb[2] = i + 1;
        }
        if (y > 0) {
            row3(keys, key - cols, x, cols, nb, 7, 0, 1);
        }
        if (y < rows - 1) {
            row3(keys, key + cols, x, cols, nb, 5, 4, 3);
        }
    }

    /** The pixels left of, at and right of {@code centre} (a key) into {@code nb} at {@code west}, {@code at}, {@code east}. */
    private static void row3(long[] keys, long centre, int x, int cols, int[] nb, int west, int at, int east) {
        long lo = x > 0 ? centre - 1 : centre;
        long hi = x < cols - 1 ? centre + 1 : centre;
        int j = Arrays.binarySearch(keys, lo);
        if (j < 0) {
            j = -j - 1;
        }
        for (; j < keys.length && keys[j] <= hi; j++) {
            long d = keys[j] - centre;
            nb[d < 0 ? west : d == 0 ? at : east] = j;
        }
    }

    /** Aggregates of the skeleton analysis, before the area is known. */
    record CrackResultParts(double totalLengthMm, double meanWidthUm, double maxWidthUm, double longestMm, int count,
                            int branchPoints, List<Double> histogramMm, List<CrackDefect> defects) {
    }

    private static final class Acc {
        double lengthMm;
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        int branches;
        double widthSum;
        int widthN;
        double maxWidthUm;
    }

    private static int root(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = root(p, a);
        int rb = root(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
