package org.sinterscope.camera;

/**
 * A sequence of frames: a camera, a simulator or a folder of image files.
 *
 * <p>{@link #next()} hands over ownership of the frame: the caller closes it. A source may block
 * in {@code next()} until the frame exists (a camera paced by the line does).
 */
public interface FrameSource extends AutoCloseable {

    /** True while another frame can be asked for. */
    boolean hasNext();

    /**
     * The next frame.
     *
     * @throws java.util.NoSuchElementException when {@link #hasNext()} is false
     */
    Frame next();

    /**
     * Takes no more frames: a {@link #hasNext()} that waits for the next one returns false soon.
     * May be called from any thread. A finite source may ignore it (the default).
     */
    default void stop() {
    }

    /** A short description for logs and summaries, such as "simulated line, seed 7". */
    String describe();

    @Override
    void close();
}
