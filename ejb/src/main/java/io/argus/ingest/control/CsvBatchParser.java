package io.argus.ingest.control;

import io.argus.ingest.entity.AbsentReason;
import io.argus.ingest.entity.CsvBatch;
import io.argus.ingest.entity.Normalised;
import io.argus.ingest.entity.NormalisedBatch;
import io.argus.ingest.entity.RowError;
import io.argus.ingest.entity.SourceSample;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.Rfc3339;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Parser of the seed's CSV batch layout ({@code timestamp,metric_name,gpu_id,device,uuid,modelName,
 * Hostname,container,pod,namespace,value,labels_raw}) into normalised Argus samples, rejecting bad
 * rows one by one with row, column and reason while keeping the good ones.
 *
 * <p>Columns are matched by name, case-insensitively and in any order; only timestamp, metric_name
 * and value are required. {@code labels_raw} holds the remaining labels either as Prometheus label
 * pairs ({@code a="1",b="2"}, braces optional) or as a flat JSON object; a column that is filled
 * wins over the same label in it. Unlike a scrape, where exporters routinely emit names outside the
 * dictionary, a batch row with an unknown metric or without a GPU or host is an error of its author.
 */
public final class CsvBatchParser {

  public static final int DEFAULT_MAX_ERRORS = 100;
  public static final int DEFAULT_MAX_ROW_LENGTH = 64 * 1024;

  /** The columns of the layout, with the spellings accepted for each. */
  enum Column {
    TIMESTAMP(List.of(), "timestamp"),
    METRIC_NAME(List.of(), "metric_name"),
    GPU_ID(IdentityLabels.INDEX, "gpu_id"),
    DEVICE(IdentityLabels.DEVICE, "device"),
    UUID(IdentityLabels.UUID, "uuid"),
    MODEL_NAME(IdentityLabels.MODEL_NAME, "modelName", "model_name"),
    HOSTNAME(IdentityLabels.HOSTNAME, "Hostname"),
    CONTAINER(IdentityLabels.CONTAINER, "container"),
    POD(IdentityLabels.POD, "pod"),
    NAMESPACE(IdentityLabels.NAMESPACE, "namespace"),
    VALUE(List.of(), "value"),
    LABELS_RAW(List.of(), "labels_raw"),
    /** Not in the seed's layout; accepted so that a batch can attribute samples to a SLURM job. */
    SLURM_JOB(IdentityLabels.SLURM_JOB, "slurm_job");

    /** The labels a filled cell of this column replaces; the first spelling becomes the label name. */
    final List<String> labels;
    final List<String> spellings;

    Column(List<String> labels, String... spellings) {
      this.labels = labels;
      this.spellings = List.of(spellings);
    }

    String title() {
      return spellings.get(0);
    }

    static Optional<Column> named(String header) {
      for (Column column : values()) {
        for (String spelling : column.spellings) {
          if (spelling.equalsIgnoreCase(header)) {
            return Optional.of(column);
          }
        }
      }
      return Optional.empty();
    }
  }

  private final SampleNormaliser normaliser;
  private final int maxErrors;
  private final int maxRowLength;

  public CsvBatchParser(SampleNormaliser normaliser) {
    this(normaliser, DEFAULT_MAX_ERRORS, DEFAULT_MAX_ROW_LENGTH);
  }

  public CsvBatchParser(SampleNormaliser normaliser, int maxErrors, int maxRowLength) {
    if (maxErrors < 1 || maxRowLength < 64) {
      throw new IllegalArgumentException("maxErrors must be at least 1 and maxRowLength at least 64");
    }
    this.normaliser = normaliser;
    this.maxErrors = maxErrors;
    this.maxRowLength = maxRowLength;
  }

  /**
   * Reads a whole batch.
   *
   * @throws MalformedInput when the header is missing or unusable (row 0); bad rows never throw
   * @throws UncheckedIOException when the reader fails
   */
  public CsvBatch parse(Reader in) {
    try {
      CsvRecords records = new CsvRecords(in, maxRowLength);
      CsvRecords.Record header = records.next();
      Column[] columns = header(header);
      NormalisedBatch.Builder batch = new NormalisedBatch.Builder();
      List<RowError> errors = new ArrayList<>();
      List<Long> sampleRows = new ArrayList<>();
      long errorCount = 0;
      long row = 0;
      for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
        if (record.fields().size() == 1 && record.fields().get(0).isEmpty() && record.problem().isEmpty()) {
          continue;
        }
        row++;
        try {
          Normalised outcome = row(record, columns);
          batch.add(outcome);
          if (outcome instanceof Normalised.Accepted) {
            sampleRows.add(row);
          }
        } catch (RowRejected e) {
          errorCount++;
          if (errors.size() < maxErrors) {
            errors.add(new RowError(row, record.line(), e.column.map(Column::title), e.getMessage()));
          }
        }
      }
      return new CsvBatch(row, batch.build(), errors, errorCount, sampleRows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Column[] header(CsvRecords.Record header) {
    if (header == null) {
      throw headerError(1, Optional.empty(), "the batch is empty; expected a header row");
    }
    if (header.problem().isPresent()) {
      throw headerError(header.line(), Optional.empty(), "header: " + header.problem().get().message());
    }
    List<String> names = header.fields();
    Column[] columns = new Column[names.size()];
    Map<Column, Integer> seen = new EnumMap<>(Column.class);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      String shown = name;
      Column column = Column.named(name).orElseThrow(() -> headerError(header.line(), Optional.of(shown),
          "unknown column \"" + shown + "\"; expected the columns " + String.join(",", titles())));
      if (seen.put(column, i) != null) {
        throw headerError(header.line(), Optional.of(shown), "column \"" + column.title() + "\" appears twice");
      }
      columns[i] = column;
    }
    for (Column required : List.of(Column.TIMESTAMP, Column.METRIC_NAME, Column.VALUE)) {
      if (!seen.containsKey(required)) {
        throw headerError(header.line(), Optional.of(required.title()), "missing column \"" + required.title() + "\"");
      }
    }
    return columns;
  }

  private Normalised row(CsvRecords.Record record, Column[] columns) throws RowRejected {
    if (record.problem().isPresent()) {
      CsvRecords.Problem problem = record.problem().get();
      int field = problem.field() - 1;
      throw new RowRejected(field >= 0 && field < columns.length ? columns[field] : null, problem.message());
    }
    List<String> fields = record.fields();
    if (fields.size() != columns.length) {
      throw new RowRejected(null, "expected " + columns.length + " fields, found " + fields.size());
    }
    Map<Column, String> cells = new EnumMap<>(Column.class);
    for (int i = 0; i < columns.length; i++) {
      cells.put(columns[i], fields.get(i));
    }
    return cells(cells);
  }

  /**
   * Checks and normalises one row given as named cells (the JSON shape of the same row: names as in
   * the CSV header, case-insensitive, {@code model_name}/{@code hostname} spellings accepted), exactly
   * as a CSV row is checked.
   *
   * @return the outcome: accepted, or absent (a blank value)
   * @throws InvalidRow naming the field at fault
   */
  public Normalised row(Map<String, String> named) throws InvalidRow {
    Map<Column, String> cells = new EnumMap<>(Column.class);
    for (Map.Entry<String, String> e : named.entrySet()) {
      Column column = Column.named(e.getKey()).orElseThrow(() -> new InvalidRow(e.getKey(),
          "unknown field \"" + abbreviate(e.getKey()) + "\"; expected " + String.join(", ", titles())));
      cells.put(column, e.getValue() == null ? "" : e.getValue());
    }
    for (Column required : List.of(Column.TIMESTAMP, Column.METRIC_NAME, Column.VALUE)) {
      if (!cells.containsKey(required)) {
        throw new InvalidRow(required.title(), "missing field \"" + required.title() + "\"");
      }
    }
    try {
      return cells(cells);
    } catch (RowRejected e) {
      throw new InvalidRow(e.column.map(Column::title).orElse(null), e.getMessage());
    }
  }

  /** A row refused, with the field at fault when there is one. */
  public static final class InvalidRow extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRow(String field, String message) {
      super(message, null, false, false);
      this.field = field;
    }

    public Optional<String> field() {
      return Optional.ofNullable(field);
    }
  }

  private Normalised cells(Map<Column, String> cells) throws RowRejected {
    Instant timestamp;
    try {
      timestamp = Rfc3339.parse("timestamp", cells.get(Column.TIMESTAMP));
    } catch (InvalidParameter e) {
      throw new RowRejected(Column.TIMESTAMP, e.getMessage());
    }
    String metric = cells.get(Column.METRIC_NAME).strip();
    if (metric.isEmpty()) {
      throw new RowRejected(Column.METRIC_NAME, "metric_name is empty");
    }
    String valueText = cells.get(Column.VALUE).strip();
    Double value = valueText.isEmpty() ? Double.valueOf(Double.NaN) : SampleValues.parse(valueText);
    if (value == null) {
      throw new RowRejected(Column.VALUE, "value \"" + abbreviate(valueText) + "\" is not a number");
    }
    String gpuId = cells.getOrDefault(Column.GPU_ID, "").strip();
    if (!gpuId.isEmpty() && IdentityLabels.index(gpuId).isEmpty()) {
      throw new RowRejected(Column.GPU_ID, "gpu_id \"" + abbreviate(gpuId) + "\" is not a non-negative integer");
    }
    TreeMap<String, String> labels = labelsRaw(cells.getOrDefault(Column.LABELS_RAW, ""));
    for (Column column : Column.values()) {
      String cell = cells.getOrDefault(column, "").strip();
      if (!column.labels.isEmpty() && !cell.isEmpty()) {
        column.labels.forEach(labels::remove);
        labels.put(column.title(), cell);
      }
    }
    Normalised outcome = normaliser.normalise(new SourceSample(metric, labels, value, timestamp), Optional.empty());
    if (outcome instanceof Normalised.Unmapped) {
      throw new RowRejected(Column.METRIC_NAME,
          "unknown metric \"" + abbreviate(metric) + "\": neither an Argus metric nor an alias of one");
    }
    if (outcome instanceof Normalised.Unkeyed) {
      throw new RowRejected(Column.HOSTNAME, "the row names neither a GPU uuid, nor a gpu_id with a Hostname, nor a Hostname");
    }
    if (valueText.isEmpty() && outcome instanceof Normalised.Absent absent) {
      return new Normalised.Absent(absent.metric(), AbsentReason.EMPTY);
    }
    return outcome;
  }

  private static TreeMap<String, String> labelsRaw(String text) throws RowRejected {
    TreeMap<String, String> labels = new TreeMap<>();
    String t = text.strip();
    if (t.isEmpty()) {
      return labels;
    }
    try {
      int afterBrace = t.startsWith("{") ? LabelText.skipBlanks(t, 1) : -1;
      boolean json = afterBrace >= 0 && afterBrace < t.length() && t.charAt(afterBrace) == '"';
      if (json) {
        FlatJson.parseObject(t, labels);
      } else if (t.startsWith("{")) {
        int end = LabelText.parseBraced(t, 1, labels, true);
        if (LabelText.skipBlanks(t, end) != t.length()) {
          throw new SyntaxError(end, "unexpected text after '}'");
        }
      } else {
        LabelText.parseBare(t, labels, true);
      }
    } catch (SyntaxError e) {
      throw new RowRejected(Column.LABELS_RAW, e.getMessage() + " at character " + (e.index() + 1));
    }
    return labels;
  }

  private static List<String> titles() {
    List<String> titles = new ArrayList<>();
    for (Column column : Column.values()) {
      titles.add(column.title());
    }
    return titles;
  }

  private static MalformedInput headerError(long line, Optional<String> column, String message) {
    return new MalformedInput("body", List.of(new RowError(0, line, column, message)));
  }

  private static String abbreviate(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "…";
  }

  /** One row's rejection on its way to a {@link RowError}. */
  private static final class RowRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Optional<Column> column;

    RowRejected(Column column, String message) {
      super(message, null, false, false);
      this.column = Optional.ofNullable(column);
    }
  }
}
