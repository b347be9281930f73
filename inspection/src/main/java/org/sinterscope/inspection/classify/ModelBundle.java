package org.sinterscope.inspection.classify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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

/**
 * A trained classifier in one file: a zip holding
 * <ul>
 *   <li>{@code metadata.json}: {@link BundleMetadata} (format, classes in order, input size,
 *   patch settings, seed, training time, data hash, evaluation figures, graph checksum);</li>
 *   <li>{@code normalizer.json}: the {@link Normalizer} fitted on the training split;</li>
 *   <li>{@code graph.sd}: the SameDiff inference graph, placeholder {@value #INPUT}
 *   ({@code [n, 1, size, size]} float) to output {@value #OUTPUT} ({@code [n, classes]}).</li>
 * </ul>
 *
 * <p>{@link #load} reads everything into memory and checks all of it (zip integrity, entries,
 * format and version, metadata consistency, graph checksum, graph inputs and outputs, and a dry
 * run on a blank patch) before it returns; any failure is a {@link ModelBundleException} naming
 * the source, with no side effect, so the caller keeps the model it had. Reading from a file is
 * the caller's business ({@code inspection} does no file I/O).
 *
 * <p>Immutable. The graph instance held here is used only for validation; classifiers make their
 * own instances with {@link #newGraph()}.
 */
public final class ModelBundle {

    public static final String INPUT = "input";
    public static final String OUTPUT = "probabilities";
    static final String METADATA_ENTRY = "metadata.json";
    static final String NORMALIZER_ENTRY = "normalizer.json";
    static final String GRAPH_ENTRY = "graph.sd";
    /** No honest bundle is this large; a bigger stream is refused rather than read into memory. */
    private static final int MAX_BYTES = 256 << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final BundleMetadata metadata;
    private final Normalizer normalizer;
    private final byte[] graphBytes;

    private ModelBundle(BundleMetadata metadata, Normalizer normalizer, byte[] graphBytes) {
        this.metadata = metadata;
        this.normalizer = normalizer;
        this.graphBytes = graphBytes;
    }

    /**
     * A bundle of a freshly trained graph. The graph is serialised now (without updater state) and
     * its checksum written into the metadata.
     *
     * @throws ModelBundleException when the graph does not pass the same checks as a loaded bundle
     */
    public static ModelBundle of(BundleMetadata metadata, Normalizer normalizer, SameDiff graph) throws ModelBundleException {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(normalizer, "normalizer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        graph.save(out, false);
        byte[] bytes = out.toByteArray();
        BundleMetadata md = metadata.withGraphSha256(BundleZip.sha256(bytes));
        ModelBundle b = new ModelBundle(md, normalizer, bytes);
        b.check("new bundle");
        return b;
    }

    /**
     * Reads and checks a bundle.
     *
     * @param in     the bundle's bytes (read to the end, not closed)
     * @param source what to call it in messages, such as its file name
     */
    public static ModelBundle load(InputStream in, String source) throws ModelBundleException {
        Map<String, byte[]> entries = BundleZip.read(in, "model bundle", source, MAX_BYTES, "classifier",
                METADATA_ENTRY, NORMALIZER_ENTRY, GRAPH_ENTRY);
        BundleMetadata md;
        Normalizer norm;
        try {
            md = JSON.readValue(entries.get(METADATA_ENTRY), BundleMetadata.class);
            norm = JSON.readValue(entries.get(NORMALIZER_ENTRY), Normalizer.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ModelBundleException("model bundle " + source + " has unreadable metadata: " + rootMessage(e), e);
        }
        if (!BundleMetadata.FORMAT.equals(md.format())) {
            throw new ModelBundleException("model bundle " + source + " has format '" + md.format() + "', expected '"
                    + BundleMetadata.FORMAT + "'");
        }
        if (md.formatVersion() != BundleMetadata.FORMAT_VERSION) {
            throw new ModelBundleException("model bundle " + source + " has format version " + md.formatVersion()
                    + "; this Sinterscope reads version " + BundleMetadata.FORMAT_VERSION + " only");
        }
        byte[] graph = entries.get(GRAPH_ENTRY);
        String sha = BundleZip.sha256(graph);
        if (!sha.equals(md.graphSha256())) {
            throw new ModelBundleException("model bundle " + source + ": graph checksum " + sha
                    + " differs from the one in its metadata (" + md.graphSha256() + "): corrupt bundle");
        }
        ModelBundle b = new ModelBundle(md, norm, graph);
        b.check(source);
        return b;
    }

    /** Loads the graph, checks its input and output names and does a dry run on a blank patch. */
    private void check(String source) throws ModelBundleException {
        SameDiff sd;
        try {
            sd = newGraph();
        } catch (RuntimeException e) {
            throw new ModelBundleException("model bundle " + source + ": the graph does not load: " + rootMessage(e), e);
        }
        if (!sd.hasVariable(INPUT) || !sd.hasVariable(OUTPUT)) {
            throw new ModelBundleException("model bundle " + source + ": the graph lacks its '" + INPUT + "' input or its '"
                    + OUTPUT + "' output");
        }
        int s = metadata.inputSizePx();
        INDArray out;
        try (INDArray blank = Nd4j.zeros(DataType.FLOAT, 1, 1, s, s)) {
            out = sd.output(Map.of(INPUT, blank), OUTPUT).get(OUTPUT);
        } catch (RuntimeException e) {
            throw new ModelBundleException("model bundle " + source + ": the graph does not run on a " + s + "x" + s
                    + " patch: " + rootMessage(e), e);
        }
        long[] shape = out.shape();
        int n = metadata.classes().size();
        if (shape.length != 2 || shape[0] != 1 || shape[1] != n) {
            throw new ModelBundleException("model bundle " + source + ": the graph gives output of shape "
                    + java.util.Arrays.toString(shape) + " but the metadata lists " + n + " classes");
        }
        double sum = out.sumNumber().doubleValue();
        if (!(Math.abs(sum - 1) < 1e-3)) {
            throw new ModelBundleException("model bundle " + source + ": the graph's output is not a probability (sums to " + sum + ")");
        }
    }

    /** Writes the bundle as a zip to {@code out} (not closed). */
    public void write(OutputStream out) throws IOException {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        entries.put(METADATA_ENTRY, JSON.writeValueAsBytes(metadata));
        entries.put(NORMALIZER_ENTRY, JSON.writeValueAsBytes(normalizer));
        entries.put(GRAPH_ENTRY, graphBytes);
        BundleZip.write(out, entries);
    }

    /**
     * A fresh, independent instance of the inference graph (one per concurrent user), with
     * SameDiff's output cache off: in DL4J 1.0.0-M2.1 a cached graph answers a second input of the
     * same shape partly from the first one (see {@code GraphReuseTest}).
     */
    public SameDiff newGraph() {
        return BundleZip.graph(graphBytes);
    }

    public BundleMetadata metadata() {
        return metadata;
    }

    public Normalizer normalizer() {
        return normalizer;
    }

    /** Size of the serialised graph, bytes. */
    public int graphSizeBytes() {
        return graphBytes.length;
    }

    /** The metadata as JSON text (for tools that print it). */
    public String metadataJson() {
        try {
            return new String(JSON.writeValueAsBytes(metadata), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write metadata as JSON: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    @Override
    public String toString() {
        return "ModelBundle" + metadata.classes() + " " + metadata.inputSizePx() + "px, trained " + metadata.trainedAt();
    }
}
