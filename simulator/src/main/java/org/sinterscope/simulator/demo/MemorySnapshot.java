package org.sinterscope.simulator.demo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacpp.Pointer;

/**
 * The process's memory at one moment, MB (10⁶ bytes).
 *
 * @param rssMb          resident set size ({@code VmRSS} of /proc/self/status); NaN where there is no /proc
 * @param heapCommittedMb Java heap the JVM holds from the system
 * @param heapUsedMb     Java heap in use
 * @param nativeMb       rssMb − heapUsedMb: memory outside the Java heap (OpenCV Mats, ND4J
 *                       buffers, metaspace, code, thread stacks), an upper bound of the native part
 *                       (heap in use has been touched, so it is resident; committed heap need not be,
 *                       and subtracting it could give a negative figure with a small young generation)
 * @param javacppMb      bytes JavaCPP (ND4J's native buffers) has allocated and not freed
 */
public record MemorySnapshot(double rssMb, double heapCommittedMb, double heapUsedMb, double nativeMb, double javacppMb) {

    /** The memory now. */
    public static MemorySnapshot now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        double rss = residentMb();
        double committed = heap.getCommitted() / 1e6;
        double used = heap.getUsed() / 1e6;
        return new MemorySnapshot(rss, committed, used, rss - used, Pointer.totalBytes() / 1e6);
    }

    private static double residentMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    // "VmRSS:   123456 kB"
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024 / 1e6;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
