package io.argus.telemetry.control;

import io.argus.telemetry.entity.TelemetryBatch;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The push path of a collector that does not write to the database itself: each batch goes to an
 * API node's {@code POST /api/v1/telemetry} in the binary batch format, under an
 * {@code Idempotency-Key} derived from its content, so a batch sent twice (a retry after a lost
 * answer, a spool replayed after a crash) is stored once. An unreachable API node, a 5xx, 401, 403,
 * 404 or 429 is an {@link IOException}: the batch stays in the spool and is retried. A 4xx that
 * refuses the batch itself is a {@link Refused}, which the drain sets aside after a few attempts.
 */
public final class TelemetryPush implements BufferDrain.Store {

  private static final Logger LOG = Logger.getLogger(TelemetryPush.class.getName());

  /** The API node refused the batch for its content; sending it again cannot help. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final URI url;
  private final Optional<String> key;
  private final Duration timeout;
  private final HttpClient http;

  public TelemetryPush(URI url, Optional<String> key, Duration timeout) {
    this.url = url;
    this.key = key.filter(k -> !k.isBlank());
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The push URL from {@code argus.telemetry.push.url}: an http(s) base URL of an API node, or the ingest endpoint itself. */
  public static URI endpoint(String configured) {
    URI base;
    try {
      base = URI.create(configured.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("argus.telemetry.push.url is not a URL: " + e.getMessage());
    }
    if (base.getScheme() == null || !List.of("http", "https").contains(base.getScheme().toLowerCase())
        || base.getHost() == null || base.getRawUserInfo() != null) {
      throw new IllegalArgumentException("argus.telemetry.push.url must be an http(s) URL with a host and without"
          + " credentials (the key goes in argus.telemetry.push.key), got " + base.getScheme() + "://…");
    }
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (path.endsWith("/api/v1/telemetry")) {
      return base;
    }
    return base.resolve((path.endsWith("/") ? path : path + "/") + "api/v1/telemetry");
  }

  /** Sends the batches as one (the spool hands out the same list again on a retry, so the key is the same too). */
  @Override
  public SampleWriter.Result write(List<TelemetryBatch> batches) throws IOException {
    return new SampleWriter.Result(send(merge(batches)), List.of());
  }

  /** The batches as one: all rows in order, each GPU and host once, seen at the latest time. */
  public static TelemetryBatch merge(List<TelemetryBatch> batches) {
    if (batches.size() == 1) {
      return batches.get(0);
    }
    java.util.List<io.argus.telemetry.entity.SampleRow> rows = new java.util.ArrayList<>();
    java.util.Map<String, io.argus.telemetry.entity.GpuInventoryEntry> gpus = new java.util.LinkedHashMap<>();
    java.util.Map<String, io.argus.telemetry.entity.HostInventoryEntry> hosts = new java.util.LinkedHashMap<>();
    java.time.Instant seen = batches.get(0).seenAt();
    for (TelemetryBatch b : batches) {
      rows.addAll(b.rows());
      b.gpus().forEach(g -> gpus.put(g.uuid(), g));
      b.hosts().forEach(h -> hosts.put(h.nodeId(), h));
      seen = b.seenAt().isAfter(seen) ? b.seenAt() : seen;
    }
    return new TelemetryBatch(rows, List.copyOf(gpus.values()), List.copyOf(hosts.values()), seen);
  }

  private int send(TelemetryBatch batch) throws IOException {
    byte[] body = encode(batch);
    HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
        .header("Content-Type", BatchIngest.BATCH_MEDIA_TYPE)
        .header("Idempotency-Key", idempotencyKey(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while pushing", e);
    }
    int status = response.statusCode();
    if (status == 200) {
      long rejected = count(response.body(), "rejected");
      if (rejected > 0) {
        LOG.warning(() -> "The API node refused " + rejected + " of " + batch.size() + " pushed samples: "
            + abbreviate(response.body()));
      }
      return (int) count(response.body(), "stored");
    }
    String detail = url + " answered " + status + ": " + abbreviate(response.body());
    if (status == 400 || status == 413 || status == 415 || status == 422) {
      throw new Refused(detail);
    }
    throw new IOException(detail);
  }

  // the report's counts read without JSON-P: this runs on a timer thread, possibly while the
  // application is still deploying, and the provider lookup is no business of the push path
  private static final java.util.regex.Pattern COUNT = java.util.regex.Pattern.compile("\"(stored|rejected)\"\\s*:\\s*(\\d+)");

  static long count(String report, String name) {
    java.util.regex.Matcher m = COUNT.matcher(report);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Long.parseLong(m.group(2));
      }
    }
    throw new IllegalStateException("the API node's answer has no " + name + " count: " + abbreviate(report));
  }

  static byte[] encode(TelemetryBatch batch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + batch.size() * 24);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      SpillCodec.write(out, batch);
    } catch (IOException e) {
      throw new IllegalStateException(e); // in memory: cannot happen
    }
    return bytes.toByteArray();
  }

  /** The same batch always gets the same key, and two batches never do. */
  static String idempotencyKey(byte[] body) {
    try {
      return "argus-batch-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public URI url() {
    return url;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
  }
}
