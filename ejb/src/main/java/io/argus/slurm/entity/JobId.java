package io.argus.slurm.entity;

import java.util.regex.Pattern;

/** The numeric id SLURM gave a submitted job. */
public record JobId(String value) {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,12}");

  public JobId {
    if (value == null || !DIGITS.matcher(value).matches()) {
      throw new IllegalArgumentException("not a SLURM job id: " + value);
    }
  }

  public static boolean isValid(String value) {
    return value != null && DIGITS.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
