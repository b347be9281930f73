package org.sinterscope.camera.lab;

import java.io.IOException;

/**
 * A diffraction file that cannot be read: not the format its name says, truncated, holding a value
 * that is not allowed, too large, or unsafe (XML with a DOCTYPE). The message is
 * {@code <file>: line <n>: <problem>}, or {@code <file>: <problem>} when no line applies.
 */
public final class XrdFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String problem;

    /** @param line 1-based line number, or 0 when the problem has no line */
    public XrdFormatException(String source, int line, String problem) {
        this(source, line, problem, null);
    }

    public XrdFormatException(String source, int line, String problem, Throwable cause) {
        super(source + ": " + (line > 0 ? "line " + line + ": " : "") + problem, cause);
        this.source = source;
        this.line = line;
        this.problem = problem;
    }

    /** The file the problem was found in. */
    public String source() {
        return source;
    }

    /** 1-based line number, or 0. */
    public int line() {
        return line;
    }

    /** What is wrong, without the file name and line. */
    public String problem() {
        return problem;
    }
}
