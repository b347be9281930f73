package org.sinterscope.camera.folder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.opencv.core.CvException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes image files into single-channel grey frames (8- or 16-bit), refusing what a line must
 * not trust: empty or truncated files, undecodable bytes, zero-size images and pixel types other
 * than 8/16-bit unsigned. Colour images become grey (ITU-R BT.601 weights, as OpenCV does).
 *
 * <p>Crafted files are refused before anything large is allocated: the image size is read from
 * the file's header (Java's image readers parse headers only) and checked against a pixel limit
 * ({@link #DEFAULT_MAX_PIXELS} unless the caller gives one); a JPEG whose entropy-coded data the
 * JPEG library reports as corrupt is refused instead of inspected with invented pixels; whatever
 * OpenCV's decoder throws becomes a refusal with its message. Every refusal is an
 * {@link UnusableImageException} with the reason, so a folder of files goes on past a bad one.
 */
public final class ImageFiles {

    /** File name endings this reader takes. */
    public static final String[] EXTENSIONS = {".png", ".tif", ".tiff", ".bmp", ".jpg", ".jpeg"};

    /**
     * The default largest image, in pixels: 64 Mpx, sixteen 4096 × 1024 line-scan frames. A header
     * claiming more is refused before decoding.
     */
    public static final long DEFAULT_MAX_PIXELS = 64L << 20;

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
     * the caller owns, with the {@link #DEFAULT_MAX_PIXELS} limit.
     */
    public static Mat decodeGrey(String name, byte[] bytes) throws UnusableImageException {
        return decodeGrey(name, bytes, DEFAULT_MAX_PIXELS);
    }

    /**
     * Decodes {@code bytes} (the whole file) into a grey {@code CV_8UC1} or {@code CV_16UC1} Mat that
     * the caller owns; an image whose header claims more than {@code maxPixels} pixels is refused
     * before it is decoded.
     */
    public static Mat decodeGrey(String name, byte[] bytes, long maxPixels) throws UnusableImageException {
        Mat img = decode(name, bytes, maxPixels, Imgcodecs.IMREAD_UNCHANGED);
        return toGrey(img);
    }

    /**
     * Reads a file as an image in OpenCV's {@code imreadFlags} mode (e.g. {@link Imgcodecs#IMREAD_GRAYSCALE},
     * {@link Imgcodecs#IMREAD_COLOR}) with every check of {@link #decodeGrey}; the file's size is
     * checked before it is read.
     */
    public static Mat read(Path file, long maxPixels, int imreadFlags) throws UnusableImageException {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnusableImageException("cannot read " + file + ": " + e.getMessage());
        }
        // compressed images are smaller than their pixels; anything larger than 4 bytes a pixel plus headers is not an image we take
        long maxBytes = Math.min(Integer.MAX_VALUE - 64, maxPixels * 4 + (1 << 20));
        if (size > maxBytes) {
            throw new UnusableImageException("file of " + size + " bytes is larger than the " + maxBytes + " bytes an image of at most "
                    + maxPixels + " px may have");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UnusableImageException("cannot read " + file + ": " + e.getMessage());
        }
        return decode(file.getFileName().toString(), bytes, maxPixels, imreadFlags);
    }

    /** {@link #read} as a grey {@code CV_8UC1} or {@code CV_16UC1} frame, like {@link #decodeGrey}. */
    public static Mat readGrey(Path file, long maxPixels) throws UnusableImageException {
        return toGrey(read(file, maxPixels, Imgcodecs.IMREAD_UNCHANGED));
    }

    private static Mat decode(String name, byte[] bytes, long maxPixels, int imreadFlags) throws UnusableImageException {
        if (bytes.length == 0) {
            throw new UnusableImageException("empty file (0 bytes)");
        }
        checkComplete(name, bytes);
        checkHeader(bytes, maxPixels);
        MatOfByte buf = new MatOfByte(bytes);
        Mat img;
        try {
            img = Imgcodecs.imdecode(buf, imreadFlags);
        } catch (CvException e) {
            throw new UnusableImageException("the image decoder refused it: " + firstLine(e.getMessage()));
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
        return img;
    }

    private static Mat toGrey(Mat img) throws UnusableImageException {
        int ch = img.channels();
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
     * Reads the image size from the file's header without decoding it and checks it against
     * {@code maxPixels}; for a JPEG, also lets the JPEG library decode it and refuses the file when
     * the library warns of corrupt data (OpenCV's decoder goes on silently with invented pixels).
     */
    static void checkHeader(byte[] bytes, long maxPixels) throws UnusableImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnusableImageException("cannot decode: not a PNG, JPEG, TIFF or BMP image (no image header found, " + bytes.length + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new UnusableImageException("zero-size image (header says " + w + " × " + h + ")");
                }
                if (w * h > maxPixels) {
                    throw new UnusableImageException("header claims " + w + " × " + h + " = " + (w * h) + " px, more than the limit of "
                            + maxPixels + " px");
                }
                if ("jpeg".equalsIgnoreCase(reader.getFormatName())) {
                    List<String> warnings = new ArrayList<>();
                    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                    reader.read(0);
                    if (!warnings.isEmpty()) {
                        throw new UnusableImageException("corrupt JPEG data: " + String.join("; ", warnings));
                    }
                }
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableImageException("unreadable image header or data: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
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
