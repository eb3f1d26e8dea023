package io.argus.platform.control;

/** A dependency (database, scheduler, Prometheus) does not answer; retrying later may work (503). */
public class DependencyUnavailable extends ProblemException {

  private static final long serialVersionUID = 1L;

  public DependencyUnavailable(String dependency, String detail) {
    super(503, dependency + " unavailable", detail, null);
  }
}
