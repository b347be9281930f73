package org.sinterscope.inspection.classify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The file form the model bundles share (the classifier's {@link ModelBundle}, the crack segmenter's
 * bundle): a zip of named entries read whole into memory and checked before anything is built from
 * it, written with reproducible bytes (no time stamps), a SameDiff graph entry with its SHA-256 in
 * the metadata, and graph instances with SameDiff's output cache off.
 */
public final class BundleZip {

    private BundleZip() {
    }

    /**
     * Reads {@code in} to the end (not closed) and returns its zip entries by name.
     *
     * @param what     what the bundle is called in messages ("model bundle", "crack segmenter")
     * @param source   its name in messages, such as the file name
     * @param maxBytes a larger stream is refused before it is read further, and so are entries that inflate
     *                 to more than {@code maxBytes} together (a zip bomb): inflation stops at that budget
     * @throws ModelBundleException when it is larger, inflates to more, not a zip (no end record), corrupt, empty, or lacks
     *                              one of {@code required} ({@code kind} names the bundle kind expected)
     */
    public static Map<String, byte[]> read(InputStream in, String what, String source, int maxBytes, String kind,
                                           String... required) throws ModelBundleException {
        byte[] all;
        try {
            all = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new ModelBundleException("cannot read " + what + " " + source + ": " + e.getMessage(), e);
        }
        if (all.length > maxBytes) {
            throw new ModelBundleException(what + " " + source + " is larger than " + (maxBytes >> 20) + " MiB: refused");
        }
        if (!hasZipEnd(all)) {
            throw new ModelBundleException(what + " " + source + " is not a zip file or is truncated (" + all.length
                    + " bytes, no zip end record)");
        }
        Map<String, byte[]> entries = new HashMap<>();
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(all))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                // never ask for more than what is left of the budget (+1 to see that it is exceeded)
                byte[] data = zip.readNBytes((int) (maxBytes - inflated) + 1);
                inflated += data.length;
                if (inflated > maxBytes) {
                    throw new ModelBundleException(what + " " + source + ": its entries inflate to more than "
                            + maxBytes + " bytes (at entry " + e.getName() + ", " + all.length
                            + " bytes compressed): refused as a zip bomb");
                }
                entries.put(e.getName(), data);
            }
        } catch (IOException e) {
            throw new ModelBundleException(what + " " + source + " is corrupt or truncated: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ModelBundleException(what + " " + source + " is not a zip file or is empty");
        }
        for (String name : required) {
            if (!entries.containsKey(name)) {
                throw new ModelBundleException(what + " " + source + " lacks " + name + " (has " + entries.keySet()
                        + "): corrupt, truncated or not a " + kind + " bundle");
            }
        }
        return entries;
    }

    /** Writes {@code entries} in their order as a zip with reproducible bytes (no wall-clock time) to {@code out} (not closed). */
    public static void write(OutputStream out, LinkedHashMap<String, byte[]> entries) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, byte[]> en : entries.entrySet()) {
            ZipEntry e = new ZipEntry(en.getKey());
            e.setTime(0);
            zip.putNextEntry(e);
            zip.write(en.getValue());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    /**
     * A fresh, independent instance of a serialised graph, with SameDiff's output cache off: in DL4J
     * 1.0.0-M2.1 a cached graph answers a second input of the same shape partly from the first one
     * (see {@code GraphReuseTest}).
     */
    public static SameDiff graph(byte[] graphBytes) {
        SameDiff sd = SameDiff.load(new ByteArrayInputStream(graphBytes), false);
        sd.setEnableCache(false);
        return sd;
    }

    /** SHA-256 of {@code data}, lower-case hex. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** True when a zip end-of-central-directory record is where one must be (the last 22 + 65,535 bytes). */
    private static boolean hasZipEnd(byte[] b) {
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }
}
