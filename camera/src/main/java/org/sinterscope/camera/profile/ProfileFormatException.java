package org.sinterscope.camera.profile;

import java.io.IOException;

/**
 * A profilometer file that cannot be read: truncated, corrupt, failing its checksum, holding a
 * value that is not allowed, or unsafe (external XML entities, zip entries escaping the archive).
 * The message always starts with the file's name, then says what is wrong.
 */
public final class ProfileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final String problem;

    public ProfileFormatException(String source, String problem) {
        this(source, problem, null);
    }

    public ProfileFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file (or message) name the problem was found in. */
    public String source() {
        return source;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
