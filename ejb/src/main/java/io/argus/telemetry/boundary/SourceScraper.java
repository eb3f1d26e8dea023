package io.argus.telemetry.boundary;

import io.argus.cluster.boundary.Leadership;
import io.argus.cluster.control.ClusterSettings;
import io.argus.cluster.entity.ClusterJob;
import io.argus.telemetry.control.IngestDictionary;
import io.argus.telemetry.control.SampleBuffer;
import io.argus.telemetry.control.ScrapeSources;
import io.argus.telemetry.control.Scraper;
import io.argus.telemetry.control.TelemetryBuffer;
import io.argus.telemetry.entity.SampleRow;
import io.argus.telemetry.entity.ScrapeSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scrapes the registered sources when their interval is due, on one node of a cluster at a time,
 * and hands the samples to the telemetry buffer (so an outage of the database loses nothing).
 */
@Singleton
@Startup
@DependsOn({"Database", "TelemetryBuffer", "Leadership"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class SourceScraper {

  private static final Logger LOG = Logger.getLogger(SourceScraper.class.getName());

  @Inject
  @ConfigProperty(name = "argus.telemetry.sources.tick", defaultValue = "PT1S")
  Duration tick;

  @Inject
  @ConfigProperty(name = "argus.telemetry.sources.timeout", defaultValue = "PT10S")
  Duration timeout;

  @Inject
  @ConfigProperty(name = "argus.telemetry.sources.max-bytes", defaultValue = "16777216")
  long maxBytes;

  @Inject
  ScrapeSources sources;

  @Inject
  IngestDictionary dictionary;

  @Inject
  TelemetryBuffer buffer;

  @Inject
  Leadership leadership;

  @Inject
  ClusterSettings cluster;

  @Resource
  TimerService timers;

  private Scraper scraper;
  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    scraper = new Scraper(timeout, maxBytes);
    long every = Math.max(200, tick.toMillis());
    timers.createIntervalTimer(every, every, new TimerConfig("telemetry-sources", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      if (leadership.leads(ClusterJob.SOURCE_SCRAPING)) {
        scrapeDue();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Source scraping skipped this tick: " + e.getMessage(), e);
    } finally {
      running.set(false);
    }
  }

  private void scrapeDue() {
    Instant now = Instant.now();
    for (ScrapeSource source : sources.due(now)) {
      Scraper.Outcome outcome = scraper.scrape(URI.create(source.url()), dictionary.normaliser(), now);
      if (outcome.error().isPresent()) {
        LOG.fine(() -> "Scrape of " + source.url() + " failed: " + outcome.error().get());
        sources.scraped(source.id(), now, null, outcome.error().get());
        continue;
      }
      // the scraping node reports these samples
      var rows = outcome.batch().rows().stream()
          .map(r -> new SampleRow(r.time(), r.series().reportedBy(cluster.nodeId()), r.metric(), r.value())).toList();
      SampleBuffer.Outcome where = buffer.offer(rows, outcome.batch().gpus(), outcome.batch().hosts(), outcome.batch().seenAt());
      String error = where == SampleBuffer.Outcome.DROPPED ? "telemetry buffer full; samples dropped" : null;
      sources.scraped(source.id(), now, outcome.batch().size(), error);
    }
  }
}
