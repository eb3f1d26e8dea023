package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.security.entity.Role;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtVerifierTest {

  private static final KeyPair KEYS = Jwts.keyPair();
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final String ISSUER = "https://login.example/argus";

  private final JwtVerifier verifier = new JwtVerifier(ISSUER, KEYS.getPublic(), Optional.empty(), Duration.ofSeconds(30));

  private static String claims(String iss, long exp, String groups) {
    return "{\"iss\":\"" + iss + "\",\"sub\":\"u-1\",\"upn\":\"ada@example\",\"exp\":" + exp + ",\"groups\":" + groups + "}";
  }

  private static String token(String claims) {
    return Jwts.sign(KEYS.getPrivate(), "RS256", claims);
  }

  @Test
  void aValidTokenGivesTheHighestRoleOfItsGroups() {
    var id = verifier.verify(token(claims(ISSUER, NOW.getEpochSecond() + 300, "[\"staff\",\"reader\",\"operator\"]")), NOW);
    assertThat(id.subject()).isEqualTo("ada@example");
    assertThat(id.role()).isEqualTo(Role.OPERATOR);
  }

  @Test
  void aWrongIssuerIsRefused() {
    String t = token(claims("https://evil.example", NOW.getEpochSecond() + 300, "[\"admin\"]"));
    assertThatThrownBy(() -> verifier.verify(t, NOW)).isInstanceOf(JwtVerifier.InvalidToken.class).hasMessageContaining("issuer");
  }

  @Test
  void anExpiredTokenIsRefusedBeyondTheLeeway() {
    String t = token(claims(ISSUER, NOW.getEpochSecond() - 31, "[\"admin\"]"));
    assertThatThrownBy(() -> verifier.verify(t, NOW)).hasMessageContaining("expired");
    String noExp = token("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"groups\":[\"admin\"]}");
    assertThatThrownBy(() -> verifier.verify(noExp, NOW)).hasMessageContaining("no expiry");
  }

  @Test
  void aSignatureByAnotherKeyOrATamperedPayloadIsRefused() {
    String other = Jwts.sign(Jwts.keyPair().getPrivate(), "RS256", claims(ISSUER, NOW.getEpochSecond() + 300, "[\"admin\"]"));
    assertThatThrownBy(() -> verifier.verify(other, NOW)).hasMessageContaining("signature");

    String[] parts = token(claims(ISSUER, NOW.getEpochSecond() + 300, "[\"reader\"]")).split("\\.");
    String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
        claims(ISSUER, NOW.getEpochSecond() + 300, "[\"admin\"]").getBytes());
    assertThatThrownBy(() -> verifier.verify(parts[0] + "." + forged + "." + parts[2], NOW)).hasMessageContaining("signature");
  }

  @Test
  void algNoneAndHmacAreRefused() {
    String[] parts = token(claims(ISSUER, NOW.getEpochSecond() + 300, "[\"admin\"]")).split("\\.");
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
    assertThatThrownBy(() -> verifier.verify(none, NOW)).hasMessageContaining("algorithm");
    String hs = b64.encodeToString("{\"alg\":\"HS256\"}".getBytes()) + "." + parts[1] + "." + parts[2];
    assertThatThrownBy(() -> verifier.verify(hs, NOW)).hasMessageContaining("algorithm");
  }

  @Test
  void aTokenWithoutAnArgusRoleOrForAnotherAudienceIsRefused() {
    assertThatThrownBy(() -> verifier.verify(token(claims(ISSUER, NOW.getEpochSecond() + 300, "[\"staff\"]")), NOW))
        .hasMessageContaining("roles");
    var withAudience = new JwtVerifier(ISSUER, KEYS.getPublic(), Optional.of("argus"), Duration.ZERO);
    String t = token("{\"iss\":\"" + ISSUER + "\",\"sub\":\"x\",\"aud\":[\"grafana\"],\"exp\":" + (NOW.getEpochSecond() + 60)
        + ",\"groups\":[\"reader\"]}");
    assertThatThrownBy(() -> withAudience.verify(t, NOW)).hasMessageContaining("audience");
  }

  @Test
  void thePublicKeyIsReadAsPemAsBareBase64AndAsJwk() {
    String base64 = Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    assertThat(JwtVerifier.readPublicKey("-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n"))
        .isEqualTo(KEYS.getPublic());
    assertThat(JwtVerifier.readPublicKey(base64)).isEqualTo(KEYS.getPublic());
    var rsa = (java.security.interfaces.RSAPublicKey) KEYS.getPublic();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwk = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"" + b64.encodeToString(rsa.getModulus().toByteArray()) + "\",\"e\":\""
        + b64.encodeToString(rsa.getPublicExponent().toByteArray()) + "\"}]}";
    assertThat(JwtVerifier.readPublicKey(jwk)).isEqualTo(KEYS.getPublic());
  }

  @Test
  void onlyThreeBase64UrlPartsLookLikeAJwt() {
    assertThat(JwtVerifier.looksLikeJwt("argus_0123456789ab_abc")).isFalse();
    assertThat(JwtVerifier.looksLikeJwt(token(claims(ISSUER, 1, "[]")))).isTrue();
  }
}
