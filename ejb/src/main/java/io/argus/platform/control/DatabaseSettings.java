package io.argus.platform.control;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the store lives. No configuration means an embedded H2 file database under
 * {@code argus.data.dir} (default {@code ./data}); {@code argus.db.url} with a
 * {@code jdbc:postgresql:} URL (plus {@code argus.db.user} / {@code argus.db.password}) means PostgreSQL.
 */
public record DatabaseSettings(Vendor vendor, String url, String user, String password) {

  public static final String URL_KEY = "argus.db.url";
  public static final String USER_KEY = "argus.db.user";
  public static final String PASSWORD_KEY = "argus.db.password";
  public static final String DATA_DIR_KEY = "argus.data.dir";
  /** H2 2 reserves VALUE, a column name the store shares with PostgreSQL. */
  static final String H2_COMPATIBILITY = ";NON_KEYWORDS=VALUE";

  /** The databases Argus has migrations for. */
  public enum Vendor {
    POSTGRESQL,
    H2;

    /** The folder of this vendor's migrations under {@code db/migration}. */
    public String migrationFolder() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Resolves the settings from a configuration lookup (MicroProfile Config in the server, a map in
   * tests).
   *
   * @throws IllegalArgumentException when the URL names a database Argus does not support
   */
  /** The data directory ({@code argus.data.dir}, {@code ./data} when unset or blank), absolute. */
  public static Path dataDir(Function<String, Optional<String>> config) {
    return Path.of(config.apply(DATA_DIR_KEY).filter(s -> !s.isBlank()).orElse("./data")).toAbsolutePath().normalize();
  }

  public static DatabaseSettings resolve(Function<String, Optional<String>> config) {
    Optional<String> url = config.apply(URL_KEY).map(String::trim).filter(s -> !s.isEmpty());
    String user = config.apply(USER_KEY).orElse("");
    String password = config.apply(PASSWORD_KEY).orElse("");
    if (url.isEmpty()) {
      Path dir = dataDir(config);
      // DB_CLOSE_ON_EXIT=FALSE: the server closes the pool on shutdown; H2's own hook must not close first.
      String h2 = "jdbc:h2:file:" + dir.resolve("argus") + ";DB_CLOSE_ON_EXIT=FALSE" + H2_COMPATIBILITY;
      return new DatabaseSettings(Vendor.H2, h2, user.isEmpty() ? "argus" : user, password);
    }
    Vendor vendor = vendorOf(url.get());
    String given = url.get();
    if (vendor == Vendor.H2 && !given.toUpperCase(java.util.Locale.ROOT).contains("NON_KEYWORDS")) {
      given = given + H2_COMPATIBILITY;
    }
    return new DatabaseSettings(vendor, given, user, password);
  }

  static Vendor vendorOf(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:postgresql:")) {
      return Vendor.POSTGRESQL;
    }
    if (lower.startsWith("jdbc:h2:")) {
      return Vendor.H2;
    }
    throw new IllegalArgumentException(
        URL_KEY + " must be a jdbc:postgresql:// (or jdbc:h2:) URL, got " + redact(url));
  }

  /** The URL without anything after '?' or ';' that could hold credentials, for logs and health. */
  public String redactedUrl() {
    return redact(url);
  }

  static String redact(String url) {
    int cut = url.length();
    for (char c : new char[] {'?', ';'}) {
      int i = url.indexOf(c);
      if (i >= 0 && i < cut) {
        cut = i;
      }
    }
    return url.substring(0, cut);
  }

  @Override
  public String toString() {
    return "DatabaseSettings[vendor=" + vendor + ", url=" + redactedUrl() + ", user=" + user + "]";
  }
}
