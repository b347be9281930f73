package org.sinterscope.models;

import java.util.List;
import java.util.Objects;

/**
 * Prepared patches in memory with their labels: patch {@code i} is
 * {@code values[i·size² … (i+1)·size²)}, its class {@code classes.get(labels[i])}.
 *
 * @param classes class names, index = label
 * @param sizePx  patch side, px
 * @param values  patch values as {@link org.sinterscope.inspection.classify.PatchPreparer} makes them
 * @param labels  class index per patch
 * @param sources where each patch came from (file or simulator position), for messages
 */
public record PatchSet(List<String> classes, int sizePx, float[] values, int[] labels, List<String> sources) {

    public PatchSet {
        classes = List.copyOf(classes);
        sources = List.copyOf(sources);
        Objects.requireNonNull(values, "values");
        if ((long) labels.length * sizePx * sizePx != values.length || sources.size() != labels.length) {
            throw new IllegalArgumentException("patch set of " + labels.length + " labels and " + sources.size()
                    + " sources needs " + ((long) labels.length * sizePx * sizePx) + " values of " + sizePx
                    + "x" + sizePx + " patches, got " + values.length);
        }
        for (int l : labels) {
            if (l < 0 || l >= classes.size()) {
                throw new IllegalArgumentException("label " + l + " is not a class index of " + classes);
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int valuesPerPatch() {
        return sizePx * sizePx;
    }

    /** Number of patches per class index. */
    public int[] countsPerClass() {
        int[] n = new int[classes.size()];
        for (int l : labels) {
            n[l]++;
        }
        return n;
    }

    /** The patches at {@code indices}, in that order. */
    public PatchSet subset(int[] indices) {
        int v = valuesPerPatch();
        float[] vals = new float[indices.length * v];
        int[] labs = new int[indices.length];
        String[] src = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(values, indices[i] * v, vals, i * v, v);
            labs[i] = labels[indices[i]];
            src[i] = sources.get(indices[i]);
        }
        return new PatchSet(classes, sizePx, vals, labs, List.of(src));
    }
}
