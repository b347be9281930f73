package org.sinterscope.review.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The reviewed defects as a labelled image set, one folder per class: {@code <class>/<roll>_<id>.png}
 * (the crop without overlay). This is the layout the classifier trainer reads ({@code DIR/<class>/*.png}).
 */
public final class LabelledExport {

    private final StoreQueries q;
    private final Path imageDir;

    public LabelledExport(StoreQueries q, Path imageDir) {
        this.q = q;
        this.imageDir = imageDir.toAbsolutePath().normalize();
    }

    /** Writes the set into {@code dir} (created if missing); returns the number of images written. */
    public int writeTo(Path dir) throws IOException {
        int n = 0;
        for (Views.Labelled l : q.labelled()) {
            Path src = source(l);
            if (src == null) {
                continue;
            }
            Path dst = dir.resolve(l.label()).resolve(fileName(l));
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            n++;
        }
        return n;
    }

    /** Writes the set as a zip to {@code out}; returns the number of images. */
    public int zipTo(OutputStream out) throws IOException {
        int n = 0;
        List<Views.Labelled> all = q.labelled();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Views.Labelled l : all) {
                Path src = source(l);
                if (src == null) {
                    continue;
                }
                z.putNextEntry(new ZipEntry(l.label() + "/" + fileName(l)));
                Files.copy(src, z);
                z.closeEntry();
                n++;
            }
        }
        return n;
    }

    private static String fileName(Views.Labelled l) {
        return l.rollId() + "_" + l.id() + ".png";
    }

    /** The crop file, only when it is a regular file inside the image folder. */
    private Path source(Views.Labelled l) {
        Path p = imageDir.resolve(l.cropPath()).normalize();
        return p.startsWith(imageDir) && Files.isRegularFile(p) ? p : null;
    }
}
