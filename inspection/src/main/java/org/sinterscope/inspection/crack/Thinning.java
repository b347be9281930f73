package org.sinterscope.inspection.crack;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;

/**
 * Zhang–Suen thinning (Zhang and Suen, "A fast parallel algorithm for thinning digital patterns",
 * CACM 27(3), 1984), vectorised: the 8 neighbours of every pixel are packed into one byte by a
 * 3×3 correlation with the weights 1…128 ({@code P2=1} north, clockwise to {@code P9=128}
 * north-west), and a 256-entry table decides which pixels each sub-iteration deletes.
 *
 * <p>A pixel is deleted in sub-iteration 1 when {@code 2 ≤ B ≤ 6}, {@code A = 1},
 * {@code P2·P4·P6 = 0} and {@code P4·P6·P8 = 0} (sub-iteration 2: {@code P2·P4·P8 = 0},
 * {@code P2·P6·P8 = 0}), with {@code B} the number of set neighbours and {@code A} the number of
 * 0→1 transitions around {@code P2…P9, P2}. The result is an 8-connected, mostly one-pixel-wide
 * skeleton that keeps the end points. Only the bounding box of the mask is processed.
 */
final class Thinning {

    private static final byte[][] TABLES = {table(0), table(1)};

    private Thinning() {
    }

    /** The skeleton of {@code mask8u} (non-zero = on) into {@code dst}, {@code CV_8UC1} 0/255. */
    static void thin(Mat mask8u, Mat dst) {
        dst.create(mask8u.size(), CvType.CV_8UC1);
        dst.setTo(new org.opencv.core.Scalar(0));
        if (Core.countNonZero(mask8u) == 0) {
            return;
        }
        Rect box = Imgproc.boundingRect(mask8u);
        int x0 = Math.max(0, box.x - 1);
        int y0 = Math.max(0, box.y - 1);
        int x1 = Math.min(mask8u.cols(), box.x + box.width + 1);
        int y1 = Math.min(mask8u.rows(), box.y + box.height + 1);
        Rect roi = new Rect(x0, y0, x1 - x0, y1 - y0);
        try (Mats m = new Mats()) {
            Mat img = m.mat();
            Mat src = m.add(mask8u.submat(roi));
            Imgproc.threshold(src, img, 0, 1, Imgproc.THRESH_BINARY);
            Mat kernel = m.add(new Mat(3, 3, CvType.CV_32F));
            kernel.put(0, 0, 128, 1, 2, 64, 0, 4, 32, 16, 8);
            Mat[] lut = new Mat[2];
            for (int s = 0; s < 2; s++) {
                lut[s] = m.add(new Mat(1, 256, CvType.CV_8U));
                lut[s].put(0, 0, TABLES[s]);
            }
            Mat code = m.mat();
            Mat del = m.mat();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int s = 0; s < 2; s++) {
                    Imgproc.filter2D(img, code, CvType.CV_8U, kernel, new Point(-1, -1), 0, Core.BORDER_CONSTANT);
                    Core.LUT(code, lut[s], del);
                    Core.bitwise_and(del, img, del);
                    if (Core.countNonZero(del) > 0) {
                        Core.subtract(img, del, img);
                        changed = true;
                    }
                }
            }
            Mat out = m.add(dst.submat(roi));
            Imgproc.threshold(img, out, 0, 255, Imgproc.THRESH_BINARY);
        }
    }

    private static byte[] table(int sub) {
        byte[] t = new byte[256];
        for (int code = 0; code < 256; code++) {
            int[] p = new int[8]; // P2..P9
            for (int i = 0; i < 8; i++) {
                p[i] = (code >> i) & 1;
            }
            int b = Integer.bitCount(code);
            int a = 0;
            for (int i = 0; i < 8; i++) {
                if (p[i] == 0 && p[(i + 1) % 8] == 1) {
                    a++;
                }
            }
            int p2 = p[0];
            int p4 = p[2];
            int p6 = p[4];
            int p8 = p[6];
            boolean c = sub == 0 ? (p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0) : (p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0);
            t[code] = (byte) (b >= 2 && b <= 6 && a == 1 && c ? 1 : 0);
        }
        return t;
    }
}
