package org.sinterscope.routes.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The resident set of this process: {@code VmRSS} of /proc/self/status. */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /** Resident bytes of this process; -1 where there is no /proc or it cannot be read. */
    public static long bytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:   123456 kB"
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
