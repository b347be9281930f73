package org.sinterscope.inspection.coating;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;

/**
 * Where to look closely in an image, from a sparse binary flag image: disjoint rectangles that
 * together hold every 8-connected component of the flagged set, each component whole inside one
 * rectangle. A flag pixel {@code (x, y)} stands for image pixels {@code (x, [y·rowScale, (y+1)·rowScale))}
 * (a flag image of row blocks), so the flags must cover every image pixel of interest.
 *
 * <p>The flag image is cut into tiles of {@code tile} image pixels square; a tile is flagged when it
 * holds a set pixel ({@code Core.findNonZero}), 8-connected groups of flagged tiles give one
 * bounding rectangle each, and overlapping rectangles are merged until none overlap. A component cannot leave its group (a neighbour pixel in another
 * tile makes that tile flagged and 8-adjacent), and no rectangle holds a piece of another group's
 * component (overlapping rectangles were merged), so labelling each rectangle alone gives the
 * same components as labelling the whole image.
 */
final class CandidateRegions {

    private CandidateRegions() {
    }

    /**
     * @param bin       8-bit binary flag image, one row per {@code rowScale} image rows
     * @param nonZero   its number of non-zero pixels (known to the caller)
     * @param rowScale  image rows per flag row; {@code tile} must be a multiple of it
     * @param imageRows rows of the image the rectangles are for
     * @param maxPoints above this many set pixels the flags are not sparse: returns null (look at the whole image)
     * @return the rectangles in image coordinates, empty when nothing is set
     */
    static List<Rect> of(Mat bin, int nonZero, int tile, int rowScale, int imageRows, int maxPoints) {
        if (tile < 1 || rowScale < 1 || tile % rowScale != 0) {
            throw new IllegalArgumentException("tile (" + tile + " px) must be a positive multiple of the row scale (" + rowScale + ")");
        }
        if (nonZero == 0) {
            return List.of();
        }
        if (nonZero > maxPoints) {
            return null;
        }
        int w = bin.cols();
        int tileRows = tile / rowScale;
        int tw = (w + tile - 1) / tile;
        int th = (bin.rows() + tileRows - 1) / tileRows;
        boolean[] flag = new boolean[tw * th];
        MatOfPoint pts = new MatOfPoint();
        try {
            Core.findNonZero(bin, pts);
            int[] xy = new int[(int) pts.total() * 2];
            pts.get(0, 0, xy);
            for (int i = 0; i < xy.length; i += 2) {
                flag[(xy[i + 1] / tileRows) * tw + xy[i] / tile] = true;
            }
        } finally {
            pts.release();
        }
        List<int[]> boxes = groups(flag, tw, th);
        mergeOverlapping(boxes);
        List<Rect> out = new ArrayList<>(boxes.size());
        for (int[] b : boxes) {
            int x0 = b[0] * tile;
            int y0 = b[1] * tile;
            int x1 = Math.min(w, (b[2] + 1) * tile);
            int y1 = Math.min(imageRows, (b[3] + 1) * tile);
            out.add(new Rect(x0, y0, x1 - x0, y1 - y0));
        }
        return out;
    }

    /** Bounding boxes {@code [tx0, ty0, tx1, ty1]} (inclusive) of the 8-connected groups of flagged tiles. */
    private static List<int[]> groups(boolean[] flag, int tw, int th) {
        boolean[] seen = new boolean[flag.length];
        int[] stack = new int[flag.length];
        List<int[]> boxes = new ArrayList<>();
        for (int start = 0; start < flag.length; start++) {
            if (!flag[start] || seen[start]) {
                continue;
            }
            int[] box = {start % tw, start / tw, start % tw, start / tw};
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int t = stack[--top];
                int tx = t % tw;
                int ty = t / tw;
                box[0] = Math.min(box[0], tx);
                box[1] = Math.min(box[1], ty);
                box[2] = Math.max(box[2], tx);
                box[3] = Math.max(box[3], ty);
                for (int y = Math.max(0, ty - 1); y <= Math.min(th - 1, ty + 1); y++) {
                    for (int x = Math.max(0, tx - 1); x <= Math.min(tw - 1, tx + 1); x++) {
                        int u = y * tw + x;
                        if (flag[u] && !seen[u]) {
                            seen[u] = true;
                            stack[top++] = u;
                        }
                    }
                }
            }
            boxes.add(box);
        }
        return boxes;
    }

    private static void mergeOverlapping(List<int[]> boxes) {
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < boxes.size() && !merged; i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    int[] a = boxes.get(i);
                    int[] b = boxes.get(j);
                    if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) {
                        a[0] = Math.min(a[0], b[0]);
                        a[1] = Math.min(a[1], b[1]);
                        a[2] = Math.max(a[2], b[2]);
                        a[3] = Math.max(a[3], b[3]);
                        boxes.remove(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
    }
}
