package org.sinterscope.review.web.auth;

/**
 * Where to go after sign-in: a same-origin path, parsed the way a browser parses a URL relative
 * to the app (WHATWG URL rules for http/https): leading and trailing spaces and C0 controls are
 * dropped, tabs and line breaks anywhere are dropped, and a backslash counts as a slash. What
 * remains must start with exactly one slash ({@code /x}); anything else (a scheme such as
 * {@code https:} or {@code javascript:}, {@code //host}, {@code /\host}, a relative path) gives
 * {@link #HOME}. Percent-escapes are left alone: a browser does not decode {@code %2F} or
 * {@code %5C} in a path, so {@code /%2F%2Fevil} stays a path on this origin.
 */
public final class SafeRedirect {

    public static final String HOME = "/index.html";

    private SafeRedirect() {
    }

    /** The path to go to: {@code next} when it is a same-origin path, else {@link #HOME}. */
    public static String sameOriginPath(String next) {
        if (next == null) {
            return HOME;
        }
        int a = 0;
        int b = next.length();
        while (a < b && next.charAt(a) <= ' ') {
            a++;
        }
        while (b > a && next.charAt(b - 1) <= ' ') {
            b--;
        }
        StringBuilder sb = new StringBuilder(b - a);
        for (int i = a; i < b; i++) {
            char c = next.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c < ' ' || c == 0x7f) {
                return HOME;
            }
            sb.append(c == '\\' ? '/' : c);
        }
        String p = sb.toString();
        if (p.length() > 2000 || !p.startsWith("/") || p.startsWith("//")) {
            return HOME;
        }
        return p;
    }
}
