package io.argus.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void masksKeyedValuesBearerCredentialsAndUrlPasswords() {
    assertThat(Secrets.scrub("GET /api/v1/gpus?api_key=s3cr3t-value&hostname=n1"))
        .isEqualTo("GET /api/v1/gpus?api_key=***&hostname=n1");
    assertThat(Secrets.scrub("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc")).doesNotContain("eyJ").contains("***");
    assertThat(Secrets.scrub("{\"password\":\"hunter2\",\"user\":\"argus\"}"))
        .isEqualTo("{\"password\":\"***\",\"user\":\"argus\"}");
    assertThat(Secrets.scrub("jdbc:postgresql://argus:hunter2@db:5432/argus")).isEqualTo("jdbc:postgresql://argus:***@db:5432/argus");
    assertThat(Secrets.scrub("X-Api-Key=abc123 token: t0k3n")).doesNotContain("abc123", "t0k3n");
    assertThat(Secrets.scrub("basic auth with Basic dXNlcjpwYXNz")).doesNotContain("dXNlcjpwYXNz");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String line = "Collecting node gpu-7 every PT5S; 8 GPUs, key figures ready";
    assertThat(Secrets.scrub(line)).isEqualTo(line);
    assertThat(Secrets.scrub(null)).isNull();
  }

  @Test
  void thePreCheckLetsEveryCredentialShapeThroughToThePatterns() {
    for (String text : new String[] {
        "ApiKey=x", "ACCESS_KEY: x", "Token=x", "client_secret=x", "PASSWORD=x", "passwd=x", "pwd=x",
        "Authorization: x", "credentials=x", "X-Amz-Signature=x", "Cookie: x", "BEARER abcd", "Basic abcd",
        "https://u:p@host/"}) {
      assertThat(Secrets.mayHoldSecret(text)).as(text).isTrue();
      assertThat(Secrets.scrub(text)).as(text).isNotEqualTo(text);
    }
    assertThat(Secrets.mayHoldSecret("GET /api/v1/metrics/gpu_power_watts 200")).isFalse();
    assertThat(Secrets.mayHoldSecret("Collected 8 GPUs in 1.2 ms")).isFalse();
  }
}
