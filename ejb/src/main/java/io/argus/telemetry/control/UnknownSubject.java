package io.argus.telemetry.control;

import io.argus.platform.control.ProblemException;

/** A sample names a GPU or host the inventory has never seen; it must be registered first (422). */
public class UnknownSubject extends ProblemException {

  private static final long serialVersionUID = 1L;

  public UnknownSubject(String detail) {
    super(422, "Unknown subject", detail, "series");
  }
}
