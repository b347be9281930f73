package org.sinterscope.review.web.auth;

import java.time.Instant;

/**
 * A signed-in user. The token is the session cookie's value; the CSRF token must come back in
 * the {@code X-CSRF-Token} header of every state-changing request.
 */
public record Session(String token, String csrf, String user, Role role, Instant createdAt) {
}
