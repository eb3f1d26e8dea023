package io.argus.slurm.control;

import io.argus.session.entity.PrometheusJob;
import io.argus.session.entity.SessionLayout;
import java.util.regex.Pattern;

/**
 * Renders the sbatch script that runs a session's Prometheus, with its job name, partition, time
 * limit and log files in the session's directory given as {@code #SBATCH} directives.
 */
public final class BatchScriptRenderer {

  // #SBATCH lines are not shell: sbatch splits them on whitespace and honours no quoting, so
  // anything written there must be free of whitespace, quotes and '%' (its filename patterns).
  private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/+-]*");
  private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern LISTEN_ADDRESS = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+:[0-9]{1,5}");

  private BatchScriptRenderer() {}

  /**
   * @throws IllegalArgumentException when a path or name could not be written safely; those come
   *     from configuration and validated ids, so this is a setup error rather than bad input
   */
  public static String render(PrometheusJob job) {
    SessionLayout layout = job.layout();
    String dir = safePath(layout.workingDirectory().toString());
    String binary = job.prometheusBinary().startsWith("/") ? safePath(job.prometheusBinary()) : safeWord(job.prometheusBinary());
    var out = new StringBuilder();
    out.append("#!/bin/bash\n");
    out.append("#SBATCH --job-name=").append(safeWord(job.jobName())).append('\n');
    job.partition().ifPresent(p -> out.append("#SBATCH --partition=").append(safeWord(p)).append('\n'));
    out.append("#SBATCH --time=").append(job.timeLimit().toSlurm()).append('\n');
    out.append("#SBATCH --nodes=1\n");
    out.append("#SBATCH --ntasks=1\n");
    out.append("#SBATCH --chdir=").append(dir).append('\n');
    out.append("#SBATCH --output=").append(dir).append("/slurm-%j.out\n");
    out.append("#SBATCH --error=").append(dir).append("/slurm-%j.err\n");
    out.append("# Prometheus of monitoring session ").append(layout.sessionId()).append(".\n");
    out.append("set -eu\n");
    out.append("mkdir -p ").append(dir).append("/data\n");
    // exec, so scancel's SIGTERM reaches Prometheus itself and it shuts down cleanly
    out.append("exec ").append(binary).append(" \\\n");
    out.append("  --config.file=").append(safePath(layout.configFile().toString())).append(" \\\n");
    out.append("  --storage.tsdb.path=").append(safePath(layout.dataDirectory().toString())).append(" \\\n");
    job.retention()
        .ifPresent(r -> out.append("  --storage.tsdb.retention.time=").append(r.toMinutes()).append("m \\\n"));
    out.append("  --web.listen-address=").append(listenAddress(job.listenAddress())).append(" \\\n");
    out.append("  --web.enable-lifecycle\n");
    return out.toString();
  }

  private static String safePath(String path) {
    if (!SAFE_PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "path cannot go into a batch script (letters, digits, '.', '_', '+', '-' and '/' only): " + path);
    }
    return path;
  }

  private static String listenAddress(String address) {
    if (!LISTEN_ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("listen address cannot go into a batch script: " + address);
    }
    return address;
  }

  private static String safeWord(String word) {
    if (!SAFE_WORD.matcher(word).matches()) {
      throw new IllegalArgumentException("value cannot go into a batch script: " + word);
    }
    return word;
  }
}
