package org.sinterscope.camera.profile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The entries of an X3P container (a zip archive) held in memory, inflated one at a time on demand.
 *
 * <p>The archive is opened from its central directory (end-of-central-directory record, then one
 * header per entry): names and the declared compressed / uncompressed sizes are known before any
 * byte is inflated. Only the entries a reader asks for are inflated, each into an array of exactly
 * its declared size, and only when:
 * <ul>
 *   <li>the declared size is at most the caller's limit (e.g. the size the point data must have)
 *       and at most {@link #MAX_ENTRY_BYTES};</li>
 *   <li>the compression ratio (uncompressed / compressed) is at most {@link #MAX_RATIO} for entries
 *       above {@link #RATIO_FREE_BYTES}: every allocation is thus bounded by a fixed multiple of
 *       the bytes actually present in the file;</li>
 *   <li>the declared sizes of all entries together stay within {@link #MAX_TOTAL_BYTES}.</li>
 * </ul>
 * An entry that inflates to more or fewer bytes than declared is refused (a lying header). So a zip
 * bomb is refused from its directory, before anything is inflated. Each inflated entry must match
 * the CRC-32 of its directory entry.
 *
 * <p>Safety: nothing is ever written to disk; still, an archive whose entry names try to leave the
 * archive folder ({@code ..} segments, absolute paths, drive letters, backslashes) is refused as
 * malformed (zip-slip). An archive without its end-of-central-directory record, or whose directory
 * points past the end of the file, is reported as truncated. ZIP64 and encrypted entries are refused.
 */
final class X3pArchive {

    /** Largest uncompressed entry, bytes (256 MiB: 32 M float64 points). */
    static final long MAX_ENTRY_BYTES = 256L << 20;
    /** Largest sum of the declared uncompressed sizes of all entries, bytes. */
    static final long MAX_TOTAL_BYTES = 512L << 20;
    /** Largest compression ratio (uncompressed / compressed) of an entry above {@link #RATIO_FREE_BYTES}. */
    static final long MAX_RATIO = 100;
    /** Entries up to this size (1 MiB) may have any compression ratio. */
    static final long RATIO_FREE_BYTES = 1L << 20;

    private record Entry(String name, int method, long compressed, long size, long localHeader, int flags, long crc) {
    }

    private final String source;
    private final byte[] zip;
    private final Map<String, Entry> entries;

    private X3pArchive(String source, byte[] zip, Map<String, Entry> entries) {
        this.source = source;
        this.zip = zip;
        this.entries = entries;
    }

    static X3pArchive read(String source, byte[] zip) throws ProfileFormatException {
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            throw new ProfileFormatException(source,
                    "truncated or not a zip archive: no end-of-central-directory record");
        }
        int declared = u16(zip, eocd + 10);
        long cdSize = u32(zip, eocd + 12);
        long cdOffset = u32(zip, eocd + 16);
        if (cdOffset + cdSize > eocd) {
            throw new ProfileFormatException(source, "truncated archive: the central directory (" + cdSize
                    + " bytes at " + cdOffset + ") lies past the end of the data (" + eocd + " bytes)");
        }
        Map<String, Entry> map = new LinkedHashMap<>();
        long total = 0;
        int p = (int) cdOffset;
        for (int i = 0; i < declared; i++) {
            if (p + 46 > eocd || u32(zip, p) != 0x02014b50L) {
                throw new ProfileFormatException(source, "truncated archive: its directory lists " + declared
                        + " entries but only " + i + " could be read");
            }
            int flags = u16(zip, p + 8);
            int method = u16(zip, p + 10);
            long crc = u32(zip, p + 16);
            long csize = u32(zip, p + 20);
            long usize = u32(zip, p + 24);
            int nameLen = u16(zip, p + 28);
            int extraLen = u16(zip, p + 30);
            int commentLen = u16(zip, p + 32);
            long local = u32(zip, p + 42);
            if (p + 46L + nameLen > eocd) {
                throw new ProfileFormatException(source, "truncated archive: directory entry " + i + " is cut off");
            }
            String name = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
            checkName(source, name);
            if (csize == 0xFFFFFFFFL || usize == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw new ProfileFormatException(source, "archive entry '" + name + "' uses ZIP64, not supported");
            }
            if (!name.endsWith("/")) {
                total += usize;
                if (total > MAX_TOTAL_BYTES) {
                    throw new ProfileFormatException(source, "archive entries declare " + total + " bytes uncompressed"
                            + " in total, more than the limit of " + MAX_TOTAL_BYTES + " bytes (zip bomb?)");
                }
                if (map.put(name, new Entry(name, method, csize, usize, local, flags, crc)) != null) {
                    throw new ProfileFormatException(source, "archive holds entry '" + name + "' twice");
                }
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return new X3pArchive(source, zip, map);
    }

    /** True when the archive lists the entry. */
    boolean has(String name) {
        return entries.containsKey(name);
    }

    /** Declared uncompressed size of the entry, or −1 when absent. */
    long declaredSize(String name) {
        Entry e = entries.get(name);
        return e == null ? -1 : e.size();
    }

    /**
     * The entry's bytes, or null when the archive does not hold it.
     *
     * @param limit largest acceptable uncompressed size, bytes (also capped by {@link #MAX_ENTRY_BYTES})
     */
    byte[] entry(String name, long limit) throws ProfileFormatException {
        Entry e = entries.get(name);
        if (e == null) {
            return null;
        }
        long max = Math.min(limit, MAX_ENTRY_BYTES);
        if (e.size() > max) {
            throw new ProfileFormatException(source, "archive entry '" + name + "' declares " + e.size()
                    + " bytes uncompressed, more than the " + max + " bytes it may hold here");
        }
        if (e.size() > RATIO_FREE_BYTES && e.size() > MAX_RATIO * Math.max(1, e.compressed())) {
            throw new ProfileFormatException(source, "archive entry '" + name + "' has a compression ratio of "
                    + e.size() / Math.max(1, e.compressed()) + ":1 (" + e.compressed() + " -> " + e.size()
                    + " bytes), above the limit of " + MAX_RATIO + ":1 (zip bomb?)");
        }
        if ((e.flags() & 1) != 0) {
            throw new ProfileFormatException(source, "archive entry '" + name + "' is encrypted");
        }
        long lh = e.localHeader();
        if (lh + 30 > zip.length || u32(zip, (int) lh) != 0x04034b50L) {
            throw new ProfileFormatException(source, "truncated or corrupt archive: no local header for '" + name + "'");
        }
        long start = lh + 30 + u16(zip, (int) lh + 26) + u16(zip, (int) lh + 28);
        if (start + e.compressed() > zip.length) {
            throw new ProfileFormatException(source, "truncated archive: entry '" + name + "' is cut off");
        }
        byte[] out = new byte[(int) e.size()];
        if (e.method() == 0) {
            if (e.compressed() != e.size()) {
                throw new ProfileFormatException(source, "archive entry '" + name + "' is stored with sizes "
                        + e.compressed() + " and " + e.size() + " that differ");
            }
            System.arraycopy(zip, (int) start, out, 0, out.length);
            return checkCrc(e, out);
        }
        if (e.method() != 8) {
            throw new ProfileFormatException(source, "archive entry '" + name + "' uses compression method "
                    + e.method() + " (only stored and deflated are read)");
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(zip, (int) start, (int) e.compressed());
            int n = 0;
            while (n < out.length && !inf.finished()) {
                int r = inf.inflate(out, n, out.length - n);
                if (r == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += r;
            }
            boolean more = !inf.finished() && inf.inflate(new byte[1]) > 0;
            if (n != out.length || more) {
                throw new ProfileFormatException(source, "archive entry '" + name + "' inflates to "
                        + (more ? "more" : String.valueOf(n)) + " bytes, its header declares " + e.size()
                        + (n < out.length ? ": truncated or corrupt" : ""));
            }
            return checkCrc(e, out);
        } catch (DataFormatException ex) {
            throw new ProfileFormatException(source, "corrupt archive entry '" + name + "': " + ex.getMessage(), ex);
        } finally {
            inf.end();
        }
    }

    private byte[] checkCrc(Entry e, byte[] out) throws ProfileFormatException {
        CRC32 crc = new CRC32();
        crc.update(out);
        if (crc.getValue() != e.crc()) {
            throw new ProfileFormatException(source, "archive entry '" + e.name() + "' fails its CRC-32 check: corrupt");
        }
        return out;
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

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFFFFFFL;
    }
}
