package io.argus.ingest.control;

import io.argus.ingest.entity.InputError;
import io.argus.platform.control.ProblemException;
import java.util.List;

/** An ingested document (exposition or CSV batch) that cannot be accepted as a whole (400). */
public class MalformedInput extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final List<InputError> errors;

  public MalformedInput(String parameter, List<? extends InputError> errors) {
    super(400, "Malformed input", summary(errors), parameter);
    this.errors = List.copyOf(errors);
  }

  /** The rejected lines or rows, first ones first. */
  public List<InputError> errors() {
    return errors;
  }

  private static String summary(List<? extends InputError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a malformed input has at least one error");
    }
    String first = errors.get(0).describe();
    return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
  }
}
