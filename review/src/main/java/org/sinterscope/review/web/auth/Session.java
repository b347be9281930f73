package org.sinterscope.review.web.auth;

import java.time.Instant;

/**
 * A signed-in user, kept server-side in the Jetty session (the cookie holds only Jetty's random
 * session id). The CSRF token must come back in the {@code X-CSRF-Token} header of every
 * state-changing request; {@code epoch} is the user's session generation at sign-in (a role
 * change, disable or new password moves it on and ends the session).
 */
public record Session(String csrf, String user, Role role, Instant createdAt, long epoch) {
}
