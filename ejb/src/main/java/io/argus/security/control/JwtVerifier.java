package io.argus.security.control;

import io.argus.security.entity.Role;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies MicroProfile JWT bearer tokens (RS256/384/512): signature with the configured public key,
 * issuer, expiry (required), not-before, optionally audience; the role is the highest Argus role
 * named in {@code groups}. The JDK does the cryptography, so no JOSE library is needed.
 */
public final class JwtVerifier {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final Map<String, String> ALGORITHMS = Map.of("RS256", "SHA256withRSA", "RS384", "SHA384withRSA", "RS512", "SHA512withRSA");
  private static final int MAX_TOKEN = 16_384;

  private final String issuer;
  private final PublicKey key;
  private final Optional<String> audience;
  private final Duration leeway;

  public JwtVerifier(String issuer, PublicKey key, Optional<String> audience, Duration leeway) {
    this.issuer = issuer;
    this.key = key;
    this.audience = audience;
    this.leeway = leeway;
  }

  /** A verified token: who, and the role its groups give. */
  public record Identity(String subject, Role role) {}

  /** Why a token was refused; the text is safe to return to the caller. */
  public static final class InvalidToken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidToken(String reason) {
      super(reason);
    }
  }

  /** Whether a bearer credential looks like a JWT (three base64url parts) rather than an API key. */
  public static boolean looksLikeJwt(String token) {
    return token.length() <= MAX_TOKEN && SHAPE.matcher(token).matches() && token.startsWith("eyJ");
  }

  public Identity verify(String token, Instant now) {
    if (!looksLikeJwt(token)) {
      throw new InvalidToken("the token is not a JWT");
    }
    String[] parts = token.split("\\.", -1);
    JsonObject header = json(parts[0], "header");
    String alg = header.getString("alg", "");
    String jca = ALGORITHMS.get(alg);
    if (jca == null) {
      throw new InvalidToken("the token's algorithm '" + abbreviate(alg) + "' is not accepted; expected RS256, RS384 or RS512");
    }
    try {
      Signature s = Signature.getInstance(jca);
      s.initVerify(key);
      s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        throw new InvalidToken("the token's signature does not verify");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new InvalidToken("the token's signature does not verify");
    }
    JsonObject claims = json(parts[1], "payload");
    if (!issuer.equals(string(claims, "iss").orElse(null))) {
      throw new InvalidToken("the token's issuer is not the one configured");
    }
    long exp = number(claims, "exp").orElseThrow(() -> new InvalidToken("the token has no expiry (exp)"));
    if (now.minus(leeway).getEpochSecond() >= exp) {
      throw new InvalidToken("the token has expired");
    }
    Optional<Long> nbf = number(claims, "nbf");
    if (nbf.isPresent() && now.plus(leeway).getEpochSecond() < nbf.get()) {
      throw new InvalidToken("the token is not valid yet (nbf)");
    }
    if (audience.isPresent() && !audiences(claims).contains(audience.get())) {
      throw new InvalidToken("the token is not meant for this audience");
    }
    String subject = string(claims, "upn").or(() -> string(claims, "preferred_username")).or(() -> string(claims, "sub"))
        .orElseThrow(() -> new InvalidToken("the token names no subject (upn, preferred_username or sub)"));
    Role role = groups(claims).stream().map(Role::parse).flatMap(Optional::stream).max(Comparator.naturalOrder())
        .orElseThrow(() -> new InvalidToken("the token's groups name none of the roles reader, operator, admin"));
    return new Identity(abbreviate(subject), role);
  }

  private static JsonObject json(String part, String what) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
      return Json.createReader(new StringReader(text)).readObject();
    } catch (IllegalArgumentException | ClassCastException | jakarta.json.JsonException e) {
      throw new InvalidToken("the token's " + what + " is not a base64url JSON object");
    }
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
  }

  private static Optional<Long> number(JsonObject o, String name) {
    JsonValue v = o.get(name);
    return v instanceof jakarta.json.JsonNumber n ? Optional.of(n.longValue()) : Optional.empty();
  }

  private static java.util.List<String> audiences(JsonObject o) {
    JsonValue v = o.get("aud");
    if (v instanceof JsonString s) {
      return java.util.List.of(s.getString());
    }
    return v instanceof JsonArray a ? a.stream().filter(JsonString.class::isInstance).map(x -> ((JsonString) x).getString()).toList()
        : java.util.List.of();
  }

  private static java.util.List<String> groups(JsonObject o) {
    JsonValue v = o.get("groups");
    return v instanceof JsonArray a ? a.stream().filter(JsonString.class::isInstance).map(x -> ((JsonString) x).getString()).toList()
        : java.util.List.of();
  }

  private static String abbreviate(String s) {
    return s.length() <= 128 ? s : s.substring(0, 128);
  }

  /**
   * Reads a public key as MicroProfile JWT accepts it: PEM ({@code -----BEGIN PUBLIC KEY-----}),
   * bare base64 of the X.509 SubjectPublicKeyInfo, or a JWK / JWK set with an RSA key.
   */
  public static PublicKey readPublicKey(String text) {
    String t = text.trim();
    try {
      if (t.startsWith("{")) {
        JsonObject jwk = Json.createReader(new StringReader(t)).readObject();
        if (jwk.containsKey("keys")) {
          jwk = jwk.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
              .filter(k -> "RSA".equals(k.getString("kty", ""))).findFirst()
              .orElseThrow(() -> new IllegalArgumentException("the JWK set holds no RSA key"));
        }
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n")));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")));
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
      }
      String base64 = t.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("the JWT public key is neither PEM, base64 X.509 nor an RSA JWK: " + e.getMessage(), e);
    }
  }
}
