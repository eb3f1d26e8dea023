package io.argus.ingest.control;

import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.MetricFamily;
import io.argus.ingest.entity.MetricType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes families and samples in the text exposition format 0.0.4, the form {@link ExpositionParser} reads. */
public final class ExpositionWriter {

  private final Appendable out;

  public ExpositionWriter(Appendable out) {
    this.out = out;
  }

  /** The HELP (when there is help) and TYPE (when typed) lines of a family. */
  public ExpositionWriter family(MetricFamily family) {
    requireMetricName(family.name());
    family.help().ifPresent(help -> write("# HELP " + family.name() + " " + escapeHelp(help) + "\n"));
    if (family.type() != MetricType.UNTYPED) {
      write("# TYPE " + family.name() + " " + family.type().label() + "\n");
    }
    return this;
  }

  /** One sample line: name, labels in their map order, value, and the timestamp when it has one. */
  public ExpositionWriter sample(ExpositionSample sample) {
    requireMetricName(sample.name());
    StringBuilder line = new StringBuilder(64).append(sample.name());
    if (!sample.labels().isEmpty()) {
      line.append('{');
      boolean first = true;
      for (Map.Entry<String, String> label : sample.labels().entrySet()) {
        if (!LabelText.isLabelName(label.getKey()) || label.getKey().equals(LabelText.RESERVED)) {
          throw new IllegalArgumentException("not a label name: " + label.getKey());
        }
        if (!first) {
          line.append(',');
        }
        first = false;
        line.append(label.getKey()).append("=\"");
        escapeLabelValue(label.getValue(), line);
        line.append('"');
      }
      line.append('}');
    }
    line.append(' ').append(SampleValues.format(sample.value()));
    sample.timestampMillis().ifPresent(t -> line.append(' ').append(t));
    write(line.append('\n').toString());
    return this;
  }

  static void escapeLabelValue(String value, StringBuilder to) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> to.append("\\\\");
        case '"' -> to.append("\\\"");
        case '\n' -> to.append("\\n");
        default -> to.append(c);
      }
    }
  }

  static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }

  private static void requireMetricName(String name) {
    if (!LabelText.isMetricName(name)) {
      throw new IllegalArgumentException("not a metric name: " + name);
    }
  }

  private void write(String text) {
    try {
      out.append(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
