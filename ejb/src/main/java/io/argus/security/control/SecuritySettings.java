package io.argus.security.control;

import io.argus.platform.control.DatabaseSettings;
import io.argus.security.entity.Caller;
import io.argus.security.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The {@code argus.security.*} configuration, read and checked once at start-up: a bad value stops
 * the deployment with a message naming the key, rather than leaving a door open.
 */
@ApplicationScoped
public class SecuritySettings {

  /** Who may read {@code /metrics} or the console's files once keys exist. */
  public enum Exposure {
    OPEN, AUTHENTICATED;

    static Exposure parse(String key, String text) {
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "open" -> OPEN;
        case "authenticated" -> AUTHENTICATED;
        default -> throw new IllegalArgumentException(key + " must be open or authenticated; got '" + text + "'");
      };
    }
  }

  private List<io.argus.security.entity.ApiKey> configuredKeys;
  private Optional<JwtVerifier> jwt;
  private Exposure metrics;
  private Exposure console;
  private List<Cidr> trustedProxies;
  private Map<Role, Optional<RateLimit>> roleLimits;
  private Optional<RateLimit> anonymousLimit;
  private Optional<RateLimit> localLimit;
  private RateLimitStore.Mode rateLimitStore;
  private long maxBodyBytes;
  private long maxIngestBytes;
  private int maxQueryChars;
  private int maxHeaderBytes;
  private Set<String> corsOrigins;
  private Duration keyRefresh;
  private Optional<Path> auditFile;

  /** {@code argus.security.metrics} as configured; read here and by the OpenAPI filter, which no bean serves. */
  public static Exposure metricsExposure(Config c) {
    return Exposure.parse("argus.security.metrics", text(c, "argus.security.metrics", "open"));
  }

  @PostConstruct
  void read() {
    Config c = ConfigProvider.getConfig();
    configuredKeys = KeySecrets.parseConfigured(c.getOptionalValue("argus.security.keys", String.class).orElse(null));
    jwt = jwt(c);
    metrics = metricsExposure(c);
    console = Exposure.parse("argus.security.console", text(c, "argus.security.console", "open"));
    trustedProxies = list(c, "argus.security.trusted-proxies").stream().map(Cidr::parse).toList();
    roleLimits = new EnumMap<>(Role.class);
    roleLimits.put(Role.READER, limit(c, "reader", "1200/1m"));
    roleLimits.put(Role.OPERATOR, limit(c, "operator", "1200/1m"));
    roleLimits.put(Role.ADMIN, limit(c, "admin", "300/1m"));
    anonymousLimit = limit(c, "anonymous", "600/1m");
    localLimit = limit(c, "local", "unlimited");
    rateLimitStore = RateLimitStore.Mode.parse(text(c, RateLimitStore.KEY, "auto"));
    maxBodyBytes = positive(c, "argus.security.max-body-bytes", 1_048_576L);
    maxIngestBytes = positive(c, "argus.telemetry.ingest.max-body-bytes", 67_108_864L);
    maxQueryChars = (int) positive(c, "argus.security.max-query-chars", 4096);
    maxHeaderBytes = (int) positive(c, "argus.security.max-header-bytes", 8192);
    corsOrigins = list(c, "argus.security.cors.allowed-origins").stream().map(o -> o.replaceAll("/+$", "")).collect(Collectors.toUnmodifiableSet());
    keyRefresh = c.getOptionalValue("argus.security.keys.refresh", Duration.class).orElse(Duration.ofSeconds(10));
    auditFile = auditFile(c.getOptionalValue(AUDIT_FILE_KEY, String.class),
        DatabaseSettings.dataDir(key -> c.getOptionalValue(key, String.class)));
  }

  static final String AUDIT_FILE_KEY = "argus.audit.file";

  /**
   * Where audit lines go besides the server log: the configured file, {@code audit.log} in the data
   * directory when unset, none for {@code none} (MicroProfile Config reads an empty value as unset).
   */
  static Optional<Path> auditFile(Optional<String> configured, Path dataDir) {
    String v = configured.map(String::strip).orElse("");
    if (v.equalsIgnoreCase("none")) {
      return Optional.empty();
    }
    Path file = v.isEmpty() ? dataDir.resolve("audit.log") : Path.of(v);
    return Optional.of(file.toAbsolutePath().normalize());
  }

  private static Optional<JwtVerifier> jwt(Config c) {
    Optional<String> issuer = c.getOptionalValue("argus.security.jwt.issuer", String.class)
        .or(() -> c.getOptionalValue("mp.jwt.verify.issuer", String.class)).filter(s -> !s.isBlank());
    Optional<String> key = c.getOptionalValue("argus.security.jwt.public-key", String.class)
        .or(() -> c.getOptionalValue("mp.jwt.verify.publickey", String.class)).filter(s -> !s.isBlank());
    Optional<String> location = c.getOptionalValue("argus.security.jwt.public-key-location", String.class)
        .or(() -> c.getOptionalValue("mp.jwt.verify.publickey.location", String.class)).filter(s -> !s.isBlank());
    if (key.isEmpty() && location.isPresent()) {
      try {
        key = Optional.of(Files.readString(Path.of(location.get().replaceFirst("^file:", "")), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("argus.security.jwt.public-key-location " + location.get() + " cannot be read: " + e.getMessage(), e);
      }
    }
    if (issuer.isEmpty() && key.isEmpty()) {
      return Optional.empty();
    }
    if (issuer.isEmpty() || key.isEmpty()) {
      throw new IllegalArgumentException("JWT needs both argus.security.jwt.issuer and argus.security.jwt.public-key"
          + " (or public-key-location); only one is set");
    }
    Optional<String> audience = c.getOptionalValue("argus.security.jwt.audience", String.class)
        .or(() -> c.getOptionalValue("mp.jwt.verify.audiences", String.class)).filter(s -> !s.isBlank());
    Duration leeway = c.getOptionalValue("argus.security.jwt.leeway", Duration.class).orElse(Duration.ofSeconds(30));
    return Optional.of(new JwtVerifier(issuer.get().trim(), JwtVerifier.readPublicKey(key.get()), audience.map(String::trim), leeway));
  }

  private static String text(Config c, String key, String fallback) {
    return c.getOptionalValue(key, String.class).orElse(fallback);
  }

  private static List<String> list(Config c, String key) {
    String v = c.getOptionalValue(key, String.class).orElse("");
    return v.isBlank() ? List.of() : Arrays.stream(v.trim().split("[,\\s]+")).toList();
  }

  private static Optional<RateLimit> limit(Config c, String who, String fallback) {
    String key = "argus.security.rate-limit." + who;
    return RateLimit.parse(key, text(c, key, fallback));
  }

  private static long positive(Config c, String key, long fallback) {
    long v = c.getOptionalValue(key, Long.class).orElse(fallback);
    if (v < 1) {
      throw new IllegalArgumentException(key + " must be at least 1; got " + v);
    }
    return v;
  }

  public List<io.argus.security.entity.ApiKey> configuredKeys() {
    return configuredKeys;
  }

  public Optional<JwtVerifier> jwt() {
    return jwt;
  }

  public Exposure metrics() {
    return metrics;
  }

  public Exposure console() {
    return console;
  }

  public List<Cidr> trustedProxies() {
    return trustedProxies;
  }

  /** The bucket a caller draws from; empty means not limited. */
  public Optional<RateLimit> limitFor(Caller caller) {
    return switch (caller.kind()) {
      case LOCAL -> localLimit;
      case ANONYMOUS -> anonymousLimit;
      default -> roleLimits.get(caller.role().orElse(Role.READER));
    };
  }

  /** Where the token buckets are kept ({@code argus.security.rate-limit.store}). */
  public RateLimitStore.Mode rateLimitStore() {
    return rateLimitStore;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public long maxIngestBytes() {
    return maxIngestBytes;
  }

  public int maxQueryChars() {
    return maxQueryChars;
  }

  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  public Set<String> corsOrigins() {
    return corsOrigins;
  }

  public Duration keyRefresh() {
    return keyRefresh;
  }

  /** The audit log's own file; empty when audit lines go to the server log only. */
  public Optional<Path> auditFile() {
    return auditFile;
  }
}
