package io.argus.cluster.control;

import io.argus.cluster.entity.ClusterJob;
import io.argus.cluster.entity.NodeRole;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This process's place in a fleet: its role ({@code argus.role}), its node id ({@code argus.node.id},
 * else the host name), and the cluster-wide jobs it competes for ({@code argus.cluster.jobs}, by
 * default all of them on the {@code all} and {@code api} roles and store maintenance on collectors).
 */
@ApplicationScoped
public class ClusterSettings {

  static final int MAX_NODE_ID = 253;

  @Inject
  @ConfigProperty(name = "argus.role", defaultValue = "all")
  String roleText;

  @Inject
  @ConfigProperty(name = "argus.node.id")
  Optional<String> configuredNodeId;

  // a comma-separated string: Payara's config cannot inject Optional<List<String>>
  @Inject
  @ConfigProperty(name = "argus.cluster.jobs")
  Optional<String> configuredJobs;

  @Inject
  @ConfigProperty(name = "argus.cluster.lock.interval", defaultValue = "PT5S")
  Duration lockInterval;

  private NodeRole role;
  private String nodeId;
  private Set<ClusterJob> jobs;

  @PostConstruct
  void resolve() {
    role = NodeRole.parse(roleText);
    nodeId = nodeId(configuredNodeId, ClusterSettings::hostname);
    jobs = jobs(role, configuredJobs.map(t -> List.of(t.split(","))));
    if (lockInterval.compareTo(Duration.ofMillis(500)) < 0 || lockInterval.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("argus.cluster.lock.interval must be between PT0.5S and PT5M, got " + lockInterval);
    }
  }

  public NodeRole role() {
    return role;
  }

  public String nodeId() {
    return nodeId;
  }

  /** The cluster-wide jobs this node is willing to lead. */
  public Set<ClusterJob> jobs() {
    return jobs;
  }

  /** How often a node tries to take the jobs it does not lead, and checks that it still leads the others. */
  public Duration lockInterval() {
    return lockInterval;
  }

  static String nodeId(Optional<String> configured, java.util.function.Supplier<String> hostname) {
    String id = configured.map(String::strip).filter(s -> !s.isEmpty()).orElseGet(hostname);
    if (id.length() > MAX_NODE_ID || id.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      throw new IllegalArgumentException("argus.node.id must be 1 to " + MAX_NODE_ID
          + " characters without spaces or control characters");
    }
    return id;
  }

  static Set<ClusterJob> jobs(NodeRole role, Optional<List<String>> configured) {
    if (configured.isEmpty()) {
      return role == NodeRole.COLLECTOR ? EnumSet.of(ClusterJob.STORE_MAINTENANCE) : EnumSet.allOf(ClusterJob.class);
    }
    EnumSet<ClusterJob> out = EnumSet.noneOf(ClusterJob.class);
    for (String name : configured.get()) {
      String n = name.strip().toLowerCase(Locale.ROOT);
      if (n.isEmpty() || n.equals("none")) {
        continue;
      }
      ClusterJob job = EnumSet.allOf(ClusterJob.class).stream().filter(j -> j.label().equals(n)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("argus.cluster.jobs: unknown job '" + name.strip()
              + "'; the jobs are store-maintenance, source-scraping, session-reconciling (or none)"));
      out.add(job);
    }
    return out;
  }

  /** The host name as the collector has always reported it (OSHI's), so node ids stay what they were. */
  static String hostname() {
    try {
      String h = new oshi.SystemInfo().getOperatingSystem().getNetworkParams().getHostName();
      return h == null || h.isBlank() ? "localhost" : h;
    } catch (RuntimeException | LinkageError e) {
      return "localhost";
    }
  }
}
