package io.argus.telemetry.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One entry of the metric dictionary: a quantity Argus stores, its unit and its names elsewhere. */
@Entity
@Table(name = "metric")
@Cacheable
public class Metric {

  @Id
  private int id;

  @Column(nullable = false, unique = true, length = 128)
  private String name;

  @Column(nullable = false, length = 32)
  private String unit;

  @Column(nullable = false, length = 16)
  private String kind;

  @Column(nullable = false, length = 16)
  private String source;

  @Column(nullable = false, length = 512)
  private String help;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "metric_alias", joinColumns = @JoinColumn(name = "metric_id"))
  @OrderBy("alias")
  private List<MetricAlias> aliases = new ArrayList<>();

  protected Metric() {}

  public int id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String unit() {
    return unit;
  }

  public MetricKind kind() {
    return MetricKind.valueOf(kind.toUpperCase(Locale.ROOT));
  }

  public String source() {
    return source;
  }

  public String help() {
    return help;
  }

  public List<MetricAlias> aliases() {
    return List.copyOf(aliases);
  }
}
