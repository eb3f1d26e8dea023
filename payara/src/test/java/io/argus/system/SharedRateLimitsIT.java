package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bundles in one Hazelcast data grid (Payara Micro's TCP/IP discovery on loopback, switched on
 * at run time as docs/configuration.md says), each with its own H2 database, so that nothing but the
 * grid connects them: a reader key that spends its bucket through one node is held back by the
 * other, and both serve it again once the bucket refills.
 */
class SharedRateLimitsIT {

  private static final Duration BOOT = Duration.ofSeconds(600);
  private static final String READER_KEY = "argus-test-reader-" + UUID.randomUUID();
  // one token every 10 s: nothing refills between the last request through A and the one through B
  private static final String READER_LIMIT = "3/30s";

  @TempDir
  static Path dir;

  static ArgusProcess a;
  static ArgusProcess b;

  @BeforeAll
  static void startGrid() throws Exception {
    int portA = ArgusProcess.freePort();
    int portB = ArgusProcess.freePort();
    Path grid = dir.resolve("grid.properties");
    Files.writeString(grid, String.join("\n",
        "payaramicro.noCluster=false",
        // nodes that boot side by side may each found a grid before seeing the other: merge soon, not after 5 min
        "hazelcast.merge.first.run.delay.seconds=5",
        "hazelcast.merge.next.run.delay.seconds=5", ""));
    String members = "tcpip:127.0.0.1:" + portA + ",127.0.0.1:" + portB;
    String name = "argus-it-" + UUID.randomUUID();
    Map<String, String> env = Map.of(
        "ARGUS_SECURITY_KEYS", "limited:reader:" + sha256(READER_KEY),
        "ARGUS_SECURITY_RATE_LIMIT_READER", READER_LIMIT,
        "ARGUS_COLLECT_ENABLED", "false");
    a = ArgusProcess.start(dir.resolve("a"), env, "--systemproperties", grid.toString(), "--startport", Integer.toString(portA),
        "--clustermode", members, "--clustername", name);
    b = ArgusProcess.start(dir.resolve("b"), env, "--systemproperties", grid.toString(), "--startport", Integer.toString(portB),
        "--clustermode", members, "--clustername", name);
    CompletableFuture.allOf(a.awaitReadyAsync(BOOT), b.awaitReadyAsync(BOOT)).join();
    awaitGridOfTwo(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stopGrid() {
    for (ArgusProcess p : new ArgusProcess[] {a, b}) {
      if (p != null) {
        p.close();
      }
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Payara logs the data grid's state at every change of members. */
  static void awaitGridOfTwo(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(a.log().contains("DG Size: 2") && b.log().contains("DG Size: 2"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the two nodes did not form one data grid within " + timeout + "\nA:\n" + a.tail() + "\nB:\n" + b.tail());
      }
      Thread.sleep(250);
    }
  }

  static HttpResponse<String> read(ArgusProcess node) throws Exception {
    return node.get("/api/v1/hosts", "X-API-Key", READER_KEY);
  }

  static long retryAfter(HttpResponse<String> limited) {
    assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).contains("0");
    assertThat(limited.headers().firstValue("RateLimit-Policy")).contains("3;w=30");
    long seconds = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(seconds).isBetween(1L, 10L);
    return seconds;
  }

  @Test
  void bothNodesShareTheStoreAndSayItAtStartAndInHealth() throws Exception {
    for (ArgusProcess node : new ArgusProcess[] {a, b}) {
      assertThat(node.log()).contains("Rate limits: buckets shared through the data grid's JCache argus-rate-limits"
          + " (argus.security.rate-limit.store=auto; this instance is in a Hazelcast data grid)");
      HttpResponse<String> health = node.get("/health");
      JsonObject check = Json.createReader(new StringReader(health.body())).readObject().getJsonArray("checks")
          .getValuesAs(JsonObject.class).stream().filter(c -> c.getString("name").equals("rate-limits")).findFirst().orElseThrow();
      assertThat(check.getString("status")).isEqualTo("UP");
      assertThat(check.getJsonObject("data").getString("store")).isEqualTo("cluster");
      assertThat(check.getJsonObject("data").getString("data_grid")).isEqualTo("on");
    }
  }

  @Test
  void aBucketSpentThroughOneNodeHoldsTheKeyBackOnTheOtherUntilItRefills() throws Exception {
    for (int i = 3; i > 0; i--) {
      HttpResponse<String> r = read(a);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.headers().firstValue("RateLimit-Remaining")).contains(Integer.toString(i - 1));
    }
    long wait = retryAfter(read(b));
    retryAfter(read(a));

    Thread.sleep(wait * 1000 + 300);
    assertThat(read(b).statusCode()).as("B after its Retry-After").isEqualTo(200);
    // the token that came back was B's to take, and A knows it
    long waitA = retryAfter(read(a));
    Thread.sleep(waitA * 1000 + 300);
    assertThat(read(a).statusCode()).as("A after its Retry-After").isEqualTo(200);
  }
}
