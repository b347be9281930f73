package org.sinterscope.models;

import java.util.SplittableRandom;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.sinterscope.camera.Mats;
import org.sinterscope.camera.OpenCvNative;

/**
 * Augmentation suited to line images, applied to prepared patches (values in [0, 1]):
 * <ul>
 *   <li>mirror across the web and/or along it (each with probability ½): a defect looks the same
 *   seen from either side, and the web may run either way;</li>
 *   <li>a shift of up to {@code maxShift · size} px in x and y (border reflected): candidate
 *   boxes are never centred exactly;</li>
 *   <li>contrast × U(1 − c, 1 + c) about the patch mean and brightness + U(−b, b): lighting and
 *   coating shade vary along a roll;</li>
 *   <li>Gaussian noise of σ ∼ U(0, maxNoise): sensor noise.</li>
 * </ul>
 * No rotation by default: streaks and scratches run along the web, and a rotated one is another
 * thing. With {@code rotate90} (textures and surface images whose orientation means nothing), the
 * patch is also turned by k·90°, k uniform in 0–3 (drawn after the other draws, so the line
 * augmentation's random stream is the same with or without this option).
 *
 * @param maxShift    largest shift as a fraction of the patch side (0–0.5)
 * @param contrast    contrast half-range c (0–0.5)
 * @param brightness  brightness half-range b, in patch value units (0–0.5)
 * @param maxNoise    largest noise σ, in patch value units (0–0.2)
 * @param rotate90    also turn by a random multiple of 90°
 */
public record Augmenter(double maxShift, double contrast, double brightness, double maxNoise, boolean rotate90) {

    public Augmenter {
        if (!(maxShift >= 0 && maxShift <= 0.5) || !(contrast >= 0 && contrast <= 0.5)
                || !(brightness >= 0 && brightness <= 0.5) || !(maxNoise >= 0 && maxNoise <= 0.2)) {
            throw new IllegalArgumentException("augmentation out of range: shift " + maxShift + ", contrast " + contrast
                    + ", brightness " + brightness + ", noise " + maxNoise);
        }
    }

    /** Shift ≤ 8 %, contrast ± 15 %, brightness ± 0.05, noise σ ≤ 0.02. */
    public static Augmenter lineDefaults() {
        return new Augmenter(0.08, 0.15, 0.05, 0.02, false);
    }

    /** {@link #lineDefaults()} plus turns by multiples of 90°: for textures and surfaces without a direction. */
    public static Augmenter rotating() {
        return new Augmenter(0.08, 0.15, 0.05, 0.02, true);
    }

    /** Short name for reports: "line", "rot90", "none" or the numbers. */
    public String describe() {
        if (equals(lineDefaults())) {
            return "line";
        }
        if (equals(rotating())) {
            return "rot90";
        }
        if (equals(none())) {
            return "none";
        }
        return "shift" + maxShift + ",contrast" + contrast + ",brightness" + brightness + ",noise" + maxNoise
                + (rotate90 ? ",rot90" : "");
    }

    /** No change at all. */
    public static Augmenter none() {
        return new Augmenter(0, 0, 0, 0, false);
    }

    /**
     * Writes an augmented copy of {@code src[srcOff …]} ({@code size × size}) to {@code dst[dstOff …]}.
     * All randomness comes from {@code rnd}.
     */
    public void apply(float[] src, int srcOff, float[] dst, int dstOff, int size, SplittableRandom rnd) {
        OpenCvNative.load();
        int v = size * size;
        boolean flipX = rnd.nextBoolean();
        boolean flipY = rnd.nextBoolean();
        double dx = maxShift == 0 ? 0 : Math.round(rnd.nextDouble(-maxShift, maxShift) * size);
        double dy = maxShift == 0 ? 0 : Math.round(rnd.nextDouble(-maxShift, maxShift) * size);
        double alpha = contrast == 0 ? 1 : rnd.nextDouble(1 - contrast, 1 + contrast);
        double beta = brightness == 0 ? 0 : rnd.nextDouble(-brightness, brightness);
        double sigma = maxNoise == 0 ? 0 : rnd.nextDouble(0, maxNoise);
        long noiseSeed = rnd.nextLong();
        int quarterTurns = rotate90 ? rnd.nextInt(4) : 0;
        try (Mats m = new Mats()) {
            Mat p = m.add(new Mat(size, size, CvType.CV_32F));
            float[] one = new float[v];
            System.arraycopy(src, srcOff, one, 0, v);
            p.put(0, 0, one);
            if (flipX || flipY) {
                Core.flip(p, p, flipX && flipY ? -1 : (flipX ? 1 : 0));
            }
            if (quarterTurns != 0) {
                Mat turned = m.mat();
                Core.rotate(p, turned, quarterTurns == 1 ? Core.ROTATE_90_CLOCKWISE
                        : quarterTurns == 2 ? Core.ROTATE_180 : Core.ROTATE_90_COUNTERCLOCKWISE);
                p = turned;
            }
            if (dx != 0 || dy != 0) {
                Mat t = m.add(new Mat(2, 3, CvType.CV_64F));
                t.put(0, 0, 1, 0, dx, 0, 1, dy);
                Mat shifted = m.mat();
                Imgproc.warpAffine(p, shifted, t, new Size(size, size), Imgproc.INTER_NEAREST, Core.BORDER_REFLECT_101);
                p = shifted;
            }
            double mean = Core.mean(p).val[0];
            // x' = alpha·(x − mean) + mean + beta
            p.convertTo(p, CvType.CV_32F, alpha, (1 - alpha) * mean + beta);
            if (sigma > 0) {
                Mat noise = m.add(new Mat(size, size, CvType.CV_32F));
                fillGaussian(noise, v, sigma, noiseSeed);
                Core.add(p, noise, p);
            }
            p.get(0, 0, one);
            System.arraycopy(one, 0, dst, dstOff, v);
        }
    }

    private static void fillGaussian(Mat noise, int v, double sigma, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] n = new float[v];
        for (int i = 0; i < v; i++) {
            n[i] = (float) (r.nextGaussian() * sigma);
        }
        noise.put(0, 0, n);
    }
}
