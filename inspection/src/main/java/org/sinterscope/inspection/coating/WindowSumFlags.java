package org.sinterscope.inspection.coating;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.sinterscope.camera.Mats;

/**
 * A cheap first pass for a vertical box filter: which row blocks of which columns can hold a
 * {@code k}-line window sum of at least {@code minSum}.
 *
 * <p>The image is cut into blocks of {@code block} rows; the column sums of each block come from
 * one 16-bit conversion and {@code block − 1} additions of a reshaped view (no per-pixel loop). A
 * window centred on any row of block {@code b} lies inside blocks {@code b − g … b + g},
 * {@code g = ⌈(k / 2) / block⌉}, so the sum of those blocks bounds its sum from above; where the
 * window reaches past the first or last row, OpenCV's default border (reflect-101) counts rows
 * twice, and the bound is doubled. Sums saturate at 65535, which never lowers a bound below
 * {@code minSum} ≤ 65535. A block of a column is flagged when its bound reaches {@code minSum}: no
 * window sum of {@code minSum} or more lies outside the flags.
 */
final class WindowSumFlags {

    private WindowSumFlags() {
    }

    /**
     * @param img    8-bit single-channel, continuous
     * @param k      window height, lines (odd)
     * @param minSum the window sum of interest
     * @return 8-bit flags, {@code ⌈rows / block⌉ × cols}, 255 where a window sum ≥ {@code minSum} is possible
     */
    static Mat atLeast(Mat img, int k, double minSum, int block, Mats m) {
        int h = img.rows();
        int w = img.cols();
        int hb = (h + block - 1) / block;
        Mat flags = m.mat();
        if (h <= k || minSum > 65535 || !img.isContinuous() || img.type() != CvType.CV_8UC1) {
            flags.create(hb, w, CvType.CV_8U);
            flags.setTo(new Scalar(255)); // no bound worth having: everything may hold one
            return flags;
        }
        int half = k / 2;
        int g = (half + block - 1) / block;
        Mat sums = m.add(new Mat(hb, w, CvType.CV_16U));
        int full = h / block;
        if (full > 0) {
            Mat img16 = m.mat();
            m.add(img.rowRange(0, full * block)).convertTo(img16, CvType.CV_16U);
            Mat blocks = m.add(img16.reshape(1, full)); // row b: the block's rows side by side
            Mat acc = m.add(sums.rowRange(0, full));
            m.add(blocks.colRange(0, w)).copyTo(acc);
            for (int j = 1; j < block; j++) {
                Core.add(acc, m.add(blocks.colRange(j * w, (j + 1) * w)), acc);
            }
        }
        if (full < hb) {
            Mat rest = m.mat();
            Core.reduce(m.add(img.rowRange(full * block, h)), rest, 0, Core.REDUCE_SUM, CvType.CV_32S);
            rest.convertTo(m.add(sums.row(full)), CvType.CV_16U);
        }
        Mat bound = m.mat();
        sums.copyTo(bound);
        for (int d = 1; d <= g && d < hb; d++) {
            Mat up = m.add(bound.rowRange(0, hb - d));
            Core.add(up, m.add(sums.rowRange(d, hb)), up);
            Mat down = m.add(bound.rowRange(d, hb));
            Core.add(down, m.add(sums.rowRange(0, hb - d)), down);
        }
        for (int b = 0; b < hb; b++) {
            if (b * block - half < 0 || Math.min(h, (b + 1) * block) - 1 + half > h - 1) {
                Mat row = m.add(bound.row(b));
                Core.add(row, row, row);
            }
        }
        Core.compare(bound, new Scalar(minSum), flags, Core.CMP_GE);
        return flags;
    }
}
