package org.sinterscope.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.sinterscope.routes.StationSettings;
import org.sinterscope.review.store.DefectStore;
import org.sinterscope.review.store.LabelledExport;
import org.sinterscope.review.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sinterscope review}: the defect store's review app and labelled export, without running the line. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The quality engineers' review app over the defect store, and the labelled export.",
        subcommands = {ReviewCommand.Serve.class, ReviewCommand.Export.class})
final class ReviewCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Station settings (sinterscope.store.*: database and image folder) overriding the defaults.")
    Path config;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    StationSettings settings() {
        return StationSettings.load(config, Map.of());
    }

    /** {@code sinterscope review serve}. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Serves the review app on the store until Ctrl-C; prints the URL and a fresh admin password.")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        ReviewCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--port", paramLabel = "PORT", description = "Port (default: sinterscope.web.port, 8080; 0: a free one).")
        Integer port;

        @Option(names = "--json", description = "Print the URL and the admin password as one JSON object (the rest goes to stderr).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            StationSettings s = parent.settings();
            DefectStore store = DefectStore.open(StoreSettings.from(s));
            Runtime.getRuntime().addShutdownHook(new Thread(store::close, "store-close"));
            PrintWriter out = spec.commandLine().getOut();
            ReviewWeb.serveUntilInterrupted(store, s, port, json ? spec.commandLine().getErr() : out, null, json ? out : null);
            return 0;
        }
    }

    /** {@code sinterscope review export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Writes the reviewed defects as a labelled image set: OUT/<class>/<roll>_<id>.png,",
                    "the layout the classifier trainer reads."})
    static final class Export implements Callable<Integer> {

        @ParentCommand
        ReviewCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write (created if missing).")
        Path out;

        @Option(names = "--json", description = "Print one JSON object instead of a line of text.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (DefectStore store = DefectStore.open(StoreSettings.from(parent.settings()))) {
                int n = new LabelledExport(store.queries(), store.settings().imageDir()).writeTo(out);
                PrintWriter w = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("out", out.toAbsolutePath().toString());
                    m.put("images", n);
                    Json.print(w, m);
                } else {
                    w.println(n + " reviewed defect crop(s) written to " + out.toAbsolutePath() + " (one folder per class)");
                    w.flush();
                }
                return 0;
            }
        }
    }
}
