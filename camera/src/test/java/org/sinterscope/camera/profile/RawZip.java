package org.sinterscope.camera.profile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Builds zip archives byte by byte, so tests can declare sizes and ratios a normal writer never would. */
final class RawZip {

    /** One entry: name, deflated bytes, the CRC and uncompressed size to declare. */
    record Entry(String name, byte[] deflated, long crc, long declaredSize) {
    }

    private final List<Entry> entries = new ArrayList<>();

    RawZip add(String name, byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        entries.add(new Entry(name, deflate(content, 1), crc.getValue(), content.length));
        return this;
    }

    RawZip add(Entry e) {
        entries.add(e);
        return this;
    }

    /** An entry of {@code size} zero bytes, deflated in 1 MiB chunks (the zeros never exist at once). */
    static Entry zeros(String name, long size) {
        Deflater d = new Deflater(9, true);
        byte[] chunk = new byte[1 << 20];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        CRC32 crc = new CRC32();
        for (long done = 0; done < size; done += chunk.length) {
            int len = (int) Math.min(chunk.length, size - done);
            crc.update(chunk, 0, len);
            d.setInput(chunk, 0, len);
            while (!d.needsInput()) {
                out.write(buf, 0, d.deflate(buf));
            }
        }
        d.finish();
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return new Entry(name, out.toByteArray(), crc.getValue(), size);
    }

    static byte[] deflate(byte[] content, int level) {
        Deflater d = new Deflater(level, true);
        d.setInput(content);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            u32(out, 0x04034b50L);
            u16(out, 20);
            u16(out, 0);
            u16(out, 8);
            u32(out, 0);
            u32(out, e.crc());
            u32(out, e.deflated().length);
            u32(out, e.declaredSize());
            u16(out, name.length);
            u16(out, 0);
            out.writeBytes(name);
            out.writeBytes(e.deflated());
        }
        int cd = out.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            u32(out, 0x02014b50L);
            u16(out, 20);
            u16(out, 20);
            u16(out, 0);
            u16(out, 8);
            u32(out, 0);
            u32(out, e.crc());
            u32(out, e.deflated().length);
            u32(out, e.declaredSize());
            u16(out, name.length);
            u16(out, 0);
            u16(out, 0);
            u16(out, 0);
            u16(out, 0);
            u32(out, 0);
            u32(out, offsets.get(i));
            out.writeBytes(name);
        }
        int cdSize = out.size() - cd;
        u32(out, 0x06054b50L);
        u16(out, 0);
        u16(out, 0);
        u16(out, entries.size());
        u16(out, entries.size());
        u32(out, cdSize);
        u32(out, cd);
        u16(out, 0);
        return out.toByteArray();
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xff);
        out.write((v >> 8) & 0xff);
    }

    private static void u32(ByteArrayOutputStream out, long v) {
        u16(out, (int) (v & 0xffff));
        u16(out, (int) ((v >> 16) & 0xffff));
    }
}
