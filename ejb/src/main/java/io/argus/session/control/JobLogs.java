package io.argus.session.control;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds why a job failed in what it wrote: Prometheus's last error line, or SLURM's. */
public final class JobLogs {

  private static final int TAIL = 64 * 1024;
  private static final Pattern PROMETHEUS_ERROR = Pattern.compile("level=(?:error|fatal)\\b");
  private static final Pattern MSG = Pattern.compile("\\bmsg=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
  private static final Pattern ERR = Pattern.compile("\\berr=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)");
  private static final Pattern OTHER_ERROR = Pattern.compile("(?i)\\berror\\b");

  private JobLogs() {}

  /** The last error in the files (later files win only when earlier ones have none). */
  public static Optional<String> lastError(List<Path> files) {
    for (Path file : files) {
      Optional<String> found = lastError(tail(file));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static Optional<String> lastError(String text) {
    String[] lines = text.split("\\R");
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i];
      if (PROMETHEUS_ERROR.matcher(line).find()) {
        String msg = field(MSG.matcher(line));
        String err = field(ERR.matcher(line));
        String joined = (msg + (err.isEmpty() ? "" : (msg.isEmpty() ? "" : ": ") + err)).strip();
        return Optional.of(abbreviate(joined.isEmpty() ? line.strip() : joined));
      }
    }
    for (int i = lines.length - 1; i >= 0; i--) {
      if (OTHER_ERROR.matcher(lines[i]).find()) {
        return Optional.of(abbreviate(lines[i].strip()));
      }
    }
    return Optional.empty();
  }

  private static String field(Matcher m) {
    if (!m.find()) {
      return "";
    }
    String v = m.group(1);
    return v.startsWith("\"") ? v.substring(1, v.length() - 1).replace("\\\"", "\"") : v;
  }

  private static String tail(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      long from = Math.max(0, length - TAIL);
      byte[] buf = new byte[(int) (length - from)];
      f.seek(from);
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "…";
  }
}
