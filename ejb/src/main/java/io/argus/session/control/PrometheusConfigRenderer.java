package io.argus.session.control;

import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.PrometheusDuration;
import io.argus.session.entity.SessionLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a session's {@code prometheus.yml}: one scrape job per target kind, each reading the
 * session's file_sd files, and a {@code session} label on every series.
 */
public final class PrometheusConfigRenderer {

  private PrometheusConfigRenderer() {}

  /** The job names in the order they appear: one per exporter kind, then services. */
  public static List<String> jobs() {
    var jobs = new ArrayList<String>();
    for (ExporterKind kind : ExporterKind.values()) {
      jobs.add(kind.key());
    }
    jobs.add(FileSdRenderer.SERVICES_JOB);
    return List.copyOf(jobs);
  }

  public static String render(SessionLayout layout, PrometheusDuration scrapeInterval) {
    var out = new StringBuilder();
    out.append("# Prometheus of monitoring session ").append(layout.sessionId()).append(".\n");
    out.append("# Targets come from the file_sd files below; registering one needs no restart.\n");
    out.append("global:\n");
    out.append("  scrape_interval: ").append(scrapeInterval.text()).append('\n');
    out.append("  evaluation_interval: ").append(scrapeInterval.text()).append('\n');
    out.append("scrape_configs:\n");
    for (String job : jobs()) {
      out.append("  - job_name: ").append(job).append('\n');
      // Targets are registered by API callers; a redirect could point the scrape at an internal
      // address the outbound policy would have refused (cloud metadata, loopback services).
      out.append("    follow_redirects: false\n");
      out.append("    file_sd_configs:\n");
      out.append("      - files:\n");
      out.append("          - ").append(quoted(layout.targetsDirectory(job).resolve("*.json").toString())).append('\n');
      // Inotify does not see writes made on another host of a shared file system; the refresh does.
      out.append("        refresh_interval: 5s\n");
      // Set here rather than only in the files, so a hand-edited target file cannot lose it.
      out.append("    relabel_configs:\n");
      out.append("      - target_label: session\n");
      out.append("        replacement: ").append(quoted(layout.sessionId())).append('\n');
    }
    return out.toString();
  }

  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
