package io.argus.platform.boundary;

import java.util.UUID;
import java.util.regex.Pattern;

/** The X-Request-ID rule: a caller's id is echoed when it is safe to log, otherwise a new one is made. */
final class RequestIds {

  static final String HEADER = "X-Request-ID";
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");

  private RequestIds() {}

  static String accept(String offered) {
    if (offered != null && SAFE.matcher(offered).matches()) {
      return offered;
    }
    return UUID.randomUUID().toString();
  }
}
