package org.sinterscope.review.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class LoginThrottleAndRedirectTest {

    @Test
    void ten_failures_in_a_minute_lock_the_account_and_lockouts_grow() {
        MovingClock clock = new MovingClock();
        LoginThrottle t = LoginThrottle.defaults(clock);
        for (int i = 0; i < 9; i++) {
            assertThat(t.failure("anna", "10.0.0." + i)).isEmpty();
        }
        assertThat(t.lockedFor("anna", "10.0.0.99")).isEmpty();
        List<LoginThrottle.Lockout> l = t.failure("anna", "10.0.0.9");
        assertThat(l).extracting(LoginThrottle.Lockout::key).containsExactly("account:anna");
        assertThat(t.lockedFor("anna", "10.0.0.99")).contains(Duration.ofMinutes(1));
        assertThat(t.lockedFor("ben", "10.0.0.99")).as("another account from another address").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(t.lockedFor("anna", "10.0.0.99")).isEmpty();
        for (int i = 0; i < 10; i++) {
            t.failure("anna", "10.0.1." + i);
        }
        assertThat(t.lockedFor("anna", "x")).as("second lockout doubles").contains(Duration.ofMinutes(2));
        assertThat(t.active()).extracting(LoginThrottle.Lockout::count).containsExactly(2);
    }

    @Test
    void failures_spread_over_more_than_a_minute_do_not_lock_and_success_forgets_them() {
        MovingClock clock = new MovingClock();
        LoginThrottle t = LoginThrottle.defaults(clock);
        for (int i = 0; i < 30; i++) {
            t.failure("anna", "10.0.0." + i);
            clock.advance(Duration.ofSeconds(7));
        }
        assertThat(t.lockedFor("anna", "10.0.0.1")).isEmpty();
        for (int i = 0; i < 9; i++) {
            t.failure("ben", "10.0.0.1");
        }
        t.success("ben", "10.0.0.1");
        assertThat(t.failure("ben", "10.0.0.1")).isEmpty();
    }

    @Test
    void thirty_failures_from_one_address_lock_the_address_for_every_account() {
        LoginThrottle t = LoginThrottle.defaults(new MovingClock());
        for (int i = 0; i < 30; i++) {
            t.failure("user" + i, "10.9.9.9");
        }
        assertThat(t.lockedFor("admin", "10.9.9.9")).isPresent();
        assertThat(t.lockedFor("admin", "10.9.9.8")).isEmpty();
    }

    @Test
    void the_tracked_keys_stay_bounded_under_a_flood_of_names() {
        LoginThrottle t = new LoginThrottle(10, 1_000_000, Duration.ofMinutes(1), Duration.ofMinutes(1),
                Duration.ofHours(1), new MovingClock());
        for (int i = 0; i < LoginThrottle.MAX_KEYS + 5_000; i++) {
            t.failure("made-up-" + i, "10.0.0.1");
        }
        assertThat(t.size()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS);
    }

    @Test
    void redirect_targets_are_same_origin_paths_as_a_browser_reads_them() {
        assertThat(SafeRedirect.sameOriginPath("/map.html?roll=r1#x")).isEqualTo("/map.html?roll=r1#x");
        assertThat(SafeRedirect.sameOriginPath("/%2F%2Fevil")).as("escapes stay a path").isEqualTo("/%2F%2Fevil");
        assertThat(SafeRedirect.sameOriginPath("/%5Cevil")).isEqualTo("/%5Cevil");
        for (String bad : new String[] {"/\\evil.example", "\\/evil", "//evil", "https://evil", "http:evil",
                "javascript:alert(1)", " //evil", "/\t/evil", "\n//evil", "/\u0000x", "map.html", "", null}) {
            assertThat(SafeRedirect.sameOriginPath(bad)).as(String.valueOf(bad)).isEqualTo(SafeRedirect.HOME);
        }
    }
}
