package org.sinterscope.models.crack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.folder.ImageFiles;

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
        return read(file, Imgcodecs.IMREAD_GRAYSCALE);
    }

    /**
     * A mask as 8-bit grey: the largest of its colour channels, so that a red-on-black mask reads
     * as crack as well as a white one. Crack is where the result is ≥ 128. The caller releases it.
     */
    public static Mat readMask(Path file) {
        Mat colour = read(file, Imgcodecs.IMREAD_COLOR);
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

    /** The file through the line's image checks (header size limit, corrupt data), as OpenCV reads it in {@code flags}. */
    private static Mat read(Path file, int flags) {
        OpenCvNative.load();
        try {
            return ImageFiles.read(file, ImageFiles.DEFAULT_MAX_PIXELS, flags);
        } catch (ImageFiles.UnusableImageException e) {
            throw new IllegalArgumentException("cannot read " + file + " as an image: " + e.getMessage(), e);
        }
    }
}
