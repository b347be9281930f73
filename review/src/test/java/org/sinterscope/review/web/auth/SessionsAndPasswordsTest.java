package org.sinterscope.review.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SessionsAndPasswordsTest {

    @Test
    void a_session_expires_after_its_idle_time_and_activity_keeps_it_alive() {
        MovingClock clock = new MovingClock();
        Sessions s = new Sessions(Duration.ofMinutes(30), clock);
        Session a = s.mint("anna", Role.QUALITY);
        Instant t0 = clock.now;
        assertThat(s.live(a, t0, t0.plus(Duration.ofMinutes(20)))).isTrue();
        assertThat(s.live(a, t0.plus(Duration.ofMinutes(20)), t0.plus(Duration.ofMinutes(40)))).as("touched 20 min ago")
                .isTrue();
        assertThat(s.live(a, t0.plus(Duration.ofMinutes(20)), t0.plus(Duration.ofMinutes(51)))).isFalse();
        assertThat(s.live(a, t0.plus(Duration.ofHours(12)), t0.plus(Duration.ofHours(12).plusMinutes(1))))
                .as("12 h after sign-in even when active").isFalse();
    }

    @Test
    void a_role_change_ends_the_users_sessions_and_only_theirs() {
        Sessions s = new Sessions(Duration.ofMinutes(30), Clock.systemUTC());
        Session anna = s.mint("anna", Role.QUALITY);
        Session ben = s.mint("ben", Role.OPERATOR);
        Instant now = Instant.now();
        s.endAll("anna");
        assertThat(s.live(anna, now, now)).isFalse();
        assertThat(s.live(ben, now, now)).isTrue();
        assertThat(s.live(s.mint("anna", Role.OPERATOR), now, now)).as("a new sign-in after the change").isTrue();
    }

    @Test
    void csrf_tokens_are_random_and_checks_compare_exactly() {
        Sessions s = new Sessions(Duration.ofMinutes(30), Clock.systemUTC());
        Session a = s.mint("anna", Role.QUALITY);
        Session b = s.mint("anna", Role.QUALITY);
        assertThat(a.csrf()).isNotEqualTo(b.csrf()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(Sessions.csrfMatches(a, a.csrf())).isTrue();
        assertThat(Sessions.csrfMatches(a, b.csrf())).isFalse();
        assertThat(Sessions.csrfMatches(a, null)).isFalse();
    }

    @Test
    void passwords_are_salted_pbkdf2_hashes_that_verify_only_the_right_password() {
        Passwords p = new Passwords(10_000);
        String h1 = p.hash("secret password".toCharArray());
        String h2 = p.hash("secret password".toCharArray());
        assertThat(h1).startsWith("pbkdf2-sha256$10000$").doesNotContain("secret").isNotEqualTo(h2);
        assertThat(p.verify("secret password".toCharArray(), h1)).isTrue();
        assertThat(p.verify("secret passwore".toCharArray(), h1)).isFalse();
        assertThat(p.verify("x".toCharArray(), "garbage")).isFalse();
        assertThat(p.randomPassword()).hasSize(20).isNotEqualTo(p.randomPassword());
    }

    @Test
    void roles_include_the_ones_below() {
        assertThat(Role.ADMIN.includes(Role.QUALITY)).isTrue();
        assertThat(Role.QUALITY.includes(Role.OPERATOR)).isTrue();
        assertThat(Role.OPERATOR.includes(Role.QUALITY)).isFalse();
    }
}
