package org.sinterscope.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sinterscope.inspection.classify.ModelBundle;
import org.sinterscope.inspection.classify.ModelBundleException;

/** Model bundles as files: atomic writes (temp file + move) and reads with clear errors. */
public final class BundleFiles {

    private BundleFiles() {
    }

    /** Reads and checks the bundle in {@code file}. */
    public static ModelBundle read(Path file) throws ModelBundleException {
        try (InputStream in = Files.newInputStream(file)) {
            return ModelBundle.load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelBundleException("model bundle " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelBundleException("cannot read model bundle " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code bundle} to {@code file} atomically (a reader never sees half a bundle). */
    public static void write(ModelBundle bundle, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                bundle.write(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
