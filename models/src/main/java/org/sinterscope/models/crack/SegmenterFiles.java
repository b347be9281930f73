package org.sinterscope.models.crack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.crack.SegmenterBundle;

/** Crack-segmenter bundles as files: atomic writes (temp file + move), reads with clear errors. */
public final class SegmenterFiles {

    /** The shipped default bundle, relative to the project folder. */
    public static final String DEFAULT_PATH = "models/bundles/default-crack-segmenter.zip";

    private SegmenterFiles() {
    }

    /** Reads and checks the bundle in {@code file}. */
    public static SegmenterBundle read(Path file) throws ModelBundleException {
        try (InputStream in = Files.newInputStream(file)) {
            return SegmenterBundle.load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelBundleException("crack segmenter " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelBundleException("cannot read crack segmenter " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code bundle} to {@code file} atomically. */
    public static void write(SegmenterBundle bundle, Path file) throws IOException {
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
