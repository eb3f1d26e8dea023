package io.argus.prometheus.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named metric with its help text, type and samples; samples are kept in natural label order
 * (core 2 before core 10) so the same values always render as the same text.
 */
public record MetricFamily(String name, MetricType type, String help, List<Sample> samples) {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  /** Orders samples by label names, then by label values with numbers compared as numbers. */
  static final Comparator<Sample> SAMPLE_ORDER = (a, b) -> {
    Iterator<Map.Entry<String, String>> left = a.labels().entrySet().iterator();
    Iterator<Map.Entry<String, String>> right = b.labels().entrySet().iterator();
    while (left.hasNext() && right.hasNext()) {
      Map.Entry<String, String> l = left.next();
      Map.Entry<String, String> r = right.next();
      int byName = l.getKey().compareTo(r.getKey());
      if (byName != 0) {
        return byName;
      }
      int byValue = NaturalOrder.compare(l.getValue(), r.getValue());
      if (byValue != 0) {
        return byValue;
      }
    }
    return Boolean.compare(left.hasNext(), right.hasNext());
  };

  public MetricFamily {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(help, "help");
    if (name == null || !METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid metric name '" + name + "'");
    }
    List<Sample> sorted = new ArrayList<>(samples);
    sorted.sort(SAMPLE_ORDER);
    Set<Map<String, String>> seen = new HashSet<>();
    for (Sample sample : sorted) {
      if (!seen.add(sample.labels())) {
        throw new IllegalArgumentException(
            "Metric '" + name + "' has two samples with labels " + sample.labels());
      }
    }
    samples = List.copyOf(sorted);
  }

  public static Builder gauge(String name, String help) {
    return new Builder(name, MetricType.GAUGE, help);
  }

  public static Builder counter(String name, String help) {
    return new Builder(name, MetricType.COUNTER, help);
  }

  /** Collects samples, silently skipping absent values so callers need no {@code if} per field. */
  public static final class Builder {
    private final String name;
    private final MetricType type;
    private final String help;
    private final List<Sample> samples = new ArrayList<>();

    private Builder(String name, MetricType type, String help) {
      this.name = name;
      this.type = type;
      this.help = help;
    }

    public Builder add(double value, String... labelNamesAndValues) {
      samples.add(Sample.of(value, labelNamesAndValues));
      return this;
    }

    public Builder add(OptionalDouble value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add(value.getAsDouble(), labelNamesAndValues);
      }
      return this;
    }

    public Builder add(OptionalLong value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add((double) value.getAsLong(), labelNamesAndValues);
      }
      return this;
    }

    public Builder add(OptionalInt value, String... labelNamesAndValues) {
      if (value.isPresent()) {
        add((double) value.getAsInt(), labelNamesAndValues);
      }
      return this;
    }

    public MetricFamily build() {
      return new MetricFamily(name, type, help, samples);
    }
  }
}
