package org.sinterscope.models.crack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.sinterscope.inspection.classify.ModelBundleException;

/**
 * The recipe of the shipped {@value SegmenterFiles#DEFAULT_PATH}: {@link SegmenterTrainingSettings#defaults}
 * with seed {@value #SEED} on the tuning part (200 images) of the DeepCrack development set's
 * seeded split (seed {@value #SPLIT_SEED}, {@value #HELD_OUT} held out, never seen).
 */
public final class DefaultCrackSegmenter {

    public static final long SEED = 7;
    public static final long SPLIT_SEED = 4;
    public static final int HELD_OUT = 100;

    private DefaultCrackSegmenter() {
    }

    /** {@code shared/data/deepcrack-train} in {@code from} or the nearest folder above it; null if none. */
    public static Path findData(Path from) {
        for (Path p = from.toAbsolutePath(); p != null; p = p.getParent()) {
            Path d = p.resolve("shared/data/deepcrack-train");
            if (Files.isDirectory(d.resolve("images")) && Files.isDirectory(d.resolve("masks"))) {
                return d;
            }
        }
        return null;
    }

    /** Trains the default bundle from the DeepCrack folder {@code data} (images/, masks/). */
    public static CrackSegmenterTrainer.Result build(Path data, CrackSegmenterTrainer.Checkpoint checkpoint)
            throws IOException, ModelBundleException {
        CrackDataset tune = CrackDataset.scan(data.resolve("images"), data.resolve("masks"))
                .part(CrackDataset.Part.TUNE, SPLIT_SEED, HELD_OUT);
        return new CrackSegmenterTrainer(SegmenterTrainingSettings.defaults(SEED)).train(tune, checkpoint);
    }
}
