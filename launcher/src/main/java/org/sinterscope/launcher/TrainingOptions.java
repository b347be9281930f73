package org.sinterscope.launcher;

import org.sinterscope.inspection.classify.ImageFit;
import org.sinterscope.models.Augmenter;
import org.sinterscope.models.ClassifierNet;
import org.sinterscope.models.TrainingSettings;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The classifier training options {@code classifier train} and {@code classifier check} share (a picocli mixin). */
final class TrainingOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--epochs", defaultValue = "30", description = "most epochs (early stopping on validation), default ${DEFAULT-VALUE}")
    int epochs;
    @Option(names = "--input-size", defaultValue = "64", description = "patch side the network sees, px (multiple of 8), default ${DEFAULT-VALUE}")
    int inputSize;
    @Option(names = "--fit", defaultValue = "stretch", description = "how an image of any size becomes the square input: "
            + "'stretch' (resized to the square) or 'pad' (centred in a square of its longer side, border repeated, "
            + "shape kept); recorded in the bundle, evaluate does the same, default ${DEFAULT-VALUE}")
    String fit;
    @Option(names = "--balance", defaultValue = "sqrt", description = "unequal classes: 'sqrt' (epochs draw each class in "
            + "proportion to the square root of its size, small classes repeated with fresh augmentation), 'oversample' "
            + "(every class equally often), 'weights' (loss weight N/(K n_c)) or 'none', default ${DEFAULT-VALUE}")
    String balance;
    @Option(names = "--select", defaultValue = "macro-f1", description = "keep the epoch and stop early on validation "
            + "'macro-f1' or 'loss', default ${DEFAULT-VALUE}")
    String select;
    @Option(names = "--augment", defaultValue = "line", description = "'line' (mirror, shift, contrast, brightness, noise) "
            + "or 'rot90' (the same plus turns by 90 degrees: for textures without a direction), default ${DEFAULT-VALUE}")
    String augment;
    @Option(names = "--pool", defaultValue = "avg-max", description = "global pooling of the last feature map: 'avg-max' "
            + "(channel means and maxima) or 'avg', default ${DEFAULT-VALUE}")
    String pool;
    @Option(names = "--batch", defaultValue = "32", description = "patches per step, default ${DEFAULT-VALUE}")
    int batch;
    @Option(names = "--lr-decay", defaultValue = "true", negatable = true, fallbackValue = "true",
            description = "learning rate falls linearly to 0 over the epochs (--no-lr-decay: constant), default ${DEFAULT-VALUE}")
    boolean lrDecay;

    /** {@code --fit} as an image fit; a bad value is a usage error. */
    ImageFit imageFit() {
        return switch (fit) {
            case "stretch" -> ImageFit.STRETCH;
            case "pad" -> ImageFit.PAD;
            default -> throw bad("--fit must be 'stretch' or 'pad', got '" + fit + "'");
        };
    }

    /** The generic training settings of {@code seed} with these options; a bad value is a usage error. */
    TrainingSettings settings(long seed) {
        return TrainingSettings.generic(seed).withEpochs(epochs)
                .withBalance(switch (balance) {
                    case "sqrt" -> TrainingSettings.ClassBalance.SQRT;
                    case "oversample" -> TrainingSettings.ClassBalance.OVERSAMPLE;
                    case "weights" -> TrainingSettings.ClassBalance.WEIGHTS;
                    case "none" -> TrainingSettings.ClassBalance.NONE;
                    default -> throw bad("--balance must be 'sqrt', 'oversample', 'weights' or 'none', got '" + balance + "'");
                })
                .withSelection(switch (select) {
                    case "macro-f1" -> TrainingSettings.Selection.VAL_MACRO_F1;
                    case "loss" -> TrainingSettings.Selection.VAL_LOSS;
                    default -> throw bad("--select must be 'macro-f1' or 'loss', got '" + select + "'");
                })
                .withAugmenter(switch (augment) {
                    case "line" -> Augmenter.lineDefaults();
                    case "rot90" -> Augmenter.rotating();
                    default -> throw bad("--augment must be 'line' or 'rot90', got '" + augment + "'");
                })
                .withGlobalPool(switch (pool) {
                    case "avg-max" -> ClassifierNet.GlobalPool.AVG_MAX;
                    case "avg" -> ClassifierNet.GlobalPool.AVG;
                    default -> throw bad("--pool must be 'avg-max' or 'avg', got '" + pool + "'");
                })
                .withBatchSize(batch).withDecayLearningRate(lrDecay);
    }

    private ParameterException bad(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
