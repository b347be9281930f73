package org.sinterscope.inspection.crack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sinterscope.inspection.classify.BundleZip;
import org.sinterscope.inspection.classify.ModelBundleException;

/**
 * A trained crack segmenter in one file: a zip holding {@code metadata.json}
 * ({@link SegmenterMetadata}) and {@code graph.sd}, the SameDiff graph from placeholder
 * {@value #INPUT} ({@code [n, 1, h, w]} float, normalised by {@link SegmenterInput}, sides
 * multiples of {@code inputMultiplePx}) to {@value #OUTPUT} ({@code [n, 1, h, w]}, crack
 * probability in [0, 1]).
 *
 * <p>{@link #load} reads everything into memory and checks it (zip, entries, format and version,
 * graph checksum, input and output names, a dry run on a blank 32 × 32 input giving a
 * probability map of the same size) before it returns; any failure is a
 * {@link ModelBundleException} naming the source. Reading the file is the caller's business.
 */
public final class SegmenterBundle {

    public static final String INPUT = "input";
    public static final String OUTPUT = "probability";
    static final String METADATA_ENTRY = "metadata.json";
    static final String GRAPH_ENTRY = "graph.sd";
    private static final int MAX_BYTES = 64 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final SegmenterMetadata metadata;
    private final byte[] graphBytes;

    private SegmenterBundle(SegmenterMetadata metadata, byte[] graphBytes) {
        this.metadata = metadata;
        this.graphBytes = graphBytes;
    }

    /** A bundle of a freshly trained inference graph; its checksum goes into the metadata. */
    public static SegmenterBundle of(SegmenterMetadata metadata, SameDiff graph) throws ModelBundleException {
        Objects.requireNonNull(metadata, "metadata");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        byte[] bytes = out.toByteArray();
        SegmenterBundle b = new SegmenterBundle(metadata.withGraphSha256(BundleZip.sha256(bytes)), bytes);
        b.check("new crack segmenter");
        return b;
    }

    /**
     * Reads and checks a bundle.
     *
     * @param in     the bundle's bytes (read to the end, not closed)
     * @param source what to call it in messages, such as its file name
     */
    public static SegmenterBundle load(InputStream in, String source) throws ModelBundleException {
        Map<String, byte[]> entries = BundleZip.read(in, "crack segmenter", source, MAX_BYTES, "crack-segmenter",
                METADATA_ENTRY, GRAPH_ENTRY);
        SegmenterMetadata md;
        try {
            md = JSON.readValue(entries.get(METADATA_ENTRY), SegmenterMetadata.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelBundleException("crack segmenter " + source + " has unreadable metadata: " + e.getMessage(), e);
        }
        if (!SegmenterMetadata.FORMAT.equals(md.format())) {
            throw new ModelBundleException("crack segmenter " + source + " has format '" + md.format() + "', expected '"
                    + SegmenterMetadata.FORMAT + "'");
        }
        if (md.formatVersion() != SegmenterMetadata.FORMAT_VERSION) {
            throw new ModelBundleException("crack segmenter " + source + " has format version " + md.formatVersion()
                    + "; this Sinterscope reads version " + SegmenterMetadata.FORMAT_VERSION + " only");
        }
        byte[] graph = entries.get(GRAPH_ENTRY);
        String sha = BundleZip.sha256(graph);
        if (!sha.equals(md.graphSha256())) {
            throw new ModelBundleException("crack segmenter " + source + ": graph checksum " + sha
                    + " differs from its metadata (" + md.graphSha256() + "): corrupt bundle");
        }
        SegmenterBundle b = new SegmenterBundle(md, graph);
        b.check(source);
        return b;
    }

    private void check(String source) throws ModelBundleException {
        SameDiff sd;
        try {
            sd = newGraph();
        } catch (RuntimeException e) {
            throw new ModelBundleException("crack segmenter " + source + ": the graph does not load: " + e.getMessage(), e);
        }
        if (!sd.hasVariable(INPUT) || !sd.hasVariable(OUTPUT)) {
            throw new ModelBundleException("crack segmenter " + source + ": the graph lacks its '" + INPUT + "' input or its '"
                    + OUTPUT + "' output");
        }
        INDArray out;
        try (INDArray blank = Nd4j.zeros(DataType.FLOAT, 1, 1, 32, 32)) {
            out = sd.output(Map.of(INPUT, blank), OUTPUT).get(OUTPUT);
        } catch (RuntimeException e) {
            throw new ModelBundleException("crack segmenter " + source + ": the graph does not run on a 32x32 input: "
                    + e.getMessage(), e);
        }
        if (!Arrays.equals(out.shape(), new long[] {1, 1, 32, 32})) {
            throw new ModelBundleException("crack segmenter " + source + ": a 32x32 input gives output of shape "
                    + Arrays.toString(out.shape()) + ", expected [1, 1, 32, 32]");
        }
        double min = out.minNumber().doubleValue();
        double max = out.maxNumber().doubleValue();
        if (!(min >= 0 && max <= 1)) {
            throw new ModelBundleException("crack segmenter " + source + ": output is not a probability (" + min + ".." + max + ")");
        }
    }

    /**
     * The same graph with other metadata (a re-calibration: input normalisation, threshold,
     * figures); the metadata must keep this graph's checksum.
     */
    public SegmenterBundle withMetadata(SegmenterMetadata md) throws ModelBundleException {
        Objects.requireNonNull(md, "metadata");
        if (!BundleZip.sha256(graphBytes).equals(md.graphSha256())) {
            throw new ModelBundleException("new metadata names graph " + md.graphSha256() + ", not this bundle's graph");
        }
        SegmenterBundle b = new SegmenterBundle(md, graphBytes);
        b.check("re-calibrated crack segmenter");
        return b;
    }

    /** Writes the bundle as a zip (reproducible bytes: no time stamps) to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(METADATA_ENTRY, JSON.writeValueAsBytes(metadata));
        entries.put(GRAPH_ENTRY, graphBytes);
        BundleZip.write(out, entries);
    }

    /** A fresh, independent graph instance (output cache off: see {@code ModelBundle.newGraph}). */
    public SameDiff newGraph() {
        return BundleZip.graph(graphBytes);
    }

    public SegmenterMetadata metadata() {
        return metadata;
    }

    /** Metadata as JSON text. */
    public String metadataJson() {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write metadata as JSON: " + e.getMessage(), e);
        }
    }


    @Override
    public String toString() {
        return "SegmenterBundle[" + metadata.architecture() + ", threshold " + metadata.threshold() + "]";
    }
}
