package io.argus.telemetry.control;

import io.argus.security.control.OutboundPolicy;
import io.argus.ingest.control.ExpositionParser;
import io.argus.ingest.control.SampleNormaliser;
import io.argus.ingest.entity.ExpositionReport;
import io.argus.ingest.entity.ExpositionSample;
import io.argus.ingest.entity.NormalisedBatch;
import io.argus.ingest.entity.ScrapeContext;
import io.argus.telemetry.entity.TelemetryBatch;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One scrape of a Prometheus-format endpoint: GET with a timeout and a size limit, redirects never
 * followed, the exposition parsed leniently (bad lines skipped), normalised through the metric
 * dictionary, and turned into a batch for the store with the GPUs and hosts its labels identify.
 */
public final class Scraper {

  /** What a scrape produced: a batch (possibly empty) or why there is none. */
  public record Outcome(TelemetryBatch batch, long badLines, long unmapped, Optional<String> error) {}

  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;

  public Scraper(Duration timeout, long maxBytes) {
    this.client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout)
        .build();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  public Outcome scrape(URI url, SampleNormaliser normaliser, Instant now) {
    byte[] body;
    try {
      // checked again at every scrape: a name may resolve elsewhere now than when it was registered
      OutboundPolicy.current().checkResolved("url", url.getHost());
    } catch (IOException | io.argus.platform.control.InvalidParameter e) {
      return failed(e.getMessage());
    }
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
          .header("Accept", "text/plain;version=0.0.4;q=1, */*;q=0.1")
          .GET().build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        int status = response.statusCode();
        if (status >= 300 && status < 400) {
          return failed("HTTP " + status + " redirect to " + response.headers().firstValue("Location").orElse("?")
              + " not followed; register the final URL");
        }
        if (status != 200) {
          return failed("HTTP " + status);
        }
        body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
          return failed("response larger than " + maxBytes + " bytes");
        }
      }
    } catch (IOException e) {
      return failed(e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted");
    }
    List<ExpositionSample> samples = new ArrayList<>();
    ExpositionReport report = new ExpositionParser().parse(
        new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8), samples::add);
    NormalisedBatch normalised = normaliser.normaliseScrape(samples, new ScrapeContext(now, Optional.of(url.getHost())));
    NormalisedRows.Converted converted = NormalisedRows.of(normalised.samples(), now);
    return new Outcome(converted.batch(), report.errorCount(),
        normalised.unmapped().values().stream().mapToLong(Long::longValue).sum(), Optional.empty());
  }

  private static Outcome failed(String why) {
    return new Outcome(new TelemetryBatch(List.of(), List.of(), List.of(), Instant.now()), 0, 0, Optional.of(why));
  }
}
