package io.argus.telemetry.control;

import io.argus.ingest.control.CsvBatchParser;
import io.argus.ingest.control.MalformedInput;
import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.entity.ArgusSample;
import io.argus.ingest.entity.CsvBatch;
import io.argus.ingest.entity.Normalised;
import io.argus.ingest.entity.RowError;
import io.argus.platform.control.DatabaseSettings.Vendor;
import io.argus.platform.control.DependencyUnavailable;
import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.Rfc3339;
import io.argus.telemetry.entity.IngestReport;
import io.argus.telemetry.entity.IngestReport.RowFailure;
import io.argus.telemetry.entity.TelemetryBatch;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Batch ingest: JSON rows in the query API's row shape, or CSV rows in the seed's layout, checked row
 * by row; the good rows are stored in one transaction together with an idempotency receipt when the
 * request has a key, so a retry with the same key and body gets the first answer and stores nothing
 * again, while the same key with another body is refused.
 */
public final class BatchIngest {

  /**
   * The body formats accepted: JSON rows, CSV rows, and BATCH, the binary batch a collector pushes
   * (media type {@value #BATCH_MEDIA_TYPE}; GPUs, hosts and the reporting node travel with the
   * samples, nothing is lost between a collector and the store).
   */
  public enum Format { JSON, CSV, BATCH }

  /** The media type of {@link Format#BATCH}. */
  public static final String BATCH_MEDIA_TYPE = "application/vnd.argus.telemetry-batch";

  static final int MAX_LISTED_ERRORS = 100;

  private final DataSource dataSource;
  private final StoreDialect dialect;
  private final SampleWriter writer;

  public BatchIngest(DataSource dataSource, Vendor vendor, SampleWriter writer) {
    this.dataSource = dataSource;
    this.dialect = new StoreDialect(vendor);
    this.writer = writer;
  }

  /** What parsing found before anything is stored. */
  private record Parsed(long received, List<ArgusSample> samples, List<Long> sampleRows, long absent,
      List<RowFailure> failures, long failureCount) {}

  /**
   * Checks and stores a batch.
   *
   * @throws InvalidParameter (400, {@code body}) when the body cannot be read as the format at all
   * @throws IdempotencyKeyReused (422) when the key was used with another body
   * @throws DependencyUnavailable (503) when the database cannot take the batch now; nothing is stored
   */
  public IngestReport ingest(Format format, byte[] body, Optional<String> key, SampleNormaliser normaliser) {
    String digest = digest(format, body);
    if (format == Format.BATCH) {
      TelemetryBatch pushed = batch(body);
      return store(pushed, digest, key, false, result -> pushedReport(pushed, result));
    }
    Parsed parsed = format == Format.CSV ? csv(body, normaliser) : json(body, normaliser);
    Instant seen = parsed.samples().stream().map(ArgusSample::timestamp).max(Comparator.naturalOrder())
        .orElse(Instant.now());
    NormalisedRows.Converted converted = NormalisedRows.of(parsed.samples(), seen);
    List<RowFailure> failures = new ArrayList<>(parsed.failures());
    long failureCount = parsed.failureCount();
    for (NormalisedRows.Refused r : converted.refused()) {
      failures.add(new RowFailure(parsed.sampleRows().get(r.index()), r.field(), r.reason()));
      failureCount++;
    }
    long knownCount = failureCount;
    return store(converted.batch(), digest, key, false, result -> {
      List<RowFailure> all = new ArrayList<>(failures);
      for (SampleWriter.Rejected r : result.rejected()) {
        all.add(new RowFailure(parsed.sampleRows().get(converted.rowIndexes().get(r.index())), null, r.reason()));
      }
      all.sort(Comparator.comparingLong(RowFailure::row));
      return new IngestReport(parsed.received(), result.written(), parsed.absent(), knownCount + result.rejected().size(),
          all.size() > MAX_LISTED_ERRORS ? all.subList(0, MAX_LISTED_ERRORS) : all, false);
    });
  }

  /**
   * Stores rows read from elsewhere (a monitoring session's Prometheus) in one transaction, deleting
   * first what the store holds for their series and metrics over the rows' time span: importing the
   * same window again stores every sample once.
   *
   * @throws DependencyUnavailable (503) when the database cannot take the batch now; nothing is stored
   */
  public SampleWriter.Result replace(TelemetryBatch batch) {
    return store(batch, "", Optional.empty(), true, result -> result);
  }

  /** A pushed batch's report: rows refused by the store, numbered from 1 in the batch's order. */
  private static IngestReport pushedReport(TelemetryBatch batch, SampleWriter.Result result) {
    List<RowFailure> failures = new ArrayList<>();
    for (SampleWriter.Rejected r : result.rejected()) {
      if (failures.size() < MAX_LISTED_ERRORS) {
        failures.add(new RowFailure(r.index() + 1L, null, r.reason()));
      }
    }
    return new IngestReport(batch.size(), result.written(), 0, result.rejected().size(), failures, false);
  }

  /**
   * Stores a batch in one transaction with its receipt: the key claimed (or the earlier answer
   * returned), GPUs and hosts registered, samples written, the report saved under the key.
   */
  @SuppressWarnings("unchecked") // an earlier answer exists only under a key, and keyed callers report IngestReport
  private <R> R store(TelemetryBatch batch, String digest, Optional<String> key, boolean replace,
      Function<SampleWriter.Result, R> report) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (key.isPresent()) {
          Optional<IngestReport> earlier = claim(c, key.get(), digest);
          if (earlier.isPresent()) {
            c.rollback();
            c.setAutoCommit(true);
            return (R) earlier.get();
          }
        }
        writer.register(c, batch.gpus(), batch.hosts(), batch.seenAt());
        R answer = report.apply(replace ? writer.replace(c, batch.rows()) : writer.write(c, batch.rows()));
        if (key.isPresent()) {
          try (PreparedStatement ps = c.prepareStatement("UPDATE ingest_receipt SET report = ? WHERE idempotency_key = ?")) {
            ps.setString(1, encode((IngestReport) answer));
            ps.setString(2, key.get());
            ps.executeUpdate();
          }
        }
        c.commit();
        c.setAutoCommit(true);
        writer.committed(batch.gpus(), batch.hosts());
        return answer;
      } catch (SQLException | RuntimeException e) {
        try {
          writer.rollback(c);
          c.setAutoCommit(true);
        } catch (SQLException also) {
          e.addSuppressed(also);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new DependencyUnavailable("Database", "The batch was not stored (nothing of it was): " + e.getMessage());
    }
  }

  private static TelemetryBatch batch(byte[] body) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      TelemetryBatch batch = SpillCodec.read(in);
      if (in.read() != -1) {
        throw new InvalidParameter("body", "unexpected content after the telemetry batch");
      }
      return batch;
    } catch (InvalidParameter e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidParameter("body", "The body is not an Argus telemetry batch (" + BATCH_MEDIA_TYPE + "): "
          + abbreviate(String.valueOf(e.getMessage())));
    }
  }

  /** Records the key; when it exists already, returns the stored answer (same body) or refuses (another body). */
  private Optional<IngestReport> claim(Connection c, String key, String digest) throws SQLException {
    boolean claimed;
    if (dialect.postgres()) {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_receipt (idempotency_key, body_sha256, report,"
          + " created_at) VALUES (?, ?, '', ?) ON CONFLICT (idempotency_key) DO NOTHING")) {
        ps.setString(1, key);
        ps.setString(2, digest);
        ps.setObject(3, Rfc3339.nowUtc());
        claimed = ps.executeUpdate() == 1;
      }
    } else {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ingest_receipt (idempotency_key, body_sha256, report,"
          + " created_at) VALUES (?, ?, '', ?)")) {
        ps.setString(1, key);
        ps.setString(2, digest);
        ps.setObject(3, Rfc3339.nowUtc());
        ps.executeUpdate();
        claimed = true;
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        c.rollback();
        claimed = false;
      }
    }
    if (claimed) {
      return Optional.empty();
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT body_sha256, report FROM ingest_receipt WHERE idempotency_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("idempotency receipt vanished; retry", "40001");
        }
        if (!rs.getString(1).equals(digest)) {
          throw new IdempotencyKeyReused("Idempotency-Key '" + key + "' was used before with a different body;"
              + " use a new key for a new batch");
        }
        return Optional.of(decode(rs.getString(2)).asReplay());
      }
    }
  }

  // ---------------------------------------------------------------- parsing

  private static Parsed csv(byte[] body, SampleNormaliser normaliser) {
    CsvBatch batch;
    try {
      batch = new CsvBatchParser(normaliser, MAX_LISTED_ERRORS, CsvBatchParser.DEFAULT_MAX_ROW_LENGTH)
          .parse(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    } catch (MalformedInput e) {
      throw new InvalidParameter("body", "The CSV batch cannot be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new InvalidParameter("body", "The CSV batch cannot be read: " + e.getCause().getMessage());
    }
    List<RowFailure> failures = new ArrayList<>();
    for (RowError e : batch.errors()) {
      failures.add(new RowFailure(e.row(), e.column().orElse(null), e.message()));
    }
    return new Parsed(batch.rows(), batch.samples(), batch.sampleRows(), batch.normalised().absentTotal(), failures,
        batch.errorCount());
  }

  private static Parsed json(byte[] body, SampleNormaliser normaliser) {
    CsvBatchParser rows = new CsvBatchParser(normaliser);
    List<ArgusSample> samples = new ArrayList<>();
    List<Long> sampleRows = new ArrayList<>();
    List<RowFailure> failures = new ArrayList<>();
    long failureCount = 0;
    long absent = 0;
    long row = 0;
    try (JsonParser p = Json.createParser(new ByteArrayInputStream(body))) {
      if (!p.hasNext() || p.next() != JsonParser.Event.START_ARRAY) {
        throw new InvalidParameter("body", "The body must be a JSON array of rows");
      }
      while (true) {
        JsonParser.Event event = p.next();
        if (event == JsonParser.Event.END_ARRAY) {
          break;
        }
        row++;
        String problem = null;
        String field = null;
        Map<String, String> cells = new LinkedHashMap<>();
        if (event != JsonParser.Event.START_OBJECT) {
          problem = "a row must be a JSON object";
          if (event == JsonParser.Event.START_ARRAY) {
            skipArray(p);
          }
        } else {
          String name = null;
          for (JsonParser.Event e = p.next(); e != JsonParser.Event.END_OBJECT; e = p.next()) {
            switch (e) {
              case KEY_NAME -> name = p.getString();
              case VALUE_STRING, VALUE_NUMBER -> cells.put(name, p.getString());
              case VALUE_TRUE -> cells.put(name, "true");
              case VALUE_FALSE -> cells.put(name, "false");
              case VALUE_NULL -> cells.put(name, "");
              case START_OBJECT -> cells.put(name, object(p, name, row));
              case START_ARRAY -> {
                skipArray(p);
                problem = "field " + name + " must not be an array";
                field = name;
              }
              default -> throw new InvalidParameter("body", "unexpected JSON in row " + row);
            }
          }
        }
        if (problem == null) {
          try {
            Normalised outcome = rows.row(cells);
            if (outcome instanceof Normalised.Accepted a) {
              samples.add(a.sample());
              sampleRows.add(row);
            } else {
              absent++;
            }
            continue;
          } catch (CsvBatchParser.InvalidRow e) {
            problem = e.getMessage();
            field = e.field().orElse(null);
          }
        }
        failureCount++;
        if (failures.size() < MAX_LISTED_ERRORS) {
          failures.add(new RowFailure(row, field, problem));
        }
      }
      if (p.hasNext()) {
        throw new InvalidParameter("body", "unexpected content after the JSON array");
      }
    } catch (JsonParsingException e) {
      var at = e.getLocation();
      throw new InvalidParameter("body", "The body is not valid JSON"
          + (at == null ? "" : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")") + ": "
          + abbreviate(e.getMessage()));
    } catch (java.util.NoSuchElementException | IllegalStateException e) {
      throw new InvalidParameter("body", "The body is not a complete JSON array of rows");
    } catch (jakarta.json.JsonException e) {
      // the parser's own limits, such as its nesting depth
      throw new InvalidParameter("body", "The body is not acceptable JSON: " + abbreviate(e.getMessage()));
    }
    return new Parsed(row, samples, sampleRows, absent, failures, failureCount);
  }

  // ---------------------------------------------------------------- receipts

  static String digest(Format format, byte[] body) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(format.name().getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A report as lines: the four counts, then one tab-separated line per listed error. */
  static String encode(IngestReport r) {
    StringBuilder out = new StringBuilder();
    out.append(r.received()).append(' ').append(r.stored()).append(' ').append(r.absent()).append(' ')
        .append(r.rejected()).append('\n');
    for (RowFailure f : r.errors()) {
      out.append(f.row()).append('\t').append(f.field() == null ? "" : clean(f.field())).append('\t')
          .append(clean(f.reason())).append('\n');
    }
    return out.toString();
  }

  static IngestReport decode(String text) {
    String[] lines = text.split("\n");
    String[] counts = lines[0].split(" ");
    List<RowFailure> errors = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split("\t", 3);
      errors.add(new RowFailure(Long.parseLong(f[0]), f[1].isEmpty() ? null : f[1], f[2]));
    }
    return new IngestReport(Long.parseLong(counts[0]), Long.parseLong(counts[1]), Long.parseLong(counts[2]),
        Long.parseLong(counts[3]), errors, false);
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static final int MAX_DEPTH = 64;

  /**
   * An object-valued field as its JSON text. Parsson refuses deep nesting only far beyond any label
   * set (and with a bare RuntimeException); nesting deeper than {@value #MAX_DEPTH} levels is
   * refused here as it is in arrays, for the whole body.
   */
  private static String object(JsonParser p, String name, long row) {
    try {
      JsonObject value = p.getObject();
      if (depth(value, 2) > MAX_DEPTH) {
        throw new InvalidParameter("body", "The JSON body is nested deeper than " + MAX_DEPTH + " levels (field " + name + " of row "
            + row + ")");
      }
      return value.toString();
    } catch (jakarta.json.JsonException | InvalidParameter e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidParameter("body", "field " + name + " of row " + row + " is nested too deeply");
    }
  }

  /** The nesting depth of a value that sits at {@code level} (the batch array is level 1, a row 2); stops past the limit. */
  private static int depth(JsonValue value, int level) {
    if (level > MAX_DEPTH) {
      return level;
    }
    int deepest = level;
    if (value instanceof JsonObject o) {
      for (JsonValue v : o.values()) {
        deepest = Math.max(deepest, depth(v, level + 1));
      }
    } else if (value instanceof JsonArray a) {
      for (JsonValue v : a) {
        deepest = Math.max(deepest, depth(v, level + 1));
      }
    }
    return deepest;
  }

  /**
   * Skips the rest of an array whose START_ARRAY was just read. Parsson's own skipArray loops
   * forever on a body that ends inside the array (a request could pin a thread); this one stops at
   * the end of the input, with any depth and without recursion.
   */
  private static void skipArray(JsonParser p) {
    long depth = 1;
    while (depth > 0) {
      if (!p.hasNext()) {
        throw new InvalidParameter("body", "The JSON body ends inside an array");
      }
      switch (p.next()) {
        case START_ARRAY, START_OBJECT -> {
          if (++depth > MAX_DEPTH) {
            throw new InvalidParameter("body", "The JSON body is nested deeper than " + MAX_DEPTH + " levels");
          }
        }
        case END_ARRAY, END_OBJECT -> depth--;
        default -> { }
      }
    }
  }
}
