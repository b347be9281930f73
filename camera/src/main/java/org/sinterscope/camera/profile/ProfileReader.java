package org.sinterscope.camera.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads profilometer readings into {@link Profile}s. A file may hold several profiles (an areal X3P
 * gives one per row). Implementations are stateless and thread-safe.
 */
public interface ProfileReader {

    /** Largest file any reader accepts, bytes (256 MiB): larger input is refused, not read. */
    long MAX_FILE_BYTES = 256L << 20;

    /**
     * Decodes {@code content}; {@code source} names it in every error message.
     *
     * @throws ProfileFormatException when the content is not a valid reading
     */
    List<Profile> read(String source, byte[] content) throws ProfileFormatException;

    /** Reads a whole file (at most {@link #MAX_FILE_BYTES}) and decodes it. */
    default List<Profile> read(Path file) throws IOException {
        return read(file.toString(), readBounded(file));
    }

    /**
     * The bytes of a file of at most {@link #MAX_FILE_BYTES}; a larger or missing file is refused
     * with a {@link ProfileFormatException} before anything is read.
     */
    static byte[] readBounded(Path file) throws IOException {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ProfileFormatException(source, "no such file", e);
        } catch (IOException e) {
            throw new ProfileFormatException(source, "cannot read the file: " + e, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new ProfileFormatException(source, "file is " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        return Files.readAllBytes(file);
    }
}
