package io.argus.session.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A monitoring session as stored: its Prometheus, the job that runs it, and its state. */
@Entity
@Table(name = "monitoring_session")
public class MonitoringSession {

  @Id
  @Column(length = 64)
  private String id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SessionStatus status;

  @Column(name = "status_reason", length = 2048)
  private String statusReason;

  @Column(name = "scrape_interval", nullable = false, length = 32)
  private String scrapeInterval;

  @Column(name = "retention_hours")
  private Integer retentionHours;

  @Column(name = "prom_host", nullable = false, length = 253)
  private String promHost;

  @Column(name = "prometheus_port", nullable = false)
  private int prometheusPort;

  @Column(name = "prometheus_url", nullable = false, length = 512)
  private String prometheusUrl;

  @Column(nullable = false, length = 1024)
  private String workdir;

  @Column(length = 16)
  private String launcher;

  @Column(name = "job_id", length = 32)
  private String jobId;

  @Column(length = 253)
  private String node;

  @Column(name = "partition_name", length = 64)
  private String partition;

  @Column(name = "time_limit", length = 32)
  private String timeLimit;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "started_at")
  private OffsetDateTime startedAt;

  @Column(name = "ended_at")
  private OffsetDateTime endedAt;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected MonitoringSession() {}

  public MonitoringSession(
      String id,
      String scrapeInterval,
      Integer retentionHours,
      String promHost,
      int prometheusPort,
      Path workdir,
      OffsetDateTime now) {
    this.id = id;
    this.status = SessionStatus.CREATED;
    this.scrapeInterval = scrapeInterval;
    this.retentionHours = retentionHours;
    this.promHost = promHost;
    this.prometheusPort = prometheusPort;
    this.prometheusUrl = url(promHost, prometheusPort);
    this.workdir = workdir.toString();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** {@code http://host:port}, with an IPv6 literal in brackets. */
  public static String url(String host, int port) {
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** Submitted: a fresh start, forgetting the previous job and its outcome. */
  public void starting(LauncherKind kind, Optional<String> partition, String timeLimit, OffsetDateTime now) {
    status = SessionStatus.STARTING;
    statusReason = null;
    launcher = kind.key();
    jobId = null;
    node = null;
    this.partition = partition.orElse(null);
    this.timeLimit = timeLimit;
    prometheusUrl = url(promHost, prometheusPort);
    startedAt = now;
    endedAt = null;
    updatedAt = now;
  }

  public void submitted(String jobId, OffsetDateTime now) {
    this.jobId = jobId;
    updatedAt = now;
  }

  /** Running on {@code node}; Prometheus answers there. */
  public void running(String node, String prometheusUrl, OffsetDateTime now) {
    status = SessionStatus.RUNNING;
    statusReason = null;
    this.node = node;
    this.prometheusUrl = prometheusUrl;
    updatedAt = now;
  }

  /** Ended (or never started) for the reason given. */
  public void ended(SessionStatus status, String reason, OffsetDateTime now) {
    this.status = status;
    this.statusReason = reason == null ? null : abbreviate(reason);
    this.endedAt = now;
    this.updatedAt = now;
  }

  private static String abbreviate(String text) {
    return text.length() <= 2048 ? text : text.substring(0, 2047) + "…";
  }

  public String id() {
    return id;
  }

  public SessionStatus status() {
    return status;
  }

  public Optional<String> statusReason() {
    return Optional.ofNullable(statusReason);
  }

  public String scrapeInterval() {
    return scrapeInterval;
  }

  public Optional<Integer> retentionHours() {
    return Optional.ofNullable(retentionHours);
  }

  public String promHost() {
    return promHost;
  }

  public int prometheusPort() {
    return prometheusPort;
  }

  public String prometheusUrl() {
    return prometheusUrl;
  }

  public Path workdir() {
    return Path.of(workdir);
  }

  public SessionLayout layout() {
    return new SessionLayout(id, workdir());
  }

  public Optional<LauncherKind> launcher() {
    return Optional.ofNullable(launcher).map(LauncherKind::of);
  }

  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  public Optional<String> node() {
    return Optional.ofNullable(node);
  }

  public Optional<String> partition() {
    return Optional.ofNullable(partition);
  }

  public Optional<String> timeLimit() {
    return Optional.ofNullable(timeLimit);
  }

  public OffsetDateTime createdAt() {
    return createdAt;
  }

  public Optional<OffsetDateTime> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  public Optional<OffsetDateTime> endedAt() {
    return Optional.ofNullable(endedAt);
  }

  public OffsetDateTime updatedAt() {
    return updatedAt;
  }
}
