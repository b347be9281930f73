package org.sinterscope.camera.folder;

import java.util.Locale;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes image files into single-channel grey frames (8- or 16-bit), refusing what a line must
 * not trust: empty or truncated files, undecodable bytes, zero-size images and pixel types other
 * than 8/16-bit unsigned. Colour images become grey (ITU-R BT.601 weights, as OpenCV does).
 */
public final class ImageFiles {

    /** File name endings this reader takes. */
    public static final String[] EXTENSIONS = {".png", ".tif", ".tiff", ".bmp", ".jpg", ".jpeg"};

    private ImageFiles() {
    }

    /** Thrown with the reason a file cannot become a frame. */
    public static final class UnusableImageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnusableImageException(String reason) {
            super(reason);
        }
    }

    public static boolean isImageName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String e : EXTENSIONS) {
            if (n.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Decodes {@code bytes} (the whole file) into a grey {@code CV_8UC1} or {@code CV_16UC1} Mat that
     * the caller owns.
     */
    public static Mat decodeGrey(String name, byte[] bytes) throws UnusableImageException {
        if (bytes.length == 0) {
            throw new UnusableImageException("empty file (0 bytes)");
        }
        checkComplete(name, bytes);
        MatOfByte buf = new MatOfByte(bytes);
        Mat img;
        try {
            img = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
        } finally {
            buf.release();
        }
        if (img.empty()) {
            img.release();
            throw new UnusableImageException("cannot decode: not a readable image or corrupt data (" + bytes.length + " bytes)");
        }
        if (img.rows() == 0 || img.cols() == 0) {
            img.release();
            throw new UnusableImageException("zero-size image");
        }
        int depth = CvType.depth(img.type());
        int ch = img.channels();
        if (depth != CvType.CV_8U && depth != CvType.CV_16U) {
            String t = CvType.typeToString(img.type());
            img.release();
            throw new UnusableImageException("unsupported pixel type " + t + ": the line takes 8- or 16-bit unsigned images");
        }
        if (ch == 1) {
            return img;
        }
        Mat grey = new Mat();
        try {
            switch (ch) {
                case 3 -> Imgproc.cvtColor(img, grey, Imgproc.COLOR_BGR2GRAY);
                case 4 -> Imgproc.cvtColor(img, grey, Imgproc.COLOR_BGRA2GRAY);
                case 2 -> extractFirst(img, grey);
                default -> throw new UnusableImageException("unsupported channel count " + ch);
            }
        } catch (UnusableImageException e) {
            grey.release();
            throw e;
        } finally {
            img.release();
        }
        return grey;
    }

    /** Grey + alpha: keep the grey channel. */
    private static void extractFirst(Mat img, Mat grey) {
        org.opencv.core.Core.extractChannel(img, grey, 0);
    }

    /**
     * Decoders fill a truncated PNG or JPEG with grey and carry on; a line must not inspect
     * invented pixels. PNG must end with its IEND chunk, JPEG with the EOI marker (trailing zero
     * padding allowed), BMP must be as long as its header says.
     */
    static void checkComplete(String name, byte[] b) throws UnusableImageException {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            if (b.length < 12 || !(b[b.length - 8] == 'I' && b[b.length - 7] == 'E' && b[b.length - 6] == 'N' && b[b.length - 5] == 'D')) {
                throw new UnusableImageException("truncated PNG: no IEND chunk at the end (" + b.length + " bytes)");
            }
        } else if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            int end = b.length;
            while (end > 2 && b[end - 1] == 0) {
                end--;
            }
            if (end < 4 || (b[end - 2] & 0xff) != 0xFF || (b[end - 1] & 0xff) != 0xD9) {
                throw new UnusableImageException("truncated JPEG: no end-of-image marker (" + b.length + " bytes)");
            }
        } else if (n.endsWith(".bmp") && b.length >= 6 && b[0] == 'B' && b[1] == 'M') {
            long declared = (b[2] & 0xffL) | (b[3] & 0xffL) << 8 | (b[4] & 0xffL) << 16 | (b[5] & 0xffL) << 24;
            if (declared > b.length) {
                throw new UnusableImageException("truncated BMP: header says " + declared + " bytes, file has " + b.length);
            }
        }
    }
}
