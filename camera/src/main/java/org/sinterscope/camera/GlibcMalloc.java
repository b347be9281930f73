package org.sinterscope.camera;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

import java.util.Optional;

/**
 * glibc's {@code malloc_trim(0)}, through JNA: hands the free pages of every malloc arena back to
 * the kernel ({@code madvise(MADV_DONTNEED)} on whole free pages, also in the middle of an arena
 * whose top is pinned by a small live allocation). Frame buffers (4 MB) that OpenCV frees land in
 * per-thread arenas and stay resident there until such a trim; see docs/performance.md, "Memory
 * over long runs".
 *
 * <p>{@link #load()} is empty on anything but Linux with glibc (musl, macOS, Windows): there is
 * nothing to trim there, and the caller runs without it.
 */
public final class GlibcMalloc {

    /** The two glibc entry points used. */
    interface LibC extends Library {
        /** {@code int malloc_trim(size_t pad)}: 1 if memory was released to the system, 0 if not. */
        int malloc_trim(long pad);

        /** {@code const char *gnu_get_libc_version(void)}: present only in glibc. */
        String gnu_get_libc_version();
    }

    private final LibC libc;
    private final String version;

    private GlibcMalloc(LibC libc, String version) {
        this.libc = libc;
        this.version = version;
    }

    /** glibc's malloc, or empty when this is not Linux with glibc (or JNA cannot load it). */
    public static Optional<GlibcMalloc> load() {
        if (!Platform.isLinux()) {
            return Optional.empty();
        }
        try {
            LibC c = Native.load("c", LibC.class);
            return Optional.of(new GlibcMalloc(c, c.gnu_get_libc_version()));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            return Optional.empty();
        }
    }

    /** {@code malloc_trim(0)}: true if glibc released memory to the system. */
    public boolean trim() {
        return libc.malloc_trim(0) == 1;
    }

    /** glibc's version string, e.g. {@code 2.36}. */
    public String version() {
        return version;
    }
}
