package io.argus.slurm.control;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What is known of whether slurmctld answers: the outcome of the last {@code scontrol ping}, by
 * whoever ran it (the reconciler on its timer, or a refused call), or of a command that found the
 * controller unreachable. While it is known to be down, calls that need it are refused at once
 * instead of each waiting out SLURM's own retries; one of them pings again once the last check is
 * older than the recheck interval, so calls work again as soon as the controller answers.
 */
final class ControllerReachability {

  /** One check: when, and why the controller did not answer (empty: it answered). */
  record Check(Instant at, Optional<String> failure) {}

  private final Supplier<Optional<String>> ping;
  private final Duration recheckInterval;
  private final InstantSource clock;
  private final AtomicReference<Check> last = new AtomicReference<>();
  private final AtomicBoolean pinging = new AtomicBoolean();

  /**
   * @param ping runs {@code scontrol ping} with a short timeout: why it failed, or empty
   */
  ControllerReachability(Supplier<Optional<String>> ping, Duration recheckInterval, InstantSource clock) {
    this.ping = ping;
    this.recheckInterval = recheckInterval;
    this.clock = clock;
  }

  /** Pings now and records the outcome. */
  Check check() {
    Optional<String> failure = ping.get();
    Check now = new Check(clock.instant(), failure);
    last.set(now);
    return now;
  }

  /** Records that a command could not reach the controller. */
  void unreachable(String reason) {
    last.set(new Check(clock.instant(), Optional.of(reason)));
  }

  /** The last check, empty before the first. */
  Optional<Check> last() {
    return Optional.ofNullable(last.get());
  }

  /**
   * Returns at once unless the controller is known to be down; then pings again if the last check
   * is older than the recheck interval and no other call is pinging already.
   *
   * @throws SlurmUnreachable when the controller is still down
   */
  void requireReachable() {
    Check known = last.get();
    if (known == null || known.failure().isEmpty()) {
      return;
    }
    if (!clock.instant().isBefore(known.at().plus(recheckInterval)) && pinging.compareAndSet(false, true)) {
      try {
        known = check();
      } finally {
        pinging.set(false);
      }
      if (known.failure().isEmpty()) {
        return;
      }
    }
    Duration retryAfter = Duration.between(clock.instant(), known.at().plus(recheckInterval));
    throw new SlurmUnreachable("slurmctld did not answer at " + known.at() + " (" + known.failure().get()
        + "); calls that need it are refused until it answers again, which is checked at most every "
        + text(recheckInterval), retryAfter.isNegative() ? Duration.ZERO : retryAfter);
  }

  private static String text(Duration d) {
    return d.toMillisPart() == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
