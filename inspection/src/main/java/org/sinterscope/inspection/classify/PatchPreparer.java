package org.sinterscope.inspection.classify;

import java.util.List;
import java.util.Objects;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelRect;

/**
 * Turns candidate regions of a grey image into float patches: the one piece of code that both
 * training and the line use (see {@link PatchSettings} for the window rule).
 *
 * <p>Output values are grey levels scaled to [0, 1] ({@code /255} for 8-bit, {@code /65535} for
 * 16-bit images), row-major, {@code sizePx × sizePx} per patch. Normalisation (mean/std) is not
 * applied here: it belongs to the model bundle.
 *
 * <p>Immutable and thread-safe: every call works on its own Mats.
 */
public final class PatchPreparer {

    private final PatchSettings settings;

    public PatchPreparer(PatchSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        OpenCvNative.load();
    }

    public PatchSettings settings() {
        return settings;
    }

    /**
     * The crop window of {@code candidate} in image coordinates (it may reach outside the image).
     *
     * @throws IllegalArgumentException for an empty candidate
     */
    public PixelRect window(PixelRect candidate) {
        if (candidate.width() <= 0 || candidate.height() <= 0) {
            throw new IllegalArgumentException("candidate must have a positive size, got " + candidate);
        }
        double cx = candidate.x() + candidate.width() / 2.0;
        double cy = candidate.y() + candidate.height() / 2.0;
        double m = settings.contextMargin();
        if (settings.resizeMode() == PatchSettings.ResizeMode.STRETCH) {
            int w = (int) Math.round(candidate.width() * (1 + 2 * m));
            int h = (int) Math.round(candidate.height() * (1 + 2 * m));
            return new PixelRect((int) Math.round(cx - w / 2.0), (int) Math.round(cy - h / 2.0), w, h);
        }
        double side = Math.max(candidate.width(), candidate.height()) * (1 + 2 * m);
        side = Math.max(side, settings.minWindowPx());
        if (settings.maxWindowPx() > 0) {
            side = Math.min(side, settings.maxWindowPx());
        }
        int s = (int) Math.round(side);
        return new PixelRect((int) Math.round(cx - s / 2.0), (int) Math.round(cy - s / 2.0), s, s);
    }

    /** One patch of {@code candidate} in {@code grey}. */
    public float[] prepare(Mat grey, PixelRect candidate) {
        float[] out = new float[settings.valuesPerPatch()];
        prepareInto(grey, candidate, out, 0);
        return out;
    }

    /** Patches of all {@code candidates}, one after another ({@code n · sizePx²} values). */
    public float[] prepareAll(Mat grey, List<PixelRect> candidates) {
        float[] out = new float[candidates.size() * settings.valuesPerPatch()];
        for (int i = 0; i < candidates.size(); i++) {
            prepareInto(grey, candidates.get(i), out, i * settings.valuesPerPatch());
        }
        return out;
    }

    /**
     * Writes the patch of {@code candidate} into {@code dst} from {@code offset}.
     *
     * @param grey 8- or 16-bit single-channel image
     * @throws IllegalArgumentException for another image type, an empty candidate or one that does
     *                                  not meet the image at all
     */
    public void prepareInto(Mat grey, PixelRect candidate, float[] dst, int offset) {
        if (offset < 0 || offset + settings.valuesPerPatch() > dst.length) {
            throw new IllegalArgumentException("patch of " + settings.valuesPerPatch() + " values does not fit at offset "
                    + offset + " of an array of " + dst.length);
        }
        double scale = grey.type() == CvType.CV_16UC1 ? 1.0 / 65535 : 1.0 / 255;
        int s = settings.sizePx();
        try (Mats m = new Mats()) {
            Mat src = m.add(crop(grey, candidate));
            Mat f = m.mat();
            src.convertTo(f, CvType.CV_32F, scale);
            Mat resized = m.mat();
            int interp = (src.cols() >= s && src.rows() >= s) ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
            Imgproc.resize(f, resized, new Size(s, s), 0, 0, interp);
            if (offset == 0 && dst.length == s * s) {
                resized.get(0, 0, dst);
            } else {
                float[] one = new float[s * s];
                resized.get(0, 0, one);
                System.arraycopy(one, 0, dst, offset, one.length);
            }
        }
    }

    /**
     * The crop window of {@code candidate} as a new image of the same type (parts outside the
     * image repeat its border pixels), before resizing: what a labelled export should save so that
     * training on it sees exactly what the line sees. The caller releases it.
     *
     * @throws IllegalArgumentException for a non-grey image, an empty candidate or one outside the image
     */
    public Mat crop(Mat grey, PixelRect candidate) {
        int type = grey.type();
        if (type != CvType.CV_8UC1 && type != CvType.CV_16UC1) {
            throw new IllegalArgumentException("patches are cut from 8- or 16-bit grey images, got " + CvType.typeToString(type));
        }
        PixelRect win = window(candidate);
        int x0 = Math.max(0, win.x());
        int y0 = Math.max(0, win.y());
        int x1 = Math.min(grey.cols(), win.x1());
        int y1 = Math.min(grey.rows(), win.y1());
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("candidate " + candidate + " lies outside the " + grey.cols() + "x" + grey.rows() + " image");
        }
        Mat roi = grey.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        try {
            Mat out = new Mat();
            Core.copyMakeBorder(roi, out, y0 - win.y(), win.y1() - y1, x0 - win.x(), win.x1() - x1, Core.BORDER_REPLICATE);
            return out;
        } finally {
            roi.release();
        }
    }
}
