package org.sinterscope.camera.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads lab powder-diffraction files into {@link XrdPattern}s. A file may hold several scans (an
 * XRDML file with several {@code <scan>} elements). Implementations are stateless and thread-safe.
 */
public interface XrdReader {

    /** Largest file any reader accepts, bytes (64 MiB): larger input is refused unread. */
    long MAX_FILE_BYTES = 64L << 20;

    /** Most points one scan may hold; counted before any array is allocated. */
    int MAX_POINTS = 2_000_000;

    /**
     * Decodes {@code content}; {@code source} names it in every error message.
     *
     * @throws XrdFormatException when the content is not a valid scan
     */
    List<XrdPattern> read(String source, byte[] content) throws XrdFormatException;

    /** Reads a whole file (at most {@link #MAX_FILE_BYTES}) and decodes it. */
    default List<XrdPattern> read(Path file) throws XrdFormatException {
        String source = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw new XrdFormatException(source, 0, "no such file", e);
        } catch (IOException e) {
            throw new XrdFormatException(source, 0, "cannot read the file: " + e, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw new XrdFormatException(source, 0, "file is " + size + " bytes, more than the limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        if (size == 0) {
            throw new XrdFormatException(source, 0, "empty file");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new XrdFormatException(source, 0, "cannot read the file: " + e, e);
        }
        return read(source, content);
    }
}
