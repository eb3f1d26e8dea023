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

  // a word every pattern above needs, or the '@' of a password in a URL; text with none of them
  // (most log lines) is returned without running the patterns
  private static final String[] TRIGGERS = {
    "key", "token", "secret", "passw", "pwd", "authorization", "credential", "signature", "cookie", "bearer", "basic"
  };

  private Secrets() {}

  public static String scrub(String text) {
    if (text == null || text.isEmpty() || !mayHoldSecret(text)) {
      return text;
    }
    String out = KEYED.matcher(text).replaceAll("$1" + MASK);
    out = SCHEME.matcher(out).replaceAll("$1 " + MASK);
    return URL_PASSWORD.matcher(out).replaceAll("$1" + MASK + "@");
  }

  static boolean mayHoldSecret(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '@') {
        return true;
      }
      char lower = (char) (c | 0x20);
      switch (lower) {
        case 'a', 'b', 'c', 'k', 'p', 's', 't' -> { } // the first letters of the TRIGGERS
        default -> {
          continue;
        }
      }
      for (String word : TRIGGERS) {
        if (word.charAt(0) == lower && text.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }
}
