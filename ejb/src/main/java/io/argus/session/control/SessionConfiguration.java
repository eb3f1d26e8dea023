package io.argus.session.control;

import io.argus.session.entity.LauncherKind;
import io.argus.slurm.control.CommandFailed;
import io.argus.slurm.control.ProcessRunner;
import io.argus.slurm.control.SlurmLauncher;
import io.argus.slurm.control.SlurmSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads {@code argus.session.*} once and holds what follows from it: the settings, both launchers
 * (a session is followed by the one that started it, even after the configured one changed) and
 * the Prometheus client.
 */
@ApplicationScoped
public class SessionConfiguration {

  private static final Logger LOG = Logger.getLogger(SessionConfiguration.class.getName());

  @Inject
  @ConfigProperty(name = "argus.session.launcher", defaultValue = "auto")
  String launcher;

  @Inject
  @ConfigProperty(name = "argus.session.root", defaultValue = "./sessions")
  String root;

  @Inject
  @ConfigProperty(name = "argus.session.artifact-root", defaultValue = "./artifacts")
  String artifactRoot;

  @Inject
  @ConfigProperty(name = "argus.session.prometheus-binary", defaultValue = "prometheus")
  String prometheusBinary;

  @Inject
  @ConfigProperty(name = "argus.session.listen-host")
  Optional<String> listenHost;

  @Inject
  @ConfigProperty(name = "argus.session.default-partition")
  Optional<String> defaultPartition;

  @Inject
  @ConfigProperty(name = "argus.session.ready-timeout", defaultValue = "PT60S")
  Duration readyTimeout;

  @Inject
  @ConfigProperty(name = "argus.session.stop-timeout", defaultValue = "PT30S")
  Duration stopTimeout;

  @Inject
  @ConfigProperty(name = "argus.session.reconcile-interval", defaultValue = "PT10S")
  Duration reconcileInterval;

  @Inject
  @ConfigProperty(name = "argus.session.query-timeout", defaultValue = "PT30S")
  Duration queryTimeout;

  @Inject
  @ConfigProperty(name = "argus.session.query-concurrency", defaultValue = "8")
  int queryConcurrency;

  @Inject
  @ConfigProperty(name = "argus.session.keep-data", defaultValue = "false")
  boolean keepData;

  @Inject
  @ConfigProperty(name = "argus.session.slurm-conf")
  Optional<String> slurmConf;

  @Inject
  @ConfigProperty(name = "argus.session.slurm-bin-dir")
  Optional<String> slurmBinDir;

  @Inject
  @ConfigProperty(name = "argus.session.command-timeout", defaultValue = "PT30S")
  Duration commandTimeout;

  @Inject
  @ConfigProperty(name = "argus.session.slurm-ping-timeout", defaultValue = "PT3S")
  Duration slurmPingTimeout;

  @Inject
  @ConfigProperty(name = "argus.session.slurm-recheck-interval", defaultValue = "PT5S")
  Duration slurmRecheckInterval;

  private SessionSettings settings;
  private final Map<LauncherKind, Launcher> launchers = new EnumMap<>(LauncherKind.class);
  private LauncherKind active;
  private PrometheusClient prometheus;

  @PostConstruct
  void init() {
    settings = new SessionSettings(
        launcher.strip().toLowerCase(Locale.ROOT),
        Path.of(root),
        Path.of(artifactRoot),
        LocalLauncher.resolve(prometheusBinary).map(Path::toString).orElse(prometheusBinary),
        listenHost,
        defaultPartition,
        readyTimeout,
        stopTimeout,
        reconcileInterval,
        queryTimeout,
        queryConcurrency,
        keepData,
        slurmConf.filter(s -> !s.isBlank()).map(Path::of).or(() -> env("SLURM_CONF").map(Path::of)),
        slurmBinDir.filter(s -> !s.isBlank()).map(Path::of),
        commandTimeout,
        slurmPingTimeout,
        slurmRecheckInterval);
    SlurmLauncher slurm = new SlurmLauncher(slurmSettings(settings), new ProcessRunner());
    launchers.put(LauncherKind.SLURM, slurm);
    launchers.put(LauncherKind.LOCAL, new LocalLauncher(settings.prometheusBinary(), Clock.systemUTC()));
    LauncherChoice choice = chooseLauncher(settings.launcher(), slurm);
    active = choice.kind();
    prometheus = new PrometheusClient(settings.queryTimeout());
    LOG.info(() -> "Monitoring sessions: launcher " + active.key() + " (" + choice.reason() + "), sessions under "
        + settings.root() + ", artifacts under " + settings.artifactRoot());
  }

  /** The launcher new sessions start with, and why, in words for the start-up log. */
  record LauncherChoice(LauncherKind kind, String reason) {}

  /**
   * {@code slurm} and {@code local} as configured; {@code auto} runs {@code sbatch --version} once
   * and takes slurm when it answers, local otherwise.
   *
   * @param configured the lower-case value of {@code argus.session.launcher}
   */
  static LauncherChoice chooseLauncher(String configured, SlurmLauncher slurm) {
    return switch (configured) {
      case "slurm" -> new LauncherChoice(LauncherKind.SLURM, "configured slurm");
      case "local" -> new LauncherChoice(LauncherKind.LOCAL, "configured local");
      case "auto" -> {
        try {
          String version = slurm.sbatchVersion();
          yield new LauncherChoice(LauncherKind.SLURM, "configured auto: " + slurm.sbatch() + " --version answered '"
              + version.lines().findFirst().orElse("") + "'");
        } catch (CommandFailed e) {
          yield new LauncherChoice(LauncherKind.LOCAL, "configured auto, no SLURM here: " + e.getMessage());
        }
      }
      default -> throw new IllegalArgumentException("argus.session.launcher must be auto, slurm or local, not '" + configured + "'");
    };
  }

  static SlurmSettings slurmSettings(SessionSettings s) {
    String dir = s.slurmBinDir().map(d -> d.toString() + "/").orElse("");
    return new SlurmSettings(dir + "sbatch", dir + "squeue", dir + "scontrol", dir + "scancel", s.slurmConf(), s.commandTimeout(),
        s.slurmPingTimeout(), s.slurmRecheckInterval());
  }

  private static Optional<String> env(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  public SessionSettings settings() {
    return settings;
  }

  /** The launcher new sessions start with. */
  public Launcher launcher() {
    return launchers.get(active);
  }

  /** The launcher that started a session. */
  public Launcher launcher(LauncherKind kind) {
    return launchers.get(kind);
  }

  public PrometheusClient prometheus() {
    return prometheus;
  }
}
