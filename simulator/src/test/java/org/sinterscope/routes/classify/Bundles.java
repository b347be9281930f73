package org.sinterscope.routes.classify;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Assumptions;
import org.sinterscope.inspection.classify.BundleMetadata;
import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.ModelBundleException;

/** The shipped default bundle, found from the routes module folder, and variants of it for tests. */
final class Bundles {

    private Bundles() {
    }

    /** {@code models/bundles/default-classifier.zip} of this project; skips the test when it is absent. */
    static Path defaultBundle() {
        Path p = Path.of("").toAbsolutePath().resolveSibling("models").resolve("bundles").resolve("default-classifier.zip");
        Assumptions.assumeTrue(Files.isRegularFile(p), "the default bundle is not at " + p);
        return p;
    }

    /** The same model re-written with another training time: a different bundle file that loads. */
    static byte[] retimed(Path bundle, String trainedAt) throws IOException, ModelBundleException {
        ModelBundle b = ModelBundle.load(new ByteArrayInputStream(Files.readAllBytes(bundle)), bundle.toString());
        BundleMetadata m = b.metadata();
        BundleMetadata n = new BundleMetadata(m.format(), m.formatVersion(), m.classes(), m.inputSizePx(), m.channels(),
                m.patch(), m.architecture(), m.parameterCount(), m.seed(), trainedAt, m.trainingSeconds(), m.dataHash(),
                m.samples(), m.evaluation(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelBundle.of(n, b.normalizer(), b.newGraph()).write(out);
        return out.toByteArray();
    }

    /** Puts {@code bytes} at {@code target} the way a promotion should: write aside, then move over. */
    static void promote(byte[] bytes, Path target) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "promote", ".part");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
