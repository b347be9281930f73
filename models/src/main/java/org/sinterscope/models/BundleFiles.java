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

    /** Reads a bundle's bytes from a stream (the bundle classes' {@code load}). */
    @FunctionalInterface
    public interface BundleLoader<B> {
        B load(InputStream in, String source) throws ModelBundleException, IOException;
    }

    /** Writes a bundle's bytes to a stream (the bundle classes' {@code write}). */
    @FunctionalInterface
    public interface BundleWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Reads and checks the bundle in {@code file}. */
    public static ModelBundle read(Path file) throws ModelBundleException {
        return read(file, "model bundle", ModelBundle::load);
    }

    /** Reads a bundle of any kind from {@code file}; errors name it as {@code what} and the file. */
    public static <B> B read(Path file, String what, BundleLoader<B> loader) throws ModelBundleException {
        try (InputStream in = Files.newInputStream(file)) {
            return loader.load(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ModelBundleException(what + " " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ModelBundleException("cannot read " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code bundle} to {@code file} atomically (a reader never sees half a bundle). */
    public static void write(ModelBundle bundle, Path file) throws IOException {
        writeAtomically(file, bundle::write);
    }

    /** Writes {@code file} through a temporary file moved into place, so a reader never sees half of it. */
    public static void writeAtomically(Path file, BundleWriter writer) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
