package org.sinterscope.simulator.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.bytedeco.javacpp.Pointer;
import org.sinterscope.routes.memory.ResidentMemory;

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
        long b = ResidentMemory.bytes();
        double rss = b < 0 ? Double.NaN : b / 1e6;
        double committed = heap.getCommitted() / 1e6;
        double used = heap.getUsed() / 1e6;
        return new MemorySnapshot(rss, committed, used, rss - used, Pointer.totalBytes() / 1e6);
    }
}
