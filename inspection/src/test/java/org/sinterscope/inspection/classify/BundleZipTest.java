package org.sinterscope.inspection.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The bundle zip's read limits: the compressed size and, for zip bombs, the inflated size. */
class BundleZipTest {

    private static byte[] zip(LinkedHashMap<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BundleZip.write(out, entries);
        return out.toByteArray();
    }

    @Test
    void entries_that_fit_the_budget_are_read_back_whole() throws Exception {
        LinkedHashMap<String, byte[]> in = new LinkedHashMap<>();
        in.put("metadata.json", "{}".getBytes());
        in.put("graph.sd", new byte[60_000]);
        Map<String, byte[]> out = BundleZip.read(new ByteArrayInputStream(zip(in)), "bundle", "b.zip", 64 * 1024,
                "test", "metadata.json", "graph.sd");
        assertArrayEquals(in.get("metadata.json"), out.get("metadata.json"));
        assertEquals(60_000, out.get("graph.sd").length);
    }

    @Test
    void entries_that_inflate_past_the_budget_are_refused_as_a_zip_bomb() throws Exception {
        LinkedHashMap<String, byte[]> in = new LinkedHashMap<>();
        in.put("metadata.json", "{}".getBytes());
        in.put("a.bin", new byte[40_000]);
        in.put("b.bin", new byte[40_000]); // each fits alone, together they do not
        byte[] bomb = zip(in);
        assertTrue(bomb.length < 2_000, "zeros compress: " + bomb.length + " bytes");
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> BundleZip.read(new ByteArrayInputStream(bomb), "bundle", "bomb.zip", 64 * 1024, "test"));
        assertTrue(e.getMessage().contains("bomb.zip") && e.getMessage().contains("inflate to more than 65536 bytes")
                && e.getMessage().contains("b.bin"), e.getMessage());
    }

    @Test
    void a_stream_larger_than_the_budget_is_refused_before_it_is_unpacked() throws Exception {
        LinkedHashMap<String, byte[]> in = new LinkedHashMap<>();
        byte[] noise = new byte[20_000];
        new java.util.Random(3).nextBytes(noise); // incompressible
        in.put("graph.sd", noise);
        ModelBundleException e = assertThrows(ModelBundleException.class,
                () -> BundleZip.read(new ByteArrayInputStream(zip(in)), "bundle", "big.zip", 10_000, "test"));
        assertTrue(e.getMessage().contains("big.zip is larger than"), e.getMessage());
    }
}
