package io.argus.prometheus.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes metric families in the Prometheus text exposition format 0.0.4.
 *
 * <p>Families are written in natural name order ({@code _1m} before {@code _15m}) and families
 * without samples are left out, so the same values always produce byte-identical text.
 */
public final class ExpositionFormat {

  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Integral values below this fit a long and print exactly; larger ones need an exponent. */
  private static final double LONG_LIMIT = 0x1p63;

  private ExpositionFormat() {}

  public static String write(Collection<MetricFamily> families) {
    StringBuilder text = new StringBuilder();
    try {
      write(families, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  public static void write(Collection<MetricFamily> families, Appendable out) throws IOException {
    List<MetricFamily> ordered = new ArrayList<>(families);
    ordered.sort((a, b) -> NaturalOrder.compare(a.name(), b.name()));
    Set<String> names = new HashSet<>();
    for (MetricFamily family : ordered) {
      if (!names.add(family.name())) {
        throw new IllegalArgumentException("Metric '" + family.name() + "' is given twice");
      }
    }
    for (MetricFamily family : ordered) {
      if (family.samples().isEmpty()) {
        continue;
      }
      out.append("# HELP ").append(family.name()).append(' ')
          .append(escapeHelp(family.help())).append('\n');
      out.append("# TYPE ").append(family.name()).append(' ')
          .append(family.type().text()).append('\n');
      for (Sample sample : family.samples()) {
        out.append(family.name()).append(sample.suffix());
        if (!sample.labels().isEmpty()) {
          out.append('{');
          boolean first = true;
          for (Map.Entry<String, String> label : sample.labels().entrySet()) {
            if (!first) {
              out.append(',');
            }
            first = false;
            out.append(label.getKey()).append("=\"")
                .append(escapeLabelValue(label.getValue())).append('"');
          }
          out.append('}');
        }
        out.append(' ').append(formatValue(sample.value())).append('\n');
      }
    }
  }

  /**
   * A sample value as Prometheus parses it: {@code NaN}, {@code +Inf}, {@code -Inf}, integers in
   * full (a byte count of 25276026880 stays readable, not 2.527602688e+10), other numbers in the
   * shortest form Java gives, with an exponent only for very small or very large magnitudes.
   */
  public static String formatValue(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude < LONG_LIMIT) {
      return Long.toString((long) value);
    }
    String shortest = Double.toString(value);
    if (magnitude >= 1e-4 && magnitude < 1e16) {
      return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
    }
    int e = shortest.indexOf('E');
    String mantissa = shortest.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exponent = Integer.parseInt(shortest.substring(e + 1));
    String digits = Integer.toString(Math.abs(exponent));
    return mantissa + "e" + (exponent < 0 ? '-' : '+') + (digits.length() < 2 ? "0" : "") + digits;
  }

  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  static String escapeLabelValue(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
