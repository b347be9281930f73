package org.sinterscope.camera;

import com.sun.jna.Memory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class GlibcMallocTest {

    /**
     * 1600 blocks of 64 KB (below glibc's mmap threshold: they come from the arena) are written and
     * freed except the last, which pins the arena's top: free() alone cannot shrink the arena, so
     * the 100 MB stay resident until malloc_trim(0) gives the free pages in the middle back.
     */
    @Test
    void trim_gives_back_freed_arena_pages_below_a_pinned_top() throws IOException {
        Optional<GlibcMalloc> malloc = GlibcMalloc.load();
        assumeTrue(malloc.isPresent(), "not Linux with glibc");
        List<Memory> blocks = new ArrayList<>();
        for (int i = 0; i < 1600; i++) {
            Memory m = new Memory(64 * 1024);
            m.clear();
            blocks.add(m);
        }
        Memory pin = blocks.remove(blocks.size() - 1);
        blocks.forEach(Memory::close);
        long before = rssKb();
        boolean released = malloc.get().trim();
        long after = rssKb();
        pin.close();
        assertTrue(released, "malloc_trim(0) released nothing");
        assertTrue(before - after > 50_000, "RSS " + before + " kB before the trim, " + after + " kB after: expected >= 50 MB back");
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}
