package io.argus.platform.control;

import java.time.Duration;

/** A dependency (database, scheduler, Prometheus) does not answer; retrying later may work (503). */
public class DependencyUnavailable extends ProblemException {

  private static final long serialVersionUID = 1L;

  public DependencyUnavailable(String dependency, String detail) {
    super(503, dependency + " unavailable", detail, null);
  }

  /** The same, with the time after which a retry may succeed (sent as {@code Retry-After}). */
  public DependencyUnavailable(String dependency, String detail, Duration retryAfter) {
    super(503, dependency + " unavailable", detail, null, retryAfter);
  }
}
