package io.argus.ingest.control;

/**
 * The number syntax of the exposition format (Go's {@code strconv.ParseFloat} decimal forms plus
 * NaN and infinities). {@link Double#parseDouble} alone would also take {@code 1d}, {@code 0x1p3}
 * and surrounding spaces, which no exporter writes and Prometheus rejects.
 */
public final class SampleValues {

  private SampleValues() {}

  /** The value, or {@code null} when the text is not a number in this syntax. */
  public static Double parse(String text) {
    int n = text.length();
    if (n == 0) {
      return null;
    }
    int i = 0;
    char first = text.charAt(0);
    boolean signed = first == '+' || first == '-';
    if (signed) {
      i++;
    }
    if (i < n && isLetter(text.charAt(i))) {
      String word = text.substring(i);
      if (word.equalsIgnoreCase("inf") || word.equalsIgnoreCase("infinity")) {
        return first == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (!signed && word.equalsIgnoreCase("nan")) {
        return Double.NaN;
      }
      return null;
    }
    int digits = 0;
    while (i < n && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return null;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < n && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return null;
      }
    }
    return i == n ? Double.parseDouble(text) : null;
  }

  /**
   * The value in the text form Argus writes: integers without a fraction, other numbers in Java's
   * shortest round-tripping form, {@code NaN}, {@code +Inf}, {@code -Inf}.
   */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15 && !(value == 0 && 1 / value < 0)) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
