package io.argus.host.entity;

import java.util.OptionalDouble;

/** Load averages over one, five and fifteen minutes, each absent where the OS has none. */
public record LoadAverage(OptionalDouble one, OptionalDouble five, OptionalDouble fifteen) {

  public static final LoadAverage UNKNOWN =
      new LoadAverage(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
}
