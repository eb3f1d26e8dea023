package io.argus.session.control;

import io.argus.platform.control.InvalidParameter;
import io.argus.platform.control.Rfc3339;
import io.argus.security.control.OutboundPolicy;
import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.HostPort;
import io.argus.session.entity.PrometheusDuration;
import io.argus.session.entity.ScrapeClient;
import io.argus.session.entity.ScrapeService;
import io.argus.session.entity.ServiceEndpoint;
import io.argus.session.entity.TimeWindow;
import io.argus.slurm.entity.TimeLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every session parameter passes before it reaches a file, a command line or a URL;
 * each failure is an {@link InvalidParameter} naming the field and saying what was expected.
 */
public final class SessionValidator {

  // The rules as text, shared with the Bean Validation constraints on the request bodies, so that
  // both lines of checks accept the same values and say the same thing.
  // No dots: ids become file names joined by '.', and a leading '-' would read as an option.
  public static final String SLUG_REGEX = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";
  public static final String SLUG_RULE = "must be 1 to 64 letters, digits, '_' or '-', starting with a letter or digit";
  public static final String PARTITION_REGEX = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}";
  public static final String PARTITION_RULE =
      "is not a SLURM partition name (1 to 64 letters, digits, '_', '.' or '-'; one partition only)";
  public static final String HOST_REGEX =
      "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";
  public static final String HOST_RULE = "is not a host name or IPv4 address";
  public static final String DURATION_REGEX =
      "(?=.)(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?";
  public static final String DURATION_RULE = "is not a Prometheus duration; expected e.g. 500ms, 1s, 15s or 1m30s";
  /** The forms of a time limit; their ranges (hours below 24, not zero) are checked by {@link #timeLimit}. */
  public static final String TIME_LIMIT_REGEX = "[0-9]{1,7}|[0-9]{1,7}:[0-9]{1,2}|[0-9]{1,5}:[0-9]{1,2}:[0-9]{1,2}"
      + "|[0-9]{1,4}-[0-9]{1,2}(:[0-9]{1,2}(:[0-9]{1,2})?)?|(?i:UNLIMITED|INFINITE)";
  public static final String TIME_LIMIT_RULE =
      "is not a SLURM time limit; expected minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS or UNLIMITED";
  public static final String PORT_RULE = "is out of range; expected 1 to 65535";
  public static final String REQUIRED = "is required";

  private static final Pattern SLUG = Pattern.compile(SLUG_REGEX);
  private static final Pattern PARTITION = Pattern.compile(PARTITION_REGEX);
  private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
  private static final Pattern HOST = Pattern.compile(HOST_REGEX);
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern PROMETHEUS_DURATION = Pattern.compile(DURATION_REGEX);
  private static final Pattern MINUTES = Pattern.compile("([0-9]{1,7})");
  private static final Pattern MINUTES_SECONDS = Pattern.compile("([0-9]{1,7}):([0-9]{1,2})");
  private static final Pattern CLOCK = Pattern.compile("([0-9]{1,5}):([0-9]{1,2}):([0-9]{1,2})");
  private static final Pattern DAYS =
      Pattern.compile("([0-9]{1,4})-([0-9]{1,2})(?::([0-9]{1,2})(?::([0-9]{1,2}))?)?");
  private static final long[] PROMETHEUS_UNIT_MILLIS = {
    365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1_000, 1
  };
  private static final int MAX_TEXT = 1024;

  private SessionValidator() {}

  /** A run id, session id, client id or service name: 1–64 letters, digits, '_' or '-', not starting with '_' or '-'. */
  public static String slug(String field, String value) {
    String v = required(field, value);
    if (!SLUG.matcher(v).matches()) {
      throw invalid(field, v, SLUG_RULE);
    }
    return v;
  }

  public static String partition(String field, String value) {
    String v = required(field, value);
    if (!PARTITION.matcher(v).matches()) {
      throw invalid(field, v, PARTITION_RULE);
    }
    return v;
  }

  public static String jobName(String field, String value) {
    String v = required(field, value);
    if (!JOB_NAME.matcher(v).matches()) {
      throw invalid(field, v, "is not a job name (1 to 128 letters, digits, '_', '.' or '-', starting with a letter or digit)");
    }
    return v;
  }

  /**
   * A time limit in any form sbatch {@code --time} accepts: {@code minutes}, {@code MM:SS},
   * {@code HH:MM:SS}, {@code D-HH}, {@code D-HH:MM}, {@code D-HH:MM:SS}, or {@code UNLIMITED}
   * (also {@code INFINITE}). Zero is refused because SLURM would read it as "no limit".
   */
  public static TimeLimit timeLimit(String field, String value) {
    String v = required(field, value);
    String upper = v.toUpperCase(Locale.ROOT);
    if (upper.equals("UNLIMITED") || upper.equals("INFINITE")) {
      return new TimeLimit.Unlimited();
    }
    long days = 0;
    long hours = 0;
    long minutes;
    long seconds = 0;
    Matcher m;
    if ((m = MINUTES.matcher(v)).matches()) {
      minutes = Long.parseLong(m.group(1));
    } else if ((m = MINUTES_SECONDS.matcher(v)).matches()) {
      minutes = Long.parseLong(m.group(1));
      seconds = sixty(field, v, m.group(2), "seconds");
    } else if ((m = CLOCK.matcher(v)).matches()) {
      hours = Long.parseLong(m.group(1));
      minutes = sixty(field, v, m.group(2), "minutes");
      seconds = sixty(field, v, m.group(3), "seconds");
    } else if ((m = DAYS.matcher(v)).matches()) {
      days = Long.parseLong(m.group(1));
      hours = Long.parseLong(m.group(2));
      if (hours > 23) {
        throw invalid(field, v, "has hours " + hours + " after the day count; expected 0 to 23");
      }
      minutes = m.group(3) == null ? 0 : sixty(field, v, m.group(3), "minutes");
      seconds = m.group(4) == null ? 0 : sixty(field, v, m.group(4), "seconds");
    } else {
      throw invalid(field, v, TIME_LIMIT_RULE);
    }
    Duration d = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
    if (d.isZero()) {
      throw invalid(field, v, "must be longer than zero (use UNLIMITED for no limit)");
    }
    return new TimeLimit.Bounded(d);
  }

  public static int port(String field, Integer value) {
    if (value == null) {
      throw new InvalidParameter(field, field + " " + REQUIRED);
    }
    if (value < 1 || value > 65_535) {
      throw new InvalidParameter(field, field + " " + value + " " + PORT_RULE);
    }
    return value;
  }

  /** A positive Prometheus duration such as {@code 1s}, {@code 500ms} or {@code 1m30s}. */
  public static PrometheusDuration scrapeInterval(String field, String value) {
    String v = required(field, value);
    Matcher m = PROMETHEUS_DURATION.matcher(v);
    if (!m.matches()) {
      throw invalid(field, v, DURATION_RULE);
    }
    long millis = 0;
    try {
      for (int i = 0; i < PROMETHEUS_UNIT_MILLIS.length; i++) {
        if (m.group(i + 1) != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(m.group(i + 1)), PROMETHEUS_UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw invalid(field, v, "is too long");
    }
    if (millis == 0) {
      throw invalid(field, v, "must be longer than zero");
    }
    return new PrometheusDuration(v, Duration.ofMillis(millis));
  }

  /** Two RFC 3339 date-times, the start strictly before the end. */
  public static TimeWindow window(String startField, String start, String endField, String end) {
    var from = Rfc3339.parse(startField, start);
    var to = Rfc3339.parse(endField, end);
    if (!from.isBefore(to)) {
      throw new InvalidParameter(
          startField,
          startField + " " + Rfc3339.format(from) + " must be before " + endField + " " + Rfc3339.format(to));
    }
    return new TimeWindow(from, to);
  }

  /** A node name: a DNS name or IPv4 address. */
  public static String node(String field, String value) {
    String v = required(field, value);
    if (!HOST.matcher(v).matches()) {
      throw invalid(field, v, HOST_RULE);
    }
    return v;
  }

  /**
   * A client registration reduced to its scrape targets. A preference missing from the map means
   * enabled; an enabled exporter without an address is expected on the node at its default port.
   */
  public static ScrapeClient client(
      String clientId, String node, Map<String, String> exporters, Map<String, Boolean> preferences) {
    String id = slug("client_id", clientId);
    String host = node("node", node);
    Map<String, String> given = exporters == null ? Map.of() : exporters;
    Map<String, Boolean> prefs = preferences == null ? Map.of() : preferences;
    var known = new TreeSet<String>();
    var enabledKeys = new TreeSet<String>();
    for (ExporterKind kind : ExporterKind.values()) {
      known.add(kind.key());
      enabledKeys.add(kind.preference());
    }
    for (String key : given.keySet()) {
      if (!known.contains(key)) {
        throw new InvalidParameter("exporters." + key, "exporters." + key + " is not a known exporter; expected one of " + String.join(", ", known));
      }
    }
    for (String key : prefs.keySet()) {
      if (!enabledKeys.contains(key)) {
        throw new InvalidParameter("preferences." + key, "preferences." + key + " is not a known preference; expected one of " + String.join(", ", enabledKeys));
      }
    }
    var targets = new EnumMap<ExporterKind, HostPort>(ExporterKind.class);
    for (ExporterKind kind : ExporterKind.values()) {
      if (Boolean.FALSE.equals(prefs.get(kind.preference()))) {
        continue;
      }
      String address = given.get(kind.key());
      targets.put(
          kind,
          address == null
              ? new HostPort(host, kind.defaultPort())
              : hostPort("exporters." + kind.key(), address));
    }
    return new ScrapeClient(id, host, targets);
  }

  /** A service registration: its endpoint split for Prometheus, its labels checked. */
  public static ScrapeService service(String clientId, String name, String endpoint, Map<String, String> labels) {
    return new ScrapeService(
        slug("client_id", clientId),
        slug("name", name),
        serviceEndpoint("endpoint", endpoint),
        labels("labels", labels, FileSdRenderer.RESERVED_LABELS));
  }

  /**
   * A host and port as exporters are given ({@code node01:9100}, {@code [::1]:9100}); no scheme,
   * no path.
   */
  public static HostPort hostPort(String field, String value) {
    String v = required(field, value);
    int colon = v.lastIndexOf(':');
    if (colon <= 0 || colon == v.length() - 1) {
      throw invalid(field, v, "must be host:port, e.g. node01:9100");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
      if (!IPV6.matcher(host).matches()) {
        throw invalid(field, v, "has a malformed IPv6 address");
      }
    } else if (!HOST.matcher(host).matches()) {
      throw invalid(field, v, "must be host:port with a DNS name or IPv4 address as host, e.g. node01:9100");
    }
    String digits = v.substring(colon + 1);
    if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.length() > 5) {
      throw invalid(field, v, "has a port that is not a number");
    }
    int port = Integer.parseInt(digits);
    if (port < 1 || port > 65_535) {
      throw invalid(field, v, "has port " + port + " out of range; expected 1 to 65535");
    }
    OutboundPolicy.current().check(field, host);
    return new HostPort(host, port);
  }

  /**
   * A service's metrics URL: http or https, a host, no user info, no query or fragment. A missing
   * port is the scheme's default and a missing path is {@code /metrics}, as Prometheus assumes.
   */
  public static ServiceEndpoint serviceEndpoint(String field, String value) {
    String v = required(field, value);
    URI uri;
    try {
      uri = new URI(v);
    } catch (URISyntaxException e) {
      throw invalid(field, v, "is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw invalid(field, v, "must be an http or https URL, e.g. http://node01:8000/metrics");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(field, v, "must not carry user information (user:password@)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw invalid(field, v, "has no host (or a host with characters DNS does not allow)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(field, v, "must not have a query string or fragment");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    OutboundPolicy.current().check(field, host);
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/metrics" : uri.getRawPath();
    return new ServiceEndpoint(scheme, new HostPort(host, port), path);
  }

  /**
   * A Prometheus label name a user may set: not reserved ({@code __} prefix) and not one Argus
   * sets itself.
   */
  public static String labelName(String field, String name, Set<String> reserved) {
    String v = required(field, name);
    if (!LABEL_NAME.matcher(v).matches() || v.startsWith("__")) {
      throw invalid(field, v, "is not a label name (letters, digits and '_', not starting with a digit or '__')");
    }
    if (reserved.contains(v)) {
      throw invalid(field, v, "is set by Argus itself; reserved: " + String.join(", ", new TreeSet<>(reserved)));
    }
    return v;
  }

  /** Label names and values as given, checked; values may be any text without control characters. */
  public static Map<String, String> labels(String field, Map<String, String> labels, Set<String> reserved) {
    if (labels == null) {
      return Map.of();
    }
    if (labels.size() > 64) {
      throw new InvalidParameter(field, field + " has " + labels.size() + " labels; at most 64 are accepted");
    }
    var out = new TreeMap<String, String>();
    labels.forEach(
        (k, val) -> {
          labelName(field, k, reserved);
          String label = field + "." + k;
          if (val == null) {
            throw new InvalidParameter(label, label + " is null; label values are strings");
          }
          if (val.length() > MAX_TEXT || val.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidParameter(label, label + " must be at most " + MAX_TEXT + " characters without control characters");
          }
          out.put(k, val);
        });
    return out;
  }

  /**
   * Resolves an output directory inside the artifact root. A relative value is taken relative to
   * the root. Symbolic links in the part that already exists are followed before the check, so a
   * link pointing outside the root cannot be used to escape it; {@code ..} segments are refused
   * outright because {@code a/link/..} means different things to the lexical and the real path.
   *
   * @return the absolute, normalized directory, which need not exist yet
   */
  public static Path outDir(String field, Path artifactRoot, String value) {
    String v = required(field, value);
    Path root;
    try {
      root = Files.exists(artifactRoot) ? artifactRoot.toRealPath() : artifactRoot.toAbsolutePath().normalize();
    } catch (IOException e) {
      throw new UncheckedIOException("artifact root " + artifactRoot + " cannot be resolved", e);
    }
    Path given;
    try {
      given = Path.of(v);
    } catch (InvalidPathException e) {
      throw invalid(field, v, "is not a valid path (" + e.getReason() + ")");
    }
    for (Path segment : given) {
      if (segment.toString().equals("..")) {
        throw invalid(field, v, "must not contain '..' segments");
      }
    }
    Path candidate = (given.isAbsolute() ? given : root.resolve(given)).normalize();
    Path resolved = realExistingPrefix(field, v, candidate);
    if (!resolved.startsWith(root)) {
      throw invalid(field, v, "must be inside the artifact root " + root);
    }
    return resolved;
  }

  private static Path realExistingPrefix(String field, String value, Path candidate) {
    Path existing = candidate;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return candidate;
    }
    try {
      Path real = existing.toRealPath();
      if (!Files.isDirectory(real)) {
        throw invalid(field, value, "names a file (" + real + "), not a directory");
      }
      return real.resolve(existing.relativize(candidate)).normalize();
    } catch (IOException e) {
      throw invalid(field, value, "cannot be resolved (" + e.getMessage() + ")");
    }
  }

  private static long sixty(String field, String value, String digits, String unit) {
    long n = Long.parseLong(digits);
    if (n > 59) {
      throw invalid(field, value, "has " + unit + " " + n + "; expected 0 to 59");
    }
    return n;
  }

  private static String required(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidParameter(field, field + " " + REQUIRED);
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidParameter(field, field + " is longer than " + MAX_TEXT + " characters");
    }
    // CR, LF and other controls would split a header, a log line or a file_sd entry.
    if (value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidParameter(field, field + " must not contain control characters such as CR or LF");
    }
    if (!value.strip().equals(value)) {
      throw new InvalidParameter(field, field + " must not start or end with whitespace");
    }
    return value;
  }

  private static InvalidParameter invalid(String field, String value, String detail) {
    return new InvalidParameter(field, field + " '" + abbreviate(value) + "' " + detail);
  }

  private static String abbreviate(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
