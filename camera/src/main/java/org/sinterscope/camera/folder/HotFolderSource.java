package org.sinterscope.camera.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.Stream;

import org.opencv.core.Mat;
import org.sinterscope.camera.Frame;
import org.sinterscope.camera.FrameSource;
import org.sinterscope.camera.OpenCvNative;
import org.sinterscope.camera.PixelPitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from an image hot folder that acquisition software writes into: each image file (PNG,
 * TIFF, BMP, JPEG) becomes the next stretch of web (frame k starts where frame k − 1 ended), taken
 * in file-name or modification-time order once it has not changed for {@code settle} (names
 * starting with a dot are files still being written, and are left alone). A file handed
 * on as a frame is moved to {@code done}; one that cannot be read is moved to {@code quarantine}
 * with {@code <name>.reason.txt}. Nothing is deleted.
 *
 * <p>{@link #hasNext()} waits for the next file (polling every {@code poll}) until {@link #stop()}
 * or {@link #close()}; with {@code watch == false} it returns false as soon as the folder is empty.
 * A frame read but not yet taken when the source stops stays in the folder for the next start.
 * Frame numbers go on from the number of files already in {@code done}.
 * One consumer thread; {@code stop()} may come from any thread.
 */
public final class HotFolderSource implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(HotFolderSource.class);

    /** Which file goes first. */
    public enum Order { NAME, MTIME }

    /**
     * @param folder     the hot folder
     * @param done       where files go once they are frames
     * @param quarantine where unreadable files go
     * @param cameraId   id the frames carry
     * @param pitch      pixel pitch
     * @param xOriginMm  web x of the first column, mm
     * @param startYMm   web y of the first frame's first line, mm (a resumed roll goes on from where it was)
     * @param order      name or modification time
     * @param poll       how often an empty folder is looked at
     * @param settle     a file is taken once unchanged for this long
     * @param watch      wait for more files (true) or end when the folder is empty
     */
    public record Settings(Path folder, Path done, Quarantine quarantine, String cameraId, PixelPitch pitch, double xOriginMm,
                           double startYMm, Order order, Duration poll, Duration settle, boolean watch) {
        public Settings {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(done, "done");
            Objects.requireNonNull(quarantine, "quarantine");
            Objects.requireNonNull(cameraId, "cameraId");
            Objects.requireNonNull(pitch, "pitch");
            Objects.requireNonNull(order, "order");
            if (poll.isNegative() || poll.isZero() || settle.isNegative() || !Double.isFinite(startYMm) || startYMm < 0) {
                throw new IllegalArgumentException("hot folder " + folder + ": poll " + poll + " must be > 0, settle " + settle
                        + " >= 0, start y " + startYMm + " mm >= 0");
            }
        }
    }

    private final Settings s;
    private final Object lock = new Object();
    private volatile boolean stopped;
    private Frame ahead;
    private Path aheadFile;
    private long sequence;
    private double yMm;
    private long taken;

    public HotFolderSource(Settings settings) {
        OpenCvNative.load();
        this.s = settings;
        this.yMm = settings.startYMm();
        if (!Files.isDirectory(settings.folder())) {
            throw new IllegalArgumentException("hot folder " + settings.folder() + " does not exist or is not a folder");
        }
        try {
            Files.createDirectories(settings.done());
            try (Stream<Path> done = Files.list(settings.done())) {
                sequence = done.count(); // a restarted station numbers on after what it took before
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or list the done folder " + settings.done(), e);
        }
    }

    @Override
    public boolean hasNext() {
        while (true) {
            if (stopped) {
                return false;
            }
            if (ahead != null) {
                return true;
            }
            List<Path> ready = readyFiles();
            for (Path p : ready) {
                if (stopped || read(p)) {
                    break;
                }
            }
            if (ahead != null || stopped) {
                continue;
            }
            if (ready.isEmpty() && !s.watch()) {
                return false;
            }
            synchronized (lock) {
                if (!stopped) {
                    try {
                        lock.wait(s.poll().toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopped = true;
                    }
                }
            }
        }
    }

    private boolean read(Path p) {
        try {
            Mat grey = ImageFiles.decodeGrey(p.getFileName().toString(), Files.readAllBytes(p));
            ahead = new Frame(s.cameraId(), sequence, Instant.now(), yMm, s.xOriginMm(), s.pitch(), grey);
            aheadFile = p;
            return true;
        } catch (ImageFiles.UnusableImageException e) {
            s.quarantine().put(p, e.getMessage());
        } catch (IOException e) {
            s.quarantine().put(p, "cannot read: " + e.getMessage());
        }
        return false;
    }

    private List<Path> readyFiles() {
        Instant settledBefore = Instant.now().minus(s.settle());
        List<Candidate> c = new ArrayList<>();
        try (Stream<Path> files = Files.list(s.folder())) {
            files.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")
                    && ImageFiles.isImageName(p.getFileName().toString())).forEach(p -> {
                try {
                    FileTime t = Files.getLastModifiedTime(p);
                    if (t.toInstant().isBefore(settledBefore) || s.settle().isZero()) {
                        c.add(new Candidate(p, t));
                    }
                } catch (IOException e) {
                    LOG.debug("{} went away while listing: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the hot folder " + s.folder(), e);
        }
        Comparator<Candidate> byName = Comparator.comparing(k -> k.path().getFileName().toString());
        c.sort(s.order() == Order.NAME ? byName : Comparator.comparing(Candidate::mtime).thenComparing(byName));
        return c.stream().map(Candidate::path).toList();
    }

    private record Candidate(Path path, FileTime mtime) {
    }

    @Override
    public Frame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the hot folder " + s.folder() + " is stopped or empty");
        }
        Frame f = ahead;
        Path file = aheadFile;
        ahead = null;
        aheadFile = null;
        try {
            Files.move(file, freeName(file.getFileName().toString()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            f.close();
            throw new UncheckedIOException("cannot move " + file + " to " + s.done() + "; the frame is not taken", e);
        }
        sequence++;
        yMm = f.yEndMm();
        taken++;
        return f;
    }

    private Path freeName(String name) {
        Path target = s.done().resolve(name);
        int i = 1;
        while (Files.exists(target)) {
            target = s.done().resolve(name + "." + i++);
        }
        return target;
    }

    /** Frames handed on so far. */
    public long taken() {
        return taken;
    }

    /** Takes no more files: a waiting {@link #hasNext()} returns false. Any thread. */
    @Override
    public void stop() {
        stopped = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    @Override
    public String describe() {
        return "image hot folder " + s.folder() + " (" + s.pitch().xUmPerPx() + " µm/px, " + s.order().name().toLowerCase()
                + " order)";
    }

    @Override
    public void close() {
        stop();
        Frame f = ahead;
        if (f != null) {
            ahead = null;
            f.close();
        }
    }
}
