package io.argus.platform.control;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.util.Optional;

/**
 * A failure the caller caused or can act on; the boundary renders it as RFC 9457 problem+json with
 * this status. Subclasses name the failure; none of them is ever a 500.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String title;
  private final String parameter;
  private final Duration retryAfter;

  protected ProblemException(int status, String title, String detail, String parameter) {
    this(status, title, detail, parameter, null);
  }

  protected ProblemException(int status, String title, String detail, String parameter, Duration retryAfter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** The request parameter, path segment or field at fault, when there is one. */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }

  /** When a retry may succeed, for a {@code Retry-After} header; empty when nobody can tell. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
