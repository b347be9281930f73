package org.sinterscope.models.crack;

import java.io.IOException;
import java.nio.file.Path;

import org.sinterscope.inspection.classify.ModelBundleException;
import org.sinterscope.inspection.crack.SegmenterBundle;
import org.sinterscope.models.BundleFiles;

/** Crack-segmenter bundles as files: atomic writes (temp file + move), reads with clear errors. */
public final class SegmenterFiles {

    /** The shipped default bundle, relative to the project folder. */
    public static final String DEFAULT_PATH = "models/bundles/default-crack-segmenter.zip";

    private SegmenterFiles() {
    }

    /**
     * The shipped default bundle: {@value #DEFAULT_PATH} in {@code from} or the nearest folder above
     * it that has one; {@code from}/{@value #DEFAULT_PATH} when none has (reading it then names that path).
     */
    public static Path findDefault(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve(DEFAULT_PATH);
            if (java.nio.file.Files.isRegularFile(f)) {
                return f;
            }
        }
        return from.toAbsolutePath().resolve(DEFAULT_PATH);
    }

    /** Reads and checks the bundle in {@code file}. */
    public static SegmenterBundle read(Path file) throws ModelBundleException {
        return BundleFiles.read(file, "crack segmenter", SegmenterBundle::load);
    }

    /** Writes {@code bundle} to {@code file} atomically. */
    public static void write(SegmenterBundle bundle, Path file) throws IOException {
        BundleFiles.writeAtomically(file, bundle::write);
    }
}
