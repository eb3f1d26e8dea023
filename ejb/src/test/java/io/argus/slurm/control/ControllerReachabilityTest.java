package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.gpu.control.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ControllerReachabilityTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void nothingIsRefusedBeforeAnyoneFoundTheControllerDown() {
    var pings = new AtomicInteger();
    var controller = new ControllerReachability(() -> {
      pings.incrementAndGet();
      return Optional.empty();
    }, Duration.ofSeconds(5), clock);
    controller.requireReachable();
    assertThat(controller.last()).isEmpty();
    assertThat(pings).as("calls do not ping a controller nobody found down").hasValue(0);
  }

  @Test
  void whileOneCallPingsAgainTheOthersAreRefusedAtOnce() throws Exception {
    var entered = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var pings = new AtomicInteger();
    var controller = new ControllerReachability(() -> {
      pings.incrementAndGet();
      entered.countDown();
      await(release);
      return Optional.of("scontrol did not finish within 3000 ms");
    }, Duration.ofSeconds(5), clock);
    controller.unreachable("squeue failed (exit 1): Unable to contact slurm controller");
    clock.advance(Duration.ofSeconds(6));

    var slow = CompletableFuture.runAsync(controller::requireReachable);
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(controller::requireReachable)
        .isInstanceOf(SlurmUnreachable.class)
        .hasMessageContaining("Unable to contact slurm controller");
    release.countDown();
    assertThatThrownBy(() -> slow.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SlurmUnreachable.class)
        .hasMessageContaining("did not finish within 3000 ms");
    assertThat(pings).hasValue(1);
    assertThat(controller.last()).hasValueSatisfying(c -> assertThat(c.at()).isEqualTo(Instant.parse("2026-01-01T00:00:06Z")));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
