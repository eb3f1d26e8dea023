package io.argus.platform.control;

/** The request does not fit the current state of the thing it addresses (409). */
public class StateConflict extends ProblemException {

  private static final long serialVersionUID = 1L;

  public StateConflict(String detail) {
    super(409, "Conflict", detail, null);
  }
}
