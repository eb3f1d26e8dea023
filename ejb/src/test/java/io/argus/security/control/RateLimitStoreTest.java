package io.argus.security.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.security.control.RateLimitStore.Mode;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.Caching;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitStoreTest {

  private final CachingProvider provider = Caching.getCachingProvider("org.jsr107.ri.spi.RICachingProvider");
  private final AtomicInteger opened = new AtomicInteger();
  private final Supplier<Cache<String, String>> cache = () -> {
    opened.incrementAndGet();
    return RateLimiter.openIn(provider.getCacheManager());
  };

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void autoSharesOnlyInADataGrid() {
    var on = RateLimitStore.choose(Mode.AUTO, Optional.of(true), cache);
    assertThat(on.limiter().shared()).isTrue();
    assertThat(on.reason()).contains("shared", "argus-rate-limits", "store=auto", "in a Hazelcast data grid");

    var off = RateLimitStore.choose(Mode.AUTO, Optional.of(false), cache);
    assertThat(off.limiter().shared()).isFalse();
    assertThat(off.reason()).contains("this node's memory", "store=auto", "in no Hazelcast data grid");

    var unknown = RateLimitStore.choose(Mode.AUTO, Optional.empty(), cache);
    assertThat(unknown.limiter().shared()).isFalse();
    assertThat(unknown.reason()).contains("cannot tell", "set cluster");
    assertThat(opened).hasValue(1);
  }

  @Test
  void localNeverTouchesTheGrid() {
    var local = RateLimitStore.choose(Mode.LOCAL, Optional.of(true), cache);
    assertThat(local.limiter().shared()).isFalse();
    assertThat(local.reason()).contains("store=local");
    assertThat(opened).hasValue(0);
  }

  @Test
  void clusterWithoutADataGridRefusesToStartNamingTheWayOut() {
    assertThatThrownBy(() -> RateLimitStore.choose(Mode.CLUSTER, Optional.of(false), cache))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("argus.security.rate-limit.store=cluster")
        .hasMessageContaining("--nocluster")
        .hasMessageContaining("payaramicro.noCluster=false")
        .hasMessageContaining("Argus does not start");
    assertThat(opened).hasValue(0);
  }

  @Test
  void clusterOrAutoInAGridWhoseCacheCannotBeOpenedRefusesToStart() {
    Supplier<Cache<String, String>> broken = () -> {
      throw new IllegalStateException("the JCache argus-rate-limits cannot be opened: no provider");
    };
    assertThatThrownBy(() -> RateLimitStore.choose(Mode.CLUSTER, Optional.empty(), broken))
        .hasMessageContaining("store=cluster, but the JCache argus-rate-limits cannot be opened: no provider")
        .hasMessageContaining("Argus does not start");
    assertThatThrownBy(() -> RateLimitStore.choose(Mode.AUTO, Optional.of(true), broken))
        .hasMessageContaining("store=auto in a Hazelcast data grid, but");
    assertThat(RateLimitStore.choose(Mode.CLUSTER, Optional.empty(), cache).limiter().shared())
        .as("a server that does not say (full Payara Server) shares when told to").isTrue();
  }

  @Test
  void theDataGridIsReadFromPayaraMicrosProperties() {
    assertThat(RateLimitStore.dataGrid(Map.of("payaramicro.noCluster", "true")::get)).contains(false);
    assertThat(RateLimitStore.dataGrid(Map.of("payaramicro.noCluster", "false")::get)).contains(true);
    assertThat(RateLimitStore.dataGrid(Map.of("payaramicro.noCluster", "false", "payaramicro.noHazelcast", "true")::get))
        .contains(false);
    assertThat(RateLimitStore.dataGrid(Map.<String, String>of()::get)).isEmpty();
  }

  @Test
  void theModeIsParsedOrRefusedNamingTheKey() {
    assertThat(Mode.parse(" Cluster ")).isEqualTo(Mode.CLUSTER);
    assertThat(Mode.parse("auto")).isEqualTo(Mode.AUTO);
    assertThatThrownBy(() -> Mode.parse("hazelcast")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("argus.security.rate-limit.store must be auto, local or cluster; got 'hazelcast'");
  }
}
