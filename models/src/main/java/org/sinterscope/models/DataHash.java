package org.sinterscope.models;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.sinterscope.inspection.classify.BundleZip;

/** The identity of a training data set as bundles record it. */
public final class DataHash {

    private DataHash() {
    }

    /** SHA-256 (hex) over {@code lines}, each followed by a newline, in the order given (callers sort them). */
    public static String ofLines(Collection<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return BundleZip.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
