package io.argus.security.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The audit log's own file ({@code argus.audit.file}): one JSON object per line, appended. Each line
 * goes to the kernel in one write on a file opened for appending, so lines from concurrent
 * requests (or another process appending to the same file) never interleave, and a line is in the
 * file once {@link #append} returns (not necessarily on disk: no fsync per line).
 */
public final class AuditFile implements AutoCloseable {

  private static final OpenOption[] APPEND = {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND};

  private final Path path;
  private final FileChannel channel;

  private AuditFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Opens (creating it and its directory if needed) the file for appending; a new file is readable by its owner only. */
  public static AuditFile open(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Files.createDirectories(absolute.getParent());
    FileChannel channel = FileSystems.getDefault().supportedFileAttributeViews().contains("posix") && !Files.exists(absolute)
        ? FileChannel.open(absolute, java.util.Set.of(APPEND), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : FileChannel.open(absolute, APPEND);
    return new AuditFile(absolute, channel);
  }

  public Path path() {
    return path;
  }

  /** Appends one line; the text must not hold a line break (a JSON object written compactly has none). */
  public synchronized void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.close();
  }
}
