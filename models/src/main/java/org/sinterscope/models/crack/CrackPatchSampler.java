package org.sinterscope.models.crack;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.inspection.crack.SegmenterInput;

/**
 * Random, augmented training patches from crack images and masks (all decisions from the caller's
 * seeded random source).
 *
 * <p>One patch of {@code sizePx}²: a centre (with probability {@code crackCentreP} a random
 * crack pixel, else any pixel), a zoom {@code z} log-uniform in [{@link #MIN_ZOOM},
 * {@link #MAX_ZOOM}] (other resolutions), a rotation uniform in [0, 2π) and a mirror with
 * probability ½ (cracks run any way), sampled with one affine warp (reflected border; the image
 * pre-blurred by σ = 0.4/z when zooming out, the mask bilinear then ≥ 96 of 255). Then lighting
 * and camera: contrast ×[0.5, 1.5], offset ±40, gamma [0.6, 1.6], a linear illumination ramp of up
 * to ±30 grey levels (p ½), Gaussian blur σ [0.5, 1.5] (p 0.3), Gaussian noise σ up to 8 grey levels
 * (p ½), rounded to 8 bits as a camera would; finally {@link SegmenterInput} normalisation, exactly
 * as on the line.
 */
public final class CrackPatchSampler {

    static final double MIN_ZOOM = 0.5;
    static final double MAX_ZOOM = 1.5;

    /** One loaded image: grey, mask (0/255) and its crack pixel coordinates (x, y interleaved). */
    record Source(Mat grey, Mat mask, int[] crackXy) {
    }

    private final List<Source> sources = new ArrayList<>();
    private final int sizePx;
    private final boolean augment;
    private final double crackCentreP;

    /**
     * @param greys   8-bit grey images (copied)
     * @param masks   their masks, crack where ≥ 128 (copied)
     * @param sizePx  patch side, px
     * @param augment false: no zoom, rotation or lighting changes (centre and mirror only)
     */
    public CrackPatchSampler(List<Mat> greys, List<Mat> masks, int sizePx, boolean augment) {
        this(greys, masks, sizePx, augment, 0.6);
    }

    /** As above; {@code crackCentreP}: probability that a patch is centred on a crack pixel, [0, 1]. */
    public CrackPatchSampler(List<Mat> greys, List<Mat> masks, int sizePx, boolean augment, double crackCentreP) {
        if (!(crackCentreP >= 0 && crackCentreP <= 1)) {
            throw new IllegalArgumentException("crack-centre probability must be in [0, 1], got " + crackCentreP);
        }
        this.crackCentreP = crackCentreP;
        if (greys.size() != masks.size() || greys.isEmpty()) {
            throw new IllegalArgumentException("need as many masks as images (>= 1), got " + greys.size() + " and " + masks.size());
        }
        this.sizePx = sizePx;
        this.augment = augment;
        for (int i = 0; i < greys.size(); i++) {
            Mat g = greys.get(i).clone();
            Mat m = new Mat();
            Imgproc.threshold(masks.get(i), m, 127, 255, Imgproc.THRESH_BINARY);
            MatOfPoint nz = new MatOfPoint();
            Core.findNonZero(m, nz);
            int[] xy = new int[(int) nz.total() * 2];
            if (xy.length > 0) {
                nz.get(0, 0, xy);
            }
            nz.release();
            sources.add(new Source(g, m, xy));
        }
    }

    public int sizePx() {
        return sizePx;
    }

    /**
     * Fills patch {@code i} of the batch arrays: {@code x} (normalised input) and {@code y} (0/1
     * label), each {@code sizePx²} floats at offset {@code i·sizePx²}.
     */
    public void sample(SplittableRandom rnd, float[] x, float[] y, int i) {
        Source s = sources.get(rnd.nextInt(sources.size()));
        int w = s.grey().cols();
        int h = s.grey().rows();
        double cx;
        double cy;
        if (s.crackXy().length > 0 && rnd.nextDouble() < crackCentreP) {
            int k = rnd.nextInt(s.crackXy().length / 2);
            cx = s.crackXy()[2 * k];
            cy = s.crackXy()[2 * k + 1];
        } else {
            cx = rnd.nextDouble() * w;
            cy = rnd.nextDouble() * h;
        }
        double zoom = augment ? Math.exp(Math.log(MIN_ZOOM) + rnd.nextDouble() * Math.log(MAX_ZOOM / MIN_ZOOM)) : 1.0;
        double theta = augment ? rnd.nextDouble() * 2 * Math.PI : 0;
        double flip = rnd.nextBoolean() ? -1 : 1;
        // dst → src: src = A·(dst − P/2) + c, A = R(θ)·diag(flip, 1) / zoom
        double c = Math.cos(theta) / zoom;
        double sn = Math.sin(theta) / zoom;
        double a00 = c * flip;
        double a01 = -sn;
        double a10 = sn * flip;
        double a11 = c;
        double half = sizePx / 2.0;
        try (Mats m = new Mats()) {
            Mat affine = m.mat();
            affine.create(2, 3, CvType.CV_64F);
            affine.put(0, 0, a00, a01, cx - a00 * half - a01 * half, a10, a11, cy - a10 * half - a11 * half);
            Mat src = s.grey();
            if (zoom < 0.8) {
                src = m.mat();
                Imgproc.GaussianBlur(s.grey(), src, new Size(0, 0), 0.4 / zoom);
            }
            Size out = new Size(sizePx, sizePx);
            Mat g = m.mat();
            Imgproc.warpAffine(src, g, affine, out, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP, Core.BORDER_REFLECT_101);
            Mat lab = m.mat();
            Imgproc.warpAffine(s.mask(), lab, affine, out, Imgproc.INTER_LINEAR | Imgproc.WARP_INVERSE_MAP,
                    Core.BORDER_REFLECT_101);
            Imgproc.threshold(lab, lab, 95, 1, Imgproc.THRESH_BINARY);
            Mat g8 = augment ? photometric(g, rnd, m) : g;
            Mat norm = m.mat();
            SegmenterInput.normalise(g8, norm);
            int n = sizePx * sizePx;
            float[] tmp = new float[n];
            norm.get(0, 0, tmp);
            System.arraycopy(tmp, 0, x, i * n, n);
            Mat labF = m.mat();
            lab.convertTo(labF, CvType.CV_32F);
            labF.get(0, 0, tmp);
            System.arraycopy(tmp, 0, y, i * n, n);
        }
    }

    private Mat photometric(Mat g, SplittableRandom rnd, Mats m) {
        Mat f = m.mat();
        double contrast = 0.5 + rnd.nextDouble();
        double offset = (rnd.nextDouble() * 2 - 1) * 40;
        g.convertTo(f, CvType.CV_32F, contrast / 255.0, 0);
        Core.max(f, new Scalar(0), f);
        double gamma = Math.exp(Math.log(0.6) + rnd.nextDouble() * Math.log(1.6 / 0.6));
        Core.pow(f, gamma, f);
        Core.multiply(f, new Scalar(255.0), f);
        Core.add(f, new Scalar(offset), f);
        if (rnd.nextBoolean()) {
            Mat ramp = m.mat();
            ramp.create(sizePx, sizePx, CvType.CV_32F);
            double amp = (rnd.nextDouble() * 2 - 1) * 30;
            double dir = rnd.nextDouble() * 2 * Math.PI;
            float[] r = new float[sizePx * sizePx];
            for (int yy = 0; yy < sizePx; yy++) {
                for (int xx = 0; xx < sizePx; xx++) {
                    double t = ((xx - sizePx / 2.0) * Math.cos(dir) + (yy - sizePx / 2.0) * Math.sin(dir)) / sizePx;
                    r[yy * sizePx + xx] = (float) (amp * t);
                }
            }
            ramp.put(0, 0, r);
            Core.add(f, ramp, f);
        }
        if (rnd.nextDouble() < 0.3) {
            Imgproc.GaussianBlur(f, f, new Size(0, 0), 0.5 + rnd.nextDouble());
        }
        if (rnd.nextBoolean()) {
            Mat noise = m.mat();
            noise.create(sizePx, sizePx, CvType.CV_32F);
            float[] v = new float[sizePx * sizePx];
            double sd = rnd.nextDouble() * 8;
            for (int k = 0; k < v.length; k++) {
                v[k] = (float) (rnd.nextGaussian() * sd);
            }
            noise.put(0, 0, v);
            Core.add(f, noise, f);
        }
        Mat out = m.mat();
        f.convertTo(out, CvType.CV_8U);
        return out;
    }

    /** Releases the loaded images. */
    public void release() {
        for (Source s : sources) {
            s.grey().release();
            s.mask().release();
        }
        sources.clear();
    }
}
