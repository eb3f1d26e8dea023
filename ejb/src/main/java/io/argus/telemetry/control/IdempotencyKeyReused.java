package io.argus.telemetry.control;

import io.argus.platform.control.ProblemException;

/** An Idempotency-Key sent again with a different body (422): the first request's answer stands. */
public class IdempotencyKeyReused extends ProblemException {

  private static final long serialVersionUID = 1L;

  public IdempotencyKeyReused(String detail) {
    super(422, "Idempotency-Key reused", detail, "Idempotency-Key");
  }
}
