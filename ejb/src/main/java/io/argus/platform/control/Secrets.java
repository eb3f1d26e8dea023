package io.argus.platform.control;

import java.util.regex.Pattern;

/**
 * Masks what looks like a credential in free text before it is logged: values of keys named like
 * secrets ({@code api_key=…}, {@code "password":"…"}, {@code Authorization: Bearer …}), bearer and
 * basic credentials, and passwords inside URLs.
 */
public final class Secrets {

  public static final String MASK = "***";

  private static final Pattern KEYED = Pattern.compile(
      "(?i)((?:api[_-]?key|apikey|access[_-]?key|token|secret|passw(?:or)?d|pwd|authorization|credential|signature|cookie)"
          + "[A-Za-z0-9_-]*\"?\\s*[=:]\\s*\"?)(?:(?:bearer|basic|token)\\s+)?[^\\s\"&,;}]+");
  private static final Pattern SCHEME = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{4,}");
  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/\\s:@]+:)[^@\\s/]+@");

  private Secrets() {}

  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = KEYED.matcher(text).replaceAll("$1" + MASK);
    out = SCHEME.matcher(out).replaceAll("$1 " + MASK);
    return URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
  }
}
