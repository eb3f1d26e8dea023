package io.argus.security.control;

import io.argus.platform.control.StartedBeans;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import javax.cache.Cache;

/**
 * Where this node keeps its rate-limit buckets ({@code argus.security.rate-limit.store}), decided
 * once at start-up: {@code auto} shares them through the data grid's JCache when this Payara Micro
 * instance is in a Hazelcast data grid and keeps them in memory otherwise; {@code local} always in
 * memory; {@code cluster} always shared, and a node that cannot share them does not start rather
 * than quietly counting alone.
 */
@ApplicationScoped
public class RateLimitStore {

  public static final String KEY = "argus.security.rate-limit.store";
  private static final Logger LOG = Logger.getLogger(RateLimitStore.class.getName());

  /** The configured choice. */
  public enum Mode {
    AUTO, LOCAL, CLUSTER;

    static Mode parse(String text) {
      return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
        case "auto" -> AUTO;
        case "local" -> LOCAL;
        case "cluster" -> CLUSTER;
        default -> throw new IllegalArgumentException(KEY + " must be auto, local or cluster; got '" + text + "'");
      };
    }

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The limiter chosen and the start-up line that says why. */
  record Choice(RateLimiter limiter, String reason) {}

  @Inject
  SecuritySettings settings;

  private RateLimiter limiter;
  private Optional<Boolean> grid;

  @PostConstruct
  void open() {
    grid = dataGrid(System::getProperty);
    Choice choice;
    try {
      choice = choose(settings.rateLimitStore(), grid, RateLimiter::openSharedCache);
    } catch (IllegalStateException refused) {
      LOG.severe(refused.getMessage());
      throw refused;
    }
    limiter = choice.limiter();
    LOG.info(choice.reason());
    StartedBeans.started(RateLimitStore.class);
  }

  @PreDestroy
  void close() {
    StartedBeans.stopped(RateLimitStore.class);
  }

  public RateLimiter limiter() {
    return limiter;
  }

  /** {@code on}, {@code off}, or {@code unknown} (not Payara Micro, or it did not say). */
  public String grid() {
    return grid.map(on -> on ? "on" : "off").orElse("unknown");
  }

  /**
   * Whether this Payara Micro instance is in a Hazelcast data grid, read from the system properties
   * Payara Micro sets from its options ({@code payaramicro.noCluster} for {@code --nocluster},
   * {@code payaramicro.noHazelcast} for {@code --nohazelcast}); empty when they say nothing.
   */
  static Optional<Boolean> dataGrid(UnaryOperator<String> systemProperty) {
    if ("true".equalsIgnoreCase(systemProperty.apply("payaramicro.noHazelcast"))) {
      return Optional.of(false);
    }
    String noCluster = systemProperty.apply("payaramicro.noCluster");
    if (noCluster == null || noCluster.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(!"true".equalsIgnoreCase(noCluster.trim()));
  }

  /**
   * The limiter for this mode on an instance whose data grid is as given.
   *
   * @throws IllegalStateException when buckets must be shared (with {@code cluster}, or with
   *     {@code auto} in a data grid) and cannot be
   */
  static Choice choose(Mode mode, Optional<Boolean> grid, Supplier<Cache<String, String>> sharedCache) {
    String setting = KEY + "=" + mode.key();
    if (mode == Mode.LOCAL || (mode == Mode.AUTO && !grid.orElse(false))) {
      String why = mode == Mode.LOCAL ? "" : grid.isPresent() ? "; this instance is in no Hazelcast data grid"
          : "; it cannot tell whether this server is in a Hazelcast data grid: set cluster to share them through its JCache";
      return new Choice(RateLimiter.inMemory(), "Rate limits: buckets kept in this node's memory (" + setting + why + ")");
    }
    if (grid.isPresent() && !grid.get()) {
      throw new IllegalStateException("Rate limits: " + setting + ", but this instance is in no Hazelcast data grid"
          + " (Payara Micro started with --nocluster or --nohazelcast; the bundle has --nocluster unless a"
          + " --systemproperties file says payaramicro.noCluster=false); start it in a data grid or set " + KEY
          + " to auto or local. Argus does not start");
    }
    Cache<String, String> cache;
    try {
      cache = sharedCache.get();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Rate limits: " + setting + (grid.isPresent() ? " in a Hazelcast data grid" : "")
          + ", but " + e.getMessage() + ". Argus does not start", e);
    }
    return new Choice(RateLimiter.shared(cache), "Rate limits: buckets shared through the data grid's JCache "
        + RateLimiter.CACHE + " (" + setting + (mode == Mode.AUTO ? "; this instance is in a Hazelcast data grid" : "") + ")");
  }
}
