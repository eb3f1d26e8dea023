package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.PrometheusDuration;
import io.argus.session.entity.SessionLayout;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PrometheusConfigRendererTest {

  @Test
  void everyJobReadsItsOwnFileSdDirectoryLabelsTheSessionAndRefusesRedirects() {
    var layout = new SessionLayout("run-42", Path.of("/srv/argus/sessions/run-42"));
    String yml = PrometheusConfigRenderer.render(layout, new PrometheusDuration("2s", Duration.ofSeconds(2)));
    assertThat(yml)
        .isEqualTo(
            """
            # Prometheus of monitoring session run-42.
            # Targets come from the file_sd files below; registering one needs no restart.
            global:
              scrape_interval: 2s
              evaluation_interval: 2s
            scrape_configs:
              - job_name: node
                follow_redirects: false
                file_sd_configs:
                  - files:
                      - '/srv/argus/sessions/run-42/targets/node/*.json'
                    refresh_interval: 5s
                relabel_configs:
                  - target_label: session
                    replacement: 'run-42'
              - job_name: dcgm
                follow_redirects: false
                file_sd_configs:
                  - files:
                      - '/srv/argus/sessions/run-42/targets/dcgm/*.json'
                    refresh_interval: 5s
                relabel_configs:
                  - target_label: session
                    replacement: 'run-42'
              - job_name: services
                follow_redirects: false
                file_sd_configs:
                  - files:
                      - '/srv/argus/sessions/run-42/targets/services/*.json'
                    refresh_interval: 5s
                relabel_configs:
                  - target_label: session
                    replacement: 'run-42'
            """);
  }

  @Test
  void quotesPathsForYaml() {
    var layout = new SessionLayout("s", Path.of("/data/o'neil/s"));
    assertThat(PrometheusConfigRenderer.render(layout, new PrometheusDuration("1s", Duration.ofSeconds(1))))
        .contains("- '/data/o''neil/s/targets/node/*.json'");
  }
}
