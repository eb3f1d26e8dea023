package io.argus.session.entity;

/**
 * A service's metrics URL taken apart the way Prometheus needs it: a target never carries a scheme
 * or a path, those go into {@code __scheme__} and {@code __metrics_path__}.
 */
public record ServiceEndpoint(String scheme, HostPort address, String metricsPath) {

  public ServiceEndpoint {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("a service endpoint is http or https, not " + scheme);
    }
    if (address == null || metricsPath == null || !metricsPath.startsWith("/")) {
      throw new IllegalArgumentException("a service endpoint needs an address and an absolute path");
    }
  }
}
