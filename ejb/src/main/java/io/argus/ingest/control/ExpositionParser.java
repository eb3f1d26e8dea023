package io.argus.ingest.control;

import io.argus.ingest.entity.ExpositionReport;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.LineError;
import io.argus.ingest.entity.MetricFamily;
import io.argus.ingest.entity.MetricType;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Parser of the Prometheus text exposition format 0.0.4 that streams samples to a consumer and
 * reports each malformed line with its line and column instead of giving up on the document.
 *
 * <p>A rejected line delivers nothing; every other line is unaffected. Beyond the syntax it rejects
 * what Prometheus would reject in one scrape: a second HELP or TYPE line for a name, a TYPE line
 * after samples of its family, a series (name and label set) seen twice, histogram samples other
 * than {@code _bucket}/{@code _sum}/{@code _count}, a bucket without a numeric {@code le} and a
 * summary quantile without a numeric {@code quantile}.
 */
public final class ExpositionParser {

  public static final int DEFAULT_MAX_ERRORS = 100;
  public static final int DEFAULT_MAX_LINE_LENGTH = 1 << 20;

  private final int maxErrors;
  private final int maxLineLength;

  public ExpositionParser() {
    this(DEFAULT_MAX_ERRORS, DEFAULT_MAX_LINE_LENGTH);
  }

  /**
   * @param maxErrors how many line errors the report lists (all are counted)
   * @param maxLineLength longer lines are rejected, in characters
   */
  public ExpositionParser(int maxErrors, int maxLineLength) {
    if (maxErrors < 1 || maxLineLength < 16) {
      throw new IllegalArgumentException("maxErrors must be at least 1 and maxLineLength at least 16");
    }
    this.maxErrors = maxErrors;
    this.maxLineLength = maxLineLength;
  }

  /**
   * Reads the whole exposition, handing each good sample to {@code sink} in document order.
   *
   * @throws UncheckedIOException when the reader fails; malformed content never throws
   */
  public ExpositionReport parse(Reader in, Consumer<? super ExpositionSample> sink) {
    Run run = new Run(sink);
    LineReader lines = new LineReader(in, maxLineLength);
    try {
      for (String line = lines.next(); line != null; line = lines.next()) {
        long number = lines.number();
        if (lines.truncated()) {
          run.error(number, maxLineLength + 1, "line is longer than " + maxLineLength + " characters");
          continue;
        }
        run.line(line, number);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ExpositionReport(lines.number(), run.delivered, run.families(), run.errors, run.errorCount);
  }

  /**
   * All samples of a document that must be entirely well formed.
   *
   * @throws MalformedInput listing the rejected lines when there is any
   */
  public List<ExpositionSample> parseStrict(Reader in) {
    List<ExpositionSample> samples = new ArrayList<>();
    ExpositionReport report = parse(in, samples::add);
    if (report.hasErrors()) {
      throw new MalformedInput("body", report.errors());
    }
    return samples;
  }

  /** Stands in for a name no accepted HELP or TYPE line has named yet; never modified. */
  private static final Declared NOTHING_DECLARED = new Declared();

  /** What HELP and TYPE lines said about a name, with the lines that said it. */
  private static final class Declared {
    MetricType type = MetricType.UNTYPED;
    long typeLine;
    String help;
    long helpLine;
  }

  /** The state of one parse. */
  private final class Run {

    private final Consumer<? super ExpositionSample> sink;
    private final Map<String, Declared> declared = new HashMap<>();
    private final Map<String, Long> firstSampleLine = new HashMap<>();
    private final Map<String, Long> seriesLine = new HashMap<>();
    private final List<LineError> errors = new ArrayList<>();
    private final StringBuilder key = new StringBuilder(256);
    private long errorCount;
    private long delivered;

    Run(Consumer<? super ExpositionSample> sink) {
      this.sink = sink;
    }

    void line(String line, long number) {
      int pos = LabelText.skipBlanks(line, 0);
      if (pos == line.length()) {
        return;
      }
      try {
        if (line.charAt(pos) == '#') {
          comment(line, pos + 1, number);
        } else {
          sample(line, pos, number);
        }
      } catch (SyntaxError e) {
        error(number, e.index() + 1, e.getMessage());
      }
    }

    void error(long line, int column, String message) {
      errorCount++;
      if (errors.size() < maxErrors) {
        errors.add(new LineError(line, column, message));
      }
    }

    SortedMap<String, MetricFamily> families() {
      SortedMap<String, MetricFamily> families = new TreeMap<>();
      declared.forEach((name, d) -> families.put(name, new MetricFamily(name, d.type, Optional.ofNullable(d.help))));
      return families;
    }

    private void comment(String line, int pos, long number) throws SyntaxError {
      pos = LabelText.skipBlanks(line, pos);
      int keywordEnd = tokenEnd(line, pos);
      String keyword = line.substring(pos, keywordEnd);
      boolean help = keyword.equals("HELP");
      if (!help && !keyword.equals("TYPE")) {
        return;
      }
      int nameStart = LabelText.skipBlanks(line, keywordEnd);
      int nameEnd = LabelText.metricNameEnd(line, nameStart);
      if (nameEnd == nameStart || (nameEnd < line.length() && !isBlank(line.charAt(nameEnd)))) {
        throw new SyntaxError(nameStart, "invalid metric name in " + keyword + " line, found "
            + LabelText.describe(line, nameEnd == nameStart ? nameStart : nameEnd));
      }
      String name = line.substring(nameStart, nameEnd);
      Declared d = declared.getOrDefault(name, NOTHING_DECLARED);
      int textStart = LabelText.skipBlanks(line, nameEnd);
      if (help) {
        if (d.help != null) {
          throw new SyntaxError(pos, "second HELP line for metric name \"" + name + "\" (first on line " + d.helpLine + ")");
        }
        String text = unescapeHelp(line, textStart);
        d = declared.computeIfAbsent(name, k -> new Declared());
        d.help = text;
        d.helpLine = number;
        return;
      }
      if (d.typeLine != 0) {
        throw new SyntaxError(pos, "second TYPE line for metric name \"" + name + "\" (first on line " + d.typeLine + ")");
      }
      int typeEnd = tokenEnd(line, textStart);
      String word = line.substring(textStart, typeEnd);
      if (word.isEmpty()) {
        throw new SyntaxError(textStart, "missing metric type in TYPE line for \"" + name + "\"");
      }
      MetricType type = MetricType.fromLabel(word).orElseThrow(() -> new SyntaxError(textStart,
          "unknown metric type \"" + word + "\" (expected counter, gauge, histogram, summary or untyped)"));
      int rest = LabelText.skipBlanks(line, typeEnd);
      if (rest < line.length()) {
        throw new SyntaxError(rest, "unexpected text after the metric type in TYPE line for \"" + name + "\"");
      }
      for (String member : members(name, type)) {
        Long first = firstSampleLine.get(member);
        if (first != null) {
          throw new SyntaxError(pos, "TYPE line for \"" + name + "\" comes after its samples (first on line " + first + ")");
        }
      }
      d = declared.computeIfAbsent(name, k -> new Declared());
      d.type = type;
      d.typeLine = number;
    }

    private void sample(String line, int pos, long number) throws SyntaxError {
      int n = line.length();
      int nameEnd = LabelText.metricNameEnd(line, pos);
      if (nameEnd == pos) {
        throw new SyntaxError(pos, "expected a metric name, found " + LabelText.describe(line, pos));
      }
      String name = line.substring(pos, nameEnd);
      TreeMap<String, String> labels = new TreeMap<>();
      int p = LabelText.skipBlanks(line, nameEnd);
      int labelsAt = -1;
      if (p < n && line.charAt(p) == '{') {
        labelsAt = p;
        p = LabelText.parseBraced(line, p + 1, labels, false);
      } else if (p == nameEnd && p < n) {
        throw new SyntaxError(p, "expected a blank or '{' after metric name \"" + name + "\", found "
            + LabelText.describe(line, p));
      }
      int valueStart = LabelText.skipBlanks(line, p);
      if (valueStart == n) {
        throw new SyntaxError(valueStart, "missing value for metric \"" + name + "\"");
      }
      int valueEnd = tokenEnd(line, valueStart);
      String valueText = line.substring(valueStart, valueEnd);
      Double value = SampleValues.parse(valueText);
      if (value == null) {
        throw new SyntaxError(valueStart, "invalid value \"" + abbreviate(valueText) + "\" for metric \"" + name + "\"");
      }
      OptionalLong timestamp = OptionalLong.empty();
      int timeStart = LabelText.skipBlanks(line, valueEnd);
      if (timeStart < n) {
        int timeEnd = tokenEnd(line, timeStart);
        timestamp = OptionalLong.of(timestamp(line.substring(timeStart, timeEnd), timeStart));
        int rest = LabelText.skipBlanks(line, timeEnd);
        if (rest < n) {
          throw new SyntaxError(rest, "unexpected text after the timestamp of metric \"" + name + "\"");
        }
      }
      String family = name;
      MetricType type = MetricType.UNTYPED;
      Declared own = declared.get(name);
      int labelColumn = labelsAt < 0 ? nameEnd : labelsAt;
      if (own != null && own.type != MetricType.UNTYPED) {
        type = own.type;
        if (type == MetricType.HISTOGRAM) {
          throw new SyntaxError(pos, "sample \"" + name + "\" of histogram \"" + name
              + "\" must be named " + name + "_bucket, " + name + "_sum or " + name + "_count");
        }
        if (type == MetricType.SUMMARY) {
          requireNumericLabel(labels, "quantile", name, labelColumn);
        }
      } else {
        Optional<String> stem = histogramOrSummaryStem(name);
        if (stem.isPresent()) {
          family = stem.get();
          type = declared.get(family).type;
          if (name.endsWith("_bucket")) {
            requireNumericLabel(labels, "le", name, labelColumn);
          }
        }
      }
      String series = seriesKey(name, labels);
      Long first = seriesLine.putIfAbsent(series, number);
      if (first != null) {
        throw new SyntaxError(pos, "duplicate series " + abbreviate(name + labels) + " (first on line " + first + ")");
      }
      firstSampleLine.putIfAbsent(name, number);
      delivered++;
      sink.accept(new ExpositionSample(name, labels, value, timestamp, family, type, number));
    }

    /** The histogram or summary whose _bucket, _sum or _count this name is, when one is declared. */
    private Optional<String> histogramOrSummaryStem(String name) {
      for (String suffix : new String[] {"_bucket", "_sum", "_count"}) {
        if (name.endsWith(suffix)) {
          String stem = name.substring(0, name.length() - suffix.length());
          Declared d = declared.get(stem);
          if (d != null && (d.type == MetricType.HISTOGRAM || (d.type == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
            return Optional.of(stem);
          }
        }
      }
      return Optional.empty();
    }

    private String seriesKey(String name, SortedMap<String, String> labels) {
      // Length prefixes keep the key unambiguous whatever the values contain.
      key.setLength(0);
      key.append(name).append('{');
      labels.forEach((k, v) -> key.append(k).append('=').append(v.length()).append(':').append(v));
      return key.toString();
    }
  }

  private static List<String> members(String name, MetricType type) {
    return switch (type) {
      case HISTOGRAM -> List.of(name, name + "_bucket", name + "_sum", name + "_count");
      case SUMMARY -> List.of(name, name + "_sum", name + "_count");
      default -> List.of(name);
    };
  }

  private static void requireNumericLabel(Map<String, String> labels, String label, String name, int column)
      throws SyntaxError {
    String text = labels.get(label);
    if (text == null) {
      throw new SyntaxError(column, "sample \"" + name + "\" lacks the \"" + label + "\" label");
    }
    if (SampleValues.parse(text) == null) {
      throw new SyntaxError(column, "label \"" + label + "\" of \"" + name + "\" is not a number: \"" + abbreviate(text) + "\"");
    }
  }

  private static long timestamp(String text, int at) throws SyntaxError {
    int i = text.startsWith("-") ? 1 : 0;
    if (i == text.length()) {
      throw new SyntaxError(at, "invalid timestamp \"" + abbreviate(text) + "\" (expected integer milliseconds)");
    }
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new SyntaxError(at, "invalid timestamp \"" + abbreviate(text) + "\" (expected integer milliseconds)");
      }
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new SyntaxError(at, "timestamp \"" + abbreviate(text) + "\" is out of range");
    }
  }

  private static String unescapeHelp(String line, int from) throws SyntaxError {
    StringBuilder help = new StringBuilder(line.length() - from);
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\\') {
        help.append(c);
        continue;
      }
      if (i + 1 == line.length()) {
        throw new SyntaxError(i, "HELP text ends in an unfinished escape sequence");
      }
      char escaped = line.charAt(++i);
      switch (escaped) {
        case '\\' -> help.append('\\');
        case 'n' -> help.append('\n');
        default -> throw new SyntaxError(i - 1,
            "invalid escape sequence '\\" + escaped + "' in HELP text (only \\\\ and \\n are allowed)");
      }
    }
    return help.toString();
  }

  private static int tokenEnd(String line, int pos) {
    while (pos < line.length() && !isBlank(line.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
