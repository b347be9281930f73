package org.sinterscope.camera.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;

/**
 * Frames from a folder of image files (PNG, TIFF, BMP, JPEG; 8- or 16-bit; grey or colour, made
 * grey), taken in file-name order as consecutive stretches of one web: frame k starts where frame
 * k − 1 ended. A file that cannot become a frame is moved to the {@link Quarantine} with the
 * reason, and the source goes on with the next one. The folder is listed once, when the source is
 * made.
 */
public final class ImageFolderSource implements FrameSource {

    private final Path folder;
    private final Quarantine quarantine;
    private final String cameraId;
    private final PixelPitch pitch;
    private final double xOriginMm;
    private final Deque<Path> files = new ArrayDeque<>();
    private Frame ahead;
    private long sequence;
    private double yMm;

    public ImageFolderSource(Path folder, Quarantine quarantine, String cameraId, PixelPitch pitch, double xOriginMm) {
        OpenCvNative.load();
        this.folder = folder;
        this.quarantine = quarantine;
        this.cameraId = cameraId;
        this.pitch = pitch;
        this.xOriginMm = xOriginMm;
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("image folder " + folder + " does not exist or is not a folder");
        }
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(p -> Files.isRegularFile(p) && ImageFiles.isImageName(p.getFileName().toString()))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list image folder " + folder, e);
        }
    }

    @Override
    public boolean hasNext() {
        while (ahead == null && !files.isEmpty()) {
            Path p = files.poll();
            try {
                Mat grey = ImageFiles.readGrey(p, ImageFiles.DEFAULT_MAX_PIXELS);
                ahead = new Frame(cameraId, sequence++, Instant.now(), yMm, xOriginMm, pitch, grey);
                yMm = ahead.yEndMm();
            } catch (ImageFiles.UnusableImageException e) {
                quarantine.put(p, e.getMessage());
            }
        }
        return ahead != null;
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more images in " + folder);
        }
        Frame f = ahead;
        ahead = null;
        return f;
    }

    public Quarantine quarantine() {
        return quarantine;
    }

    @Override
    public String describe() {
        return "image folder " + folder + " (" + pitch.xUmPerPx() + " µm/px)";
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
    }
}
