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

    /** Largest CSV or SMD text file, bytes (32 MiB: about 10⁶ points of x and z). */
    static final int MAX_TEXT_BYTES = 32 << 20;

    /**
     * A text export as a sequence of lines, produced one at a time (no array of every line):
     * UTF-8, a leading byte-order mark dropped, split at CR LF, LF or CR. A text over
     * {@link #MAX_TEXT_BYTES} is refused before it is decoded.
     */
    static TextLines textLines(String source, byte[] content) throws ProfileFormatException {
        if (content.length > MAX_TEXT_BYTES) {
            throw new ProfileFormatException(source, "text file is " + content.length + " bytes, more than the limit of "
                    + MAX_TEXT_BYTES + " bytes for CSV and SMD");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        return new TextLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** Forward-only line cursor over a text; {@link #lineNumber()} is 1-based, of the line last returned. */
    static final class TextLines {
        private final String text;
        private int pos;
        private int line;

        TextLines(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return pos <= text.length();
        }

        String next() {
            int end = pos;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String l = text.substring(pos, end);
            if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;
            line++;
            return l;
        }

        int lineNumber() {
            return line;
        }

        /** Back to the first line. */
        void rewind() {
            pos = 0;
            line = 0;
        }
    }
}
