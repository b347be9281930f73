package org.sinterscope.launcher;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = SinterscopeCli.class.getPackage().getImplementationVersion();
        return new String[] {"sinterscope " + (v == null ? "development" : v)};
    }
}
