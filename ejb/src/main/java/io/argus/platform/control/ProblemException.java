package io.argus.platform.control;

import jakarta.ejb.ApplicationException;
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

  protected ProblemException(int status, String title, String detail, String parameter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
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
}
