package io.argus.platform.control;

/** A request body larger than the operation accepts (413). */
public class PayloadTooLarge extends ProblemException {

  private static final long serialVersionUID = 1L;

  public PayloadTooLarge(String detail) {
    super(413, "Payload too large", detail, "body");
  }
}
