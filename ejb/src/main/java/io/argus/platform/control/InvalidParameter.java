package io.argus.platform.control;

/** A parameter, path segment or body field that cannot be accepted as given (400). */
public class InvalidParameter extends ProblemException {

  private static final long serialVersionUID = 1L;

  public InvalidParameter(String parameter, String detail) {
    super(400, "Invalid parameter", detail, parameter);
  }
}
