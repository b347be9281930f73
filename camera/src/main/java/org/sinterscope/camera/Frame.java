package org.sinterscope.camera;

import java.time.Instant;
import java.util.Objects;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * One frame from a line-scan camera: {@code heightPx} consecutive lines, each {@code widthPx}
 * pixels across the web.
 *
 * <p>The frame owns its native image: whoever holds the frame last closes it (the inspection
 * step does, on the line). The image is single-channel grey, 8- or 16-bit unsigned.
 *
 * @param cameraId  which camera took it
 * @param sequence  the camera's frame counter, from 0, without gaps unless frames were lost
 * @param timestamp when the last line was exposed (the frame is complete from then on)
 * @param yStartMm  web position (machine direction) of the first line, from the line encoder
 * @param xOriginMm web position (cross direction) of column 0
 * @param pitch     pixel pitch in both directions
 * @param image     the pixels, {@code CV_8UC1} or {@code CV_16UC1}
 * @param deviceTimestampNs the camera's own clock at the frame, ns ({@link #NO_DEVICE_TIMESTAMP} when the
 *                  source has none: image files, the simulator)
 */
public record Frame(String cameraId, long sequence, Instant timestamp, double yStartMm, double xOriginMm,
                    PixelPitch pitch, Mat image, long deviceTimestampNs) implements AutoCloseable {

    /** {@link #deviceTimestampNs} of a frame from a source without a device clock. */
    public static final long NO_DEVICE_TIMESTAMP = -1;

    /** A frame from a source without a device clock. */
    public Frame(String cameraId, long sequence, Instant timestamp, double yStartMm, double xOriginMm, PixelPitch pitch, Mat image) {
        this(cameraId, sequence, timestamp, yStartMm, xOriginMm, pitch, image, NO_DEVICE_TIMESTAMP);
    }

    public Frame {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(pitch, "pitch");
        Objects.requireNonNull(image, "image");
        if (sequence < 0) {
            throw new IllegalArgumentException("frame sequence must be >= 0, got " + sequence);
        }
        if (!Double.isFinite(yStartMm) || !Double.isFinite(xOriginMm)) {
            throw new IllegalArgumentException("frame position must be finite, got y=" + yStartMm + " mm, x0=" + xOriginMm + " mm");
        }
        if (image.empty()) {
            throw new IllegalArgumentException("frame " + cameraId + "#" + sequence + " has an empty image");
        }
        int type = image.type();
        if (type != CvType.CV_8UC1 && type != CvType.CV_16UC1) {
            throw new IllegalArgumentException("frame " + cameraId + "#" + sequence
                    + " must be 8- or 16-bit single-channel grey, got " + CvType.typeToString(type));
        }
    }

    /** The mapping between this frame's pixels and web millimetres. */
    public WebGrid grid() {
        return new WebGrid(xOriginMm, yStartMm, pitch);
    }

    public int widthPx() {
        return image.cols();
    }

    public int heightPx() {
        return image.rows();
    }

    /** Web position just past the last line, mm. */
    public double yEndMm() {
        return yStartMm + heightPx() * pitch.yMmPerPx();
    }

    public double lengthMm() {
        return heightPx() * pitch.yMmPerPx();
    }

    public double megapixels() {
        return (double) widthPx() * heightPx() / 1e6;
    }

    /** Releases the native image. Safe to call twice. */
    @Override
    public void close() {
        image.release();
    }
}
