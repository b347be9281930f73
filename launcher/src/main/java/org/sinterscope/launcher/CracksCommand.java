package org.sinterscope.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sinterscope cracks}: crack detection on image files and its evaluation on crack data sets. */
@Command(name = "cracks", mixinStandardHelpOptions = true,
        description = "Crack detection in the sintered layer: detect on images, evaluate on a data set.",
        subcommands = {CracksDetectCommand.class, CracksEvaluateCommand.class, CracksTrainCommand.class,
                CracksTrainCommand.BuildDefault.class, CracksCalibrateCommand.class})
public final class CracksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
