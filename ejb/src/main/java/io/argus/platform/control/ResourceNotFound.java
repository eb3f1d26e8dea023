package io.argus.platform.control;

/** The addressed thing does not exist (404). */
public class ResourceNotFound extends ProblemException {

  private static final long serialVersionUID = 1L;

  public ResourceNotFound(String parameter, String detail) {
    super(404, "Not found", detail, parameter);
  }
}
