package org.sinterscope.camera.profile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the read-only shared data folder: {@code shared/data} beside the project or one of its ancestors. */
final class SharedData {

    private SharedData() {
    }

    /** The folder, or skips the calling test when it is absent. */
    static Path folder(String sub) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared").resolve("data").resolve(sub);
            if (Files.isDirectory(d)) {
                return d;
            }
        }
        assumeTrue(false, "shared/data/" + sub + " not found above " + Path.of("").toAbsolutePath());
        return null;
    }
}
