package org.sinterscope.camera.profile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of an X3P container (a zip archive), read entirely in memory.
 *
 * <p>Safety: nothing is ever written to disk, so an entry name cannot place a file anywhere; still,
 * an archive whose entry names try to leave the archive folder ({@code ..} segments, absolute paths,
 * drive letters, backslashes) is refused as malformed (zip-slip). Each entry and the archive total
 * are limited in size, so a zip bomb is refused instead of filling memory. An archive without its
 * end-of-central-directory record, or whose central directory lists more entries than can be read,
 * is reported as truncated.
 */
final class X3pArchive {

    /** Largest uncompressed entry, bytes. */
    static final long MAX_ENTRY_BYTES = 512L << 20;
    /** Largest uncompressed archive total, bytes. */
    static final long MAX_TOTAL_BYTES = 1L << 30;

    private final Map<String, byte[]> entries;

    private X3pArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static X3pArchive read(String source, byte[] zip) throws ProfileFormatException {
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            throw new ProfileFormatException(source,
                    "truncated or not a zip archive: no end-of-central-directory record");
        }
        int declaredEntries = (zip[eocd + 10] & 0xff) | (zip[eocd + 11] & 0xff) << 8;
        Map<String, byte[]> map = new LinkedHashMap<>();
        int seen = 0;
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            byte[] buf = new byte[64 * 1024];
            while ((e = in.getNextEntry()) != null) {
                seen++;
                String name = e.getName();
                checkName(source, name);
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                long size = 0;
                int r;
                while ((r = in.read(buf)) > 0) {
                    size += r;
                    total += r;
                    if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
                        throw new ProfileFormatException(source, "archive entry '" + name
                                + "' is larger than the limit (" + MAX_ENTRY_BYTES + " bytes per entry, "
                                + MAX_TOTAL_BYTES + " in total)");
                    }
                    out.write(buf, 0, r);
                }
                if (map.put(name, out.toByteArray()) != null) {
                    throw new ProfileFormatException(source, "archive holds entry '" + name + "' twice");
                }
            }
        } catch (EOFException e) {
            throw new ProfileFormatException(source, "truncated archive: " + e.getMessage(), e);
        } catch (ProfileFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ProfileFormatException(source, "corrupt or truncated archive: " + e.getMessage(), e);
        }
        if (seen < declaredEntries) {
            throw new ProfileFormatException(source, "truncated archive: its directory lists " + declaredEntries
                    + " entries but only " + seen + " could be read");
        }
        return new X3pArchive(map);
    }

    /** The entry's bytes, or null when the archive does not hold it. */
    byte[] entry(String name) {
        return entries.get(name);
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by every Java platform", e);
        }
    }

    /** Refuses names that would leave the archive folder if anyone ever extracted them. */
    static void checkName(String source, String name) throws ProfileFormatException {
        boolean bad = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                || (name.length() > 1 && name.charAt(1) == ':');
        for (String seg : name.split("/")) {
            if (seg.equals("..")) {
                bad = true;
            }
        }
        if (bad) {
            throw new ProfileFormatException(source, "archive entry name '" + name
                    + "' escapes the archive folder (zip-slip); refused");
        }
    }

    private static int findEndOfCentralDirectory(byte[] zip) {
        int min = Math.max(0, zip.length - 22 - 65535);
        for (int i = zip.length - 22; i >= min; i--) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x05 && zip[i + 3] == 0x06) {
                return i;
            }
        }
        return -1;
    }
}
