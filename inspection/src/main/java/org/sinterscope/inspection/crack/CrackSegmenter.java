package org.sinterscope.inspection.crack;

import java.util.Map;
import java.util.Objects;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/**
 * Crack probability of every pixel of a grey image from a {@link SegmenterBundle}.
 *
 * <p>The image is normalised once ({@link SegmenterInput}: statistics of the whole image, or of the
 * window around each pixel when the bundle has a normalisation window), padded
 * by reflection to a multiple of the graph's input multiple, and run as one piece when it has at
 * most {@value #MAX_WHOLE_PX} pixels, else in tiles of {@value #TILE_PX} px with an overlap of
 * {@value #MARGIN_PER_MULTIPLE} × the input multiple on each side (32 px for two pooling levels,
 * 64 px for three: more than the network's receptive radius of ~18 px or ~50 px, so tiles stitch
 * without seams). Thread-safe: each call takes the one graph instance in turn.
 */
public final class CrackSegmenter {

    static final int MAX_WHOLE_PX = 1 << 20;
    static final int TILE_PX = 512;
    static final int MARGIN_PER_MULTIPLE = 8;
    /** An input scale that would make a side shorter than this is skipped for that image, px. */
    static final int MIN_SCALED_SIDE_PX = 32;

    private final SegmenterBundle bundle;
    private final SameDiff graph;
    private final int multiple;
    private final int marginPx;

    public CrackSegmenter(SegmenterBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.graph = bundle.newGraph();
        this.multiple = bundle.metadata().inputMultiplePx();
        this.marginPx = MARGIN_PER_MULTIPLE * multiple;
        OpenCvNative.load();
    }

    public SegmenterBundle bundle() {
        return bundle;
    }

    /** The crack probability map of {@code grey8u} ({@code CV_8UC1}): {@code CV_32FC1} of its size; caller releases. */
    public Mat probability(Mat grey8u) {
        return probability(grey8u, false);
    }

    /**
     * As {@link #probability(Mat)}; with {@code mirrors}, the mean of the maps of the image and of
     * its three mirror images (about the vertical axis, the horizontal axis and both), each mirrored
     * back: test-time augmentation at four times the cost. With several input scales in the bundle
     * ({@link SegmenterMetadata#scales()}) the map is the mean over them: the image resized by each
     * (area averaging when shrinking, bicubic when enlarging; a scale that would make a side shorter
     * than {@value #MIN_SCALED_SIDE_PX} px is skipped), normalised and run at that size, its map
     * resized back bilinearly.
     */
    public Mat probability(Mat grey8u, boolean mirrors) {
        if (grey8u == null || grey8u.empty() || grey8u.type() != CvType.CV_8UC1) {
            throw new IllegalArgumentException("the segmenter needs a non-empty 8-bit grey image (CV_8UC1)");
        }
        Mat out = new Mat(grey8u.size(), CvType.CV_32FC1, new Scalar(0));
        try (Mats m = new Mats()) {
            int n = 0;
            for (double s : bundle.metadata().scales()) {
                Mat img = grey8u;
                long w = Math.round(grey8u.cols() * s);
                long h = Math.round(grey8u.rows() * s);
                if (s != 1.0) {
                    if (w < MIN_SCALED_SIDE_PX || h < MIN_SCALED_SIDE_PX) {
                        continue; // too small at this scale: the other scales decide
                    }
                    img = m.mat();
                    Imgproc.resize(grey8u, img, new Size(w, h), 0, 0, s < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
                }
                Mat p = m.mat();
                atOneScale(img, mirrors, p, m);
                if (s != 1.0) {
                    Imgproc.resize(p, p, grey8u.size(), 0, 0, Imgproc.INTER_LINEAR);
                }
                Core.add(out, p, out);
                n++;
            }
            if (n == 0) { // every scale too small: the image as it is
                Mat p = m.mat();
                atOneScale(grey8u, mirrors, p, m);
                Core.add(out, p, out);
                n = 1;
            }
            if (n > 1) {
                Core.multiply(out, new Scalar(1.0 / n), out);
            }
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** The map of {@code img} at its own size into {@code out} (allocated here), optionally averaged over mirrors. */
    private void atOneScale(Mat img, boolean mirrors, Mat out, Mats m) {
        out.create(img.size(), CvType.CV_32FC1);
        Mat norm = m.mat();
        normalise(img, norm);
        if (!mirrors) {
            whole(norm, out, m);
            return;
        }
        out.setTo(new Scalar(0));
        Mat flipped = m.mat();
        Mat p = m.mat();
        p.create(img.size(), CvType.CV_32FC1);
        Mat back = m.mat();
        for (int code : new int[] {NO_FLIP, 1, 0, -1}) {
            if (code == NO_FLIP) {
                whole(norm, p, m);
                Core.add(out, p, out);
            } else {
                Core.flip(norm, flipped, code);
                whole(flipped, p, m);
                Core.flip(p, back, code);
                Core.add(out, back, out);
            }
        }
        Core.multiply(out, new Scalar(0.25), out);
    }

    private static final int NO_FLIP = 2;

    /** The network's input for {@code grey8u}, as the bundle says: whole-image or local statistics ({@link SegmenterInput}). */
    public void normalise(Mat grey8u, Mat dst) {
        int window = bundle.metadata().normWindowPx();
        if (window > 0) {
            SegmenterInput.normaliseLocal(grey8u, window, dst);
        } else {
            SegmenterInput.normalise(grey8u, dst);
        }
    }

    /** The map of the normalised image {@code norm} into {@code out} (allocated, its size): whole or in tiles. */
    private void whole(Mat norm, Mat out, Mats m) {
        int w = norm.cols();
        int h = norm.rows();
        if ((long) w * h <= MAX_WHOLE_PX) {
            runPadded(norm, new Rect(0, 0, w, h), new Rect(0, 0, w, h), out, m);
            return;
        }
        for (int y = 0; y < h; y += TILE_PX) {
            for (int x = 0; x < w; x += TILE_PX) {
                Rect core = new Rect(x, y, Math.min(TILE_PX, w - x), Math.min(TILE_PX, h - y));
                int x0 = Math.max(0, x - marginPx);
                int y0 = Math.max(0, y - marginPx);
                int x1 = Math.min(w, core.x + core.width + marginPx);
                int y1 = Math.min(h, core.y + core.height + marginPx);
                runPadded(norm, new Rect(x0, y0, x1 - x0, y1 - y0), core, out, m);
            }
        }
    }

    /** Runs the graph on {@code norm(region)} padded to the multiple; writes its {@code core} part into {@code out}. */
    private void runPadded(Mat norm, Rect region, Rect core, Mat out, Mats m) {
        Mat sub = m.add(norm.submat(region));
        int pw = (multiple - region.width % multiple) % multiple;
        int ph = (multiple - region.height % multiple) % multiple;
        Mat in = sub;
        if (pw > 0 || ph > 0) {
            in = m.mat();
            Core.copyMakeBorder(sub, in, 0, ph, 0, pw, Core.BORDER_REFLECT_101);
        }
        Mat cont = in.isContinuous() ? in : m.add(in.clone());
        float[] px = new float[cont.rows() * cont.cols()];
        cont.get(0, 0, px);
        float[] prob;
        synchronized (graph) {
            try (INDArray x = Nd4j.create(px, new long[] {1, 1, cont.rows(), cont.cols()}, 'c')) {
                INDArray p = graph.output(Map.of(SegmenterBundle.INPUT, x), SegmenterBundle.OUTPUT).get(SegmenterBundle.OUTPUT);
                prob = p.data().asFloat();
                p.close();
            }
        }
        Mat pm = m.mat();
        pm.create(cont.rows(), cont.cols(), CvType.CV_32FC1);
        pm.put(0, 0, prob);
        Rect inTile = new Rect(core.x - region.x, core.y - region.y, core.width, core.height);
        Mat src = m.add(pm.submat(inTile));
        Mat dst = m.add(out.submat(core));
        src.copyTo(dst);
    }
}
