package io.argus.telemetry.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;

/** A Prometheus-format endpoint Argus scrapes on a timer, and how its last scrape went. */
@Entity
@Table(name = "scrape_source")
public class ScrapeSource {

  @Id
  @SequenceGenerator(name = "scrape_source_seq", sequenceName = "scrape_source_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scrape_source_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 2048)
  private String url;

  @Column(nullable = false, length = 32)
  private String kind;

  @Column(name = "interval_ms", nullable = false)
  private long intervalMs;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "last_scrape_at")
  private OffsetDateTime lastScrapeAt;

  @Column(name = "last_success_at")
  private OffsetDateTime lastSuccessAt;

  @Column(name = "last_error", length = 1024)
  private String lastError;

  @Column(name = "last_samples")
  private Integer lastSamples;

  protected ScrapeSource() {}

  public ScrapeSource(String url, SourceKind kind, Duration interval, OffsetDateTime createdAt) {
    this.url = url;
    this.kind = kind.label();
    this.intervalMs = interval.toMillis();
    this.createdAt = createdAt;
  }

  public long id() {
    return id;
  }

  public String url() {
    return url;
  }

  public SourceKind kind() {
    return SourceKind.parse("kind", kind);
  }

  public Duration interval() {
    return Duration.ofMillis(intervalMs);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public OffsetDateTime lastScrapeAt() {
    return lastScrapeAt;
  }

  public OffsetDateTime lastSuccessAt() {
    return lastSuccessAt;
  }

  public String lastError() {
    return lastError;
  }

  public Integer lastSamples() {
    return lastSamples;
  }

  /** Records a scrape: its time, and either the samples it stored or why it failed. */
  public void scraped(OffsetDateTime at, Integer samples, String error) {
    this.lastScrapeAt = at;
    if (error == null) {
      this.lastSuccessAt = at;
      this.lastSamples = samples;
      this.lastError = null;
    } else {
      this.lastError = error.length() > 1024 ? error.substring(0, 1023) + "…" : error;
    }
  }
}
