package org.sinterscope.routes.assembly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A PLC encoder watched against the cameras' frames, on a hand-driven clock (ms). */
class EncoderWatchTest {

    private final AtomicLong nowNs = new AtomicLong(1_000_000_000L);
    private final ReportedEncoder encoder = new ReportedEncoder(nowNs::get);
    private final EncoderWatch watch = new EncoderWatch(encoder, 2000, nowNs::get);

    private void at(long ms) {
        nowNs.set(1_000_000_000L + ms * 1_000_000L);
    }

    private void frame() {
        watch.frameSeen(null);
    }

    @Test
    void a_moving_encoder_and_a_stopped_line_are_both_fine() {
        for (int i = 1; i <= 50; i++) {
            at(i * 100L);
            encoder.advanceTo(i * 51.2);
            frame();
            assertNull(watch.problem(), "moving, at " + i * 100 + " ms");
        }
        at(60_000); // line stopped: no frames, no movement
        assertNull(watch.problem());
        assertNull(watch.tick());
    }

    @Test
    void one_frame_after_the_last_movement_is_not_a_stuck_encoder() {
        at(100);
        encoder.advanceTo(100);
        at(150);
        frame(); // the last frame of a line that stops now
        at(30_000);
        assertNull(watch.problem());
    }

    @Test
    void frames_while_the_position_stands_still_past_the_limit_make_it_stuck_and_alarm_once() {
        at(100);
        encoder.advanceTo(100);
        at(200);
        frame();
        at(300);
        frame();
        at(2100);
        assertNull(watch.problem(), "2,000 ms is the limit, not yet past it");
        at(2101);
        String p = watch.problem();
        assertNotNull(p);
        assertTrue(p.contains("encoder stuck") && p.contains("100.0 mm") && p.contains("2001 ms") && p.contains("2 frames"), p);
        assertEquals(p, watch.tick(), "the first tick alarms");
        at(2500);
        frame();
        assertNull(watch.tick(), "no second alarm while it stays stuck");
        assertTrue(watch.problem().contains("3 frames"), watch.problem());
        at(2600);
        encoder.advanceTo(151.2);
        assertNull(watch.problem());
        assertEquals("encoder moving again at 151.2 mm", watch.tick());
        assertNull(watch.tick());
    }

    @Test
    void a_plc_that_keeps_publishing_a_frozen_value_is_stuck_too() {
        at(100);
        encoder.advanceTo(500);
        for (int i = 1; i <= 30; i++) {
            at(100 + i * 100L);
            encoder.advanceTo(500); // reported, not moved
            frame();
        }
        assertNotNull(watch.problem(), "reports that do not move the position are no sign of life");
        assertTrue(watch.problem().contains("31 reports"), watch.problem());
    }

    @Test
    void an_encoder_that_never_reported_is_stuck_once_frames_arrive_past_the_limit() {
        at(3000);
        frame();
        frame();
        assertTrue(watch.problem().contains("0.0 mm") && watch.problem().contains("0 reports"), watch.problem());
    }

    @Test
    void a_limit_that_is_not_positive_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new EncoderWatch(encoder, 0, nowNs::get));
    }
}
