package org.sinterscope.camera.lab;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks the reader for a diffraction file from its extension: {@code .xrdml} (PANalytical XML),
 * {@code .csv}, {@code .xy}, {@code .txt}, {@code .dat} (two columns, 2θ and intensity).
 */
public final class XrdReaders {

    private XrdReaders() {
    }

    /** @throws XrdFormatException for an extension no reader handles */
    public static XrdReader forFile(Path file) throws XrdFormatException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xrdml")) {
            return new XrdmlReader();
        }
        if (name.endsWith(".csv") || name.endsWith(".xy") || name.endsWith(".txt") || name.endsWith(".dat")) {
            return new XrdTextReader();
        }
        throw new XrdFormatException(file.toString(), 0,
                "unknown diffraction file type (expected .xrdml, .csv, .xy, .txt or .dat)");
    }
}
