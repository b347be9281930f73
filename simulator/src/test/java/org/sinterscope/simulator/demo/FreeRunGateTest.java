package org.sinterscope.simulator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.sinterscope.inspection.SegmentVerdict;

/**
 * The free-running gate's rule, step by step: a frame ending at encoder d goes out only while, for every
 * lane, d ≤ floor + lead (floor: the end of its oldest undecided frame, or of what it asked for last).
 */
class FreeRunGateTest {

    private static SegmentVerdict verdict(String camera, long sequence) {
        return new SegmentVerdict(camera, sequence, 0, 1, List.of(), List.of(), List.of());
    }

    @Test
    void frames_go_out_in_order_of_position_and_never_past_an_undecided_frame_plus_its_lead() {
        FreeRunGate gate = new FreeRunGate();
        FreeRunGate.Lane coat = gate.lane("coat", 100);
        FreeRunGate.Lane sinter = gate.lane("sinter", 50);

        assertThat(coat.mayHandOut(50)).as("the sintered camera has not said where its frames are").isFalse();
        assertThat(sinter.mayHandOut(1000)).as("1000 > coat's 50 + 100").isFalse();
        assertThat(coat.mayHandOut(50)).as("50 <= 50 + 100 and 50 <= 1000 + 50").isTrue();
        coat.handedOut(0, 50);
        assertThat(coat.mayHandOut(150)).as("150 <= oldest undecided 50 + lead 100").isTrue();
        coat.handedOut(1, 150);
        assertThat(coat.mayHandOut(200)).as("200 > oldest undecided 50 + lead 100").isFalse();
        gate.decided(verdict("coat", 0));
        assertThat(coat.mayHandOut(200)).as("oldest undecided now 150").isTrue();
        coat.handedOut(2, 200);
        gate.decided(verdict("coat", 1));
        gate.decided(verdict("coat", 2));

        assertThat(coat.mayHandOut(1100)).as("1100 > the sintered camera's 1000 + 50").isFalse();
        assertThat(sinter.mayHandOut(1000)).as("its frame comes first: 1000 <= coat's 1100 + 100").isTrue();
        sinter.handedOut(0, 1000);
        assertThat(sinter.mayHandOut(1500)).as("1500 > 1000 (undecided) + 50").isFalse();
        assertThat(coat.mayHandOut(1100)).as("1100 > the undecided sintered frame's 1000 + 50").isFalse();
        gate.decided(verdict("sinter", 0));
        assertThat(coat.mayHandOut(1100)).as("sintered floor now what it asked for, 1500").isTrue();
        assertThat(sinter.mayHandOut(1500)).as("1500 > coat's 1100 + 100").isFalse();
        coat.done();
        assertThat(sinter.mayHandOut(1500)).as("a lane that is done holds nobody back").isTrue();
    }

    @Test
    void a_waiting_camera_goes_on_when_the_frame_holding_it_back_is_decided() throws Exception {
        FreeRunGate gate = new FreeRunGate();
        FreeRunGate.Lane coat = gate.lane("coat", 100);
        FreeRunGate.Lane sinter = gate.lane("sinter", 50);
        assertThat(sinter.mayHandOut(40)).isFalse();
        assertThat(coat.mayHandOut(20)).isTrue();
        coat.handedOut(7, 20);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> coat.await(300));
        gate.decided(verdict("sinter", 99)); // not one of its frames: changes nothing
        sinter.done();
        gate.decided(verdict("coat", 7));
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(waiting).isCompleted();
    }
}
