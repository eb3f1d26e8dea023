package io.argus.slurm.control;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A program and its arguments, run directly (never through a shell), with extra environment
 * variables and a time limit.
 */
public record Command(List<String> arguments, Map<String, String> environment, Duration timeout) {

  public Command {
    if (arguments == null || arguments.isEmpty()) {
      throw new IllegalArgumentException("a command needs at least the program");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a command needs a positive timeout");
    }
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment == null ? Map.of() : environment);
  }

  public String program() {
    return arguments.get(0);
  }

  @Override
  public String toString() {
    return String.join(" ", arguments);
  }
}
