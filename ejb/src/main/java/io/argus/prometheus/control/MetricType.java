package io.argus.prometheus.control;

/** The metric types of the text exposition format that Argus emits. */
public enum MetricType {
  GAUGE("gauge"),
  COUNTER("counter"),
  HISTOGRAM("histogram"),
  SUMMARY("summary"),
  UNTYPED("untyped");

  private final String text;

  MetricType(String text) {
    this.text = text;
  }

  /** The word on the {@code # TYPE} line. */
  public String text() {
    return text;
  }
}
