package org.sinterscope.review.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SessionsAndPasswordsTest {

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_session_expires_after_its_idle_time_and_activity_keeps_it_alive() {
        MovingClock clock = new MovingClock();
        Sessions s = new Sessions(Duration.ofMinutes(30), clock);
        Session a = s.create("anna", Role.QUALITY);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(s.find(a.token())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertThat(s.find(a.token())).as("touched 20 min ago").isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(s.find(a.token())).isEmpty();
    }

    @Test
    void tokens_are_random_and_csrf_checks_compare_exactly() {
        Sessions s = new Sessions(Duration.ofMinutes(30), Clock.systemUTC());
        Session a = s.create("anna", Role.QUALITY);
        Session b = s.create("anna", Role.QUALITY);
        assertThat(a.token()).isNotEqualTo(b.token()).hasSizeGreaterThanOrEqualTo(43);
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
