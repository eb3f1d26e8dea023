package io.argus.telemetry.control;

import io.argus.platform.control.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A position in a listing, opaque to clients: a kind and the sort key of the last item returned, each
 * part base64url-encoded and joined by dots. Anything that does not decode to the expected kind and
 * number of parts is refused as a 400 naming {@code cursor}.
 */
final class Cursor {

  static final String PARAMETER = "cursor";
  private static final int MAX_LENGTH = 1024;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_.-]+");

  private Cursor() {}

  static String encode(String kind, Object... parts) {
    StringBuilder out = new StringBuilder(kind);
    for (Object p : parts) {
      out.append('.').append(Base64.getUrlEncoder().withoutPadding()
          .encodeToString(String.valueOf(p).getBytes(StandardCharsets.UTF_8)));
    }
    return out.toString();
  }

  static List<String> decode(String cursor, String kind, int parts) {
    if (cursor.length() > MAX_LENGTH || !SHAPE.matcher(cursor).matches()) {
      throw invalid();
    }
    String[] pieces = cursor.split("\\.", -1);
    if (pieces.length != parts + 1 || !pieces[0].equals(kind)) {
      throw invalid();
    }
    List<String> decoded = new ArrayList<>(parts);
    for (int i = 1; i < pieces.length; i++) {
      try {
        decoded.add(new String(Base64.getUrlDecoder().decode(pieces[i]), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw invalid();
      }
    }
    return decoded;
  }

  static long number(String part, long min) {
    try {
      long v = Long.parseLong(part);
      if (v < min) {
        throw invalid();
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  static InvalidParameter invalid() {
    return new InvalidParameter(PARAMETER, "cursor is not one this listing handed out; start again without it");
  }
}
