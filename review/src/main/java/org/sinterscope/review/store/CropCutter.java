package org.sinterscope.review.store;

import java.util.List;
import java.util.function.Supplier;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.DefectClass;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.PixelRect;
import org.sinterscope.inspection.Defect;
import org.sinterscope.inspection.FrameInspection;
import org.sinterscope.routes.CropSink;

/**
 * Cuts each defect's crop out of the live frame and hands it to the store, which encodes both PNGs.
 *
 * <p>The crop is the defect's pixel rectangle grown by {@code max(16 px, half its size)} on every
 * side, clipped to the frame; a crop larger than {@code maxSidePx} on a side is shrunk (area
 * interpolation) to fit. A 16-bit frame is scaled to 8 bits (÷ 256). The overlay copy is in
 * colour with the defect's rectangle drawn in its class's colour. On the inspection thread only the
 * pixels are cut and copied ({@link #take}: at most {@code maxSidePx²} bytes, no native memory kept);
 * the PNG encoding ({@link #encode(Cut)}) and writing the files are the store writer's job, off the
 * frame's path (docs/performance.md).
 */
public final class CropCutter implements CropSink {

    private final DefectStore store;
    private final Supplier<String> rollId;
    private final int maxSidePx;

    CropCutter(DefectStore store, Supplier<String> rollId, int maxSidePx) {
        if (maxSidePx < 16) {
            throw new IllegalArgumentException("crop size limit must be >= 16 px, got " + maxSidePx);
        }
        this.store = store;
        this.rollId = rollId;
        this.maxSidePx = maxSidePx;
    }

    @Override
    public void inspected(Frame frame, FrameInspection fi) {
        String roll = rollId.get();
        if (roll == null) {
            return;
        }
        List<Defect> defects = fi.defects();
        for (int i = 0; i < defects.size(); i++) {
            Defect d = defects.get(i);
            store.offerCrops(new StoreJob.Crops(roll, frame.cameraId(), frame.sequence(), i, take(frame.image(), d.boundsPx(), d.defectClass())));
        }
    }

    /**
     * A crop's 8-bit grey pixels, row by row ({@code width × height} bytes), with the defect's
     * rectangle in the crop's pixels ({@code ax, ay} to {@code bx, by}, inclusive) and its class.
     */
    record Cut(int width, int height, byte[] grey, double ax, double ay, double bx, double by, DefectClass defectClass) {
        Cut {
            if (width < 1 || height < 1 || grey.length != (long) width * height) {
                throw new IllegalArgumentException("a crop of " + width + "x" + height + " px needs " + ((long) width * height)
                        + " bytes, got " + grey.length);
            }
        }
    }

    /** The pixels of {@code r}'s crop in {@code image}, copied out (the frame may be released afterwards). */
    Cut take(Mat image, PixelRect r, DefectClass c) {
        int margin = Math.max(16, Math.max(r.width(), r.height()) / 2);
        int x0 = clamp(r.x() - margin, 0, image.cols() - 1);
        int y0 = clamp(r.y() - margin, 0, image.rows() - 1);
        int x1 = clamp(r.x1() + margin, x0 + 1, image.cols());
        int y1 = clamp(r.y1() + margin, y0 + 1, image.rows());
        try (Mats m = new Mats()) {
            Mat sub = m.add(image.submat(new Rect(x0, y0, x1 - x0, y1 - y0)));
            Mat grey = sub;
            if (sub.depth() != CvType.CV_8U) {
                grey = m.mat();
                sub.convertTo(grey, CvType.CV_8U, 1.0 / 256);
            }
            double scale = Math.min(1.0, (double) maxSidePx / Math.max(grey.cols(), grey.rows()));
            Mat small = grey;
            if (scale < 1) {
                small = m.mat();
                Imgproc.resize(grey, small, new Size(Math.max(1, Math.round(grey.cols() * scale)),
                        Math.max(1, Math.round(grey.rows() * scale))), 0, 0, Imgproc.INTER_AREA);
            }
            Mat packed = small;
            if (!small.isContinuous()) {
                packed = m.mat();
                small.copyTo(packed);
            }
            byte[] pixels = new byte[packed.cols() * packed.rows()];
            packed.get(0, 0, pixels);
            return new Cut(packed.cols(), packed.rows(), pixels, (r.x() - x0) * scale, (r.y() - y0) * scale,
                    (r.x1() - x0) * scale - 1, (r.y1() - y0) * scale - 1, c);
        }
    }

    /** {crop, overlay} PNGs of a cut crop (the store writer calls this). */
    static byte[][] encode(Cut cut) {
        try (Mats m = new Mats()) {
            Mat small = m.add(new Mat(cut.height(), cut.width(), CvType.CV_8UC1));
            small.put(0, 0, cut.grey());
            Mat colour = m.mat();
            Imgproc.cvtColor(small, colour, Imgproc.COLOR_GRAY2BGR);
            Imgproc.rectangle(colour, new Point(cut.ax(), cut.ay()), new Point(cut.bx(), cut.by()), colour(cut.defectClass()), 1);
            return new byte[][] {encode(small, m), encode(colour, m)};
        }
    }

    private static byte[] encode(Mat img, Mats m) {
        MatOfByte buf = m.add(new MatOfByte());
        if (!Imgcodecs.imencode(".png", img, buf)) {
            throw new IllegalStateException("PNG encoding of a " + img.cols() + "x" + img.rows() + " crop failed");
        }
        return buf.toArray();
    }

    /** Class colours (BGR), the same as the review app's marks. */
    static Scalar colour(DefectClass c) {
        return switch (c) {
            case PINHOLE -> new Scalar(40, 40, 230);
            case AGGLOMERATE -> new Scalar(30, 140, 250);
            case SCRATCH -> new Scalar(200, 60, 160);
            case STREAK -> new Scalar(220, 160, 40);
            case UNCOATED -> new Scalar(60, 200, 60);
            case EDGE -> new Scalar(200, 200, 40);
            case CRACK -> new Scalar(60, 60, 160);
        };
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
