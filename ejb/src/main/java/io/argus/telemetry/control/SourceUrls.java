package io.argus.telemetry.control;

import io.argus.platform.control.InvalidParameter;
import io.argus.security.control.OutboundPolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The outbound URLs Argus accepts for scraping: absolute http or https with a host, no user info
 * (credentials would end up in listings and logs), no fragment, at most 2048 characters, and a host
 * the {@link OutboundPolicy} allows (never link-local, as the cloud metadata service is).
 */
public final class SourceUrls {

  private SourceUrls() {}

  /** Returns the URL in normal form, or refuses it as a 400 naming {@code parameter}. */
  public static URI validate(String parameter, String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidParameter(parameter, parameter + " is required: the http(s) URL of a Prometheus-format endpoint");
    }
    if (url.length() > 2048) {
      throw new InvalidParameter(parameter, parameter + " is longer than 2048 characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip()).normalize();
    } catch (URISyntaxException e) {
      throw new InvalidParameter(parameter, parameter + " is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new InvalidParameter(parameter, parameter + " must use http or https");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new InvalidParameter(parameter, parameter + " must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw new InvalidParameter(parameter, parameter + " must not carry user info (credentials)");
    }
    if (uri.getRawFragment() != null) {
      throw new InvalidParameter(parameter, parameter + " must not have a fragment");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new InvalidParameter(parameter, parameter + " has an invalid port");
    }
    OutboundPolicy.current().check(parameter, uri.getHost());
    return uri;
  }
}
