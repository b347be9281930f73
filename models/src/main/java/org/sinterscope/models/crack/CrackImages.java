package org.sinterscope.models.crack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.OpenCvNative;

/** Reads crack images and masks from files, with errors that name the file. */
public final class CrackImages {

    private CrackImages() {
    }

    /**
     * The image as 8-bit grey ({@code CV_8UC1}); colour is converted with the usual luma weights.
     * The caller releases it.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read as an image
     */
    public static Mat readGrey(Path file) {
        OpenCvNative.load();
        Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        if (m.empty()) {
            m.release();
            throw new IllegalArgumentException("cannot read " + file + " as an image (missing, unreadable or not an image)");
        }
        return m;
    }

    /**
     * A mask as 8-bit grey: the largest of its colour channels, so that a red-on-black mask reads
     * as crack as well as a white one. Crack is where the result is ≥ 128. The caller releases it.
     */
    public static Mat readMask(Path file) {
        OpenCvNative.load();
        Mat colour = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_COLOR);
        if (colour.empty()) {
            colour.release();
            throw new IllegalArgumentException("cannot read mask " + file + " as an image (missing, unreadable or not an image)");
        }
        List<Mat> ch = new ArrayList<>();
        try {
            Core.split(colour, ch);
            Mat out = new Mat();
            Core.max(ch.get(0), ch.get(1), out);
            Core.max(out, ch.get(2), out);
            if (out.type() != CvType.CV_8UC1) {
                out.release();
                throw new IllegalArgumentException("mask " + file + " is not an 8-bit image");
            }
            return out;
        } finally {
            colour.release();
            ch.forEach(Mat::release);
        }
    }
}
