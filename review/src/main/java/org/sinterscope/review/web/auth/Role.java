package org.sinterscope.review.web.auth;

import java.util.Locale;

import io.javalin.security.RouteRole;

/** What a user may do; each role includes the ones before it. A Javalin route role. */
public enum Role implements RouteRole {
    /** Views roll maps, gallery, trends and reports. */
    OPERATOR,
    /** Also reviews: confirms and relabels defects, downloads the labelled export. */
    QUALITY,
    /** Also manages users and settings. */
    ADMIN;

    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        for (Role r : values()) {
            if (r.label().equals(s)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + s + "', expected operator, quality or admin");
    }
}
