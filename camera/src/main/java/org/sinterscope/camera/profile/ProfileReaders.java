package org.sinterscope.camera.profile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/** Picks the reader for a file from its extension: {@code .csv}, {@code .txt}, {@code .x3p}, {@code .smd}. */
public final class ProfileReaders {

    private ProfileReaders() {
    }

    /**
     * @param spacingUm sample spacing for one-column CSV files, µm, or NaN when not given
     * @throws ProfileFormatException for an extension no reader handles
     */
    public static ProfileReader forFile(Path file, double spacingUm) throws ProfileFormatException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".x3p")) {
            return new X3pProfileReader();
        }
        if (name.endsWith(".smd")) {
            return new SmdProfileReader();
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return new CsvProfileReader(spacingUm);
        }
        throw new ProfileFormatException(file.toString(),
                "unknown profile file type (expected .csv, .txt, .x3p or .smd)");
    }

    /**
     * A text export as lines: UTF-8, a leading byte-order mark dropped, split at CR LF, LF or CR,
     * trailing empty lines kept (readers check what follows the data themselves).
     */
    static String[] textLines(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.split("\r\n|\n|\r", -1);
    }
}
