package io.argus.security.control;

import io.argus.security.entity.ApiKey;
import io.argus.security.entity.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Making and checking API key secrets. A key is {@code argus_<12 hex id>_<43 base64url chars>}: 256
 * random bits after a public id. Argus stores only SHA-256 of the whole key. A plain, fast hash is
 * enough here, unlike for passwords: with 256 random bits nobody can guess or precompute a preimage,
 * so neither a salt nor a slow KDF adds strength, and PBKDF2 would cost every request tens of
 * milliseconds of CPU — a lever for denial of service on a 2-core node.
 */
public final class KeySecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  /** A key's name, as text for the constraint on the request body too. */
  public static final String NAME_REGEX = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
  public static final String NAME_RULE = "must be 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit";
  public static final String ROLE_REGEX = "reader|operator|admin";
  public static final String ROLE_RULE = "must be reader, operator or admin";
  private static final Pattern NAME = Pattern.compile(NAME_REGEX);

  private KeySecrets() {}

  /** A new key with a new id. */
  public static String[] generate() {
    byte[] id = new byte[6];
    byte[] secret = new byte[32];
    RANDOM.nextBytes(id);
    RANDOM.nextBytes(secret);
    String keyId = HexFormat.of().formatHex(id);
    return new String[] {keyId, "argus_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret)};
  }

  public static String sha256(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The public id inside a key of Argus's own format, for log lines; never the secret. */
  public static Optional<String> idOf(String key) {
    if (key != null && key.length() > 19 && key.startsWith("argus_") && key.charAt(18) == '_') {
      return Optional.of(key.substring(6, 18));
    }
    return Optional.empty();
  }

  /** Compares two hex digests in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  public static boolean validName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * Parses {@code argus.security.keys}: {@code name:role:sha256hex} entries separated by commas or
   * whitespace.
   *
   * @throws IllegalArgumentException naming the entry at fault, never echoing a hash
   */
  public static List<ApiKey> parseConfigured(String text) {
    List<ApiKey> keys = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return keys;
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    int index = 0;
    for (String entry : text.trim().split("[,\\s]+")) {
      index++;
      String[] parts = entry.split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException("argus.security.keys entry " + index + " is not name:role:sha256hex");
      }
      if (!validName(parts[0])) {
        throw new IllegalArgumentException("argus.security.keys entry " + index + ": the name must be 1 to 64 letters, digits, '_', '.' or '-'");
      }
      int n = index;
      Role role = Role.parse(parts[1]).orElseThrow(() -> new IllegalArgumentException(
          "argus.security.keys entry " + n + " (" + parts[0] + "): the role must be reader, operator or admin"));
      if (!HEX64.matcher(parts[2]).matches()) {
        throw new IllegalArgumentException("argus.security.keys entry " + index + " (" + parts[0]
            + "): the hash must be 64 hex digits, the SHA-256 of the key (printf %s \"$KEY\" | sha256sum)");
      }
      keys.add(new ApiKey("cfg-" + parts[0], parts[0], role, parts[2].toLowerCase(java.util.Locale.ROOT), ApiKey.Source.CONFIGURED,
          now, Optional.of("configuration"), Optional.empty(), Optional.empty()));
    }
    return keys;
  }
}
