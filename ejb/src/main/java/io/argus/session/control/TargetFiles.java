package io.argus.session.control;

import io.argus.session.entity.ExporterKind;
import io.argus.session.entity.ScrapeClient;
import io.argus.session.entity.ScrapeService;
import io.argus.session.entity.SessionLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes and removes a session's file_sd files so that a running Prometheus never reads a half
 * written one: content goes to a temporary file whose name its glob does not match, then is
 * renamed over the target.
 */
public final class TargetFiles {

  private final SessionLayout layout;

  public TargetFiles(SessionLayout layout) {
    this.layout = layout;
  }

  /** Writes one file per exporter kind; a disabled kind gets an empty list, dropping its target. */
  public void register(ScrapeClient client) {
    for (ExporterKind kind : ExporterKind.values()) {
      write(
          layout.targetsDirectory(kind.key()).resolve(FileSdRenderer.clientFileName(client.clientId())),
          FileSdRenderer.client(layout.sessionId(), client, kind));
    }
  }

  public void register(ScrapeService service) {
    write(
        layout.targetsDirectory(FileSdRenderer.SERVICES_JOB)
            .resolve(FileSdRenderer.serviceFileName(service.clientId(), service.name())),
        FileSdRenderer.service(layout.sessionId(), service));
  }

  public void unregisterClient(String clientId) {
    for (ExporterKind kind : ExporterKind.values()) {
      delete(layout.targetsDirectory(kind.key()).resolve(FileSdRenderer.clientFileName(clientId)));
    }
  }

  public void unregisterService(String clientId, String name) {
    delete(layout.targetsDirectory(FileSdRenderer.SERVICES_JOB).resolve(FileSdRenderer.serviceFileName(clientId, name)));
  }

  /** Creates the empty job directories, so Prometheus finds what it globs from its first start. */
  public void prepare() {
    try {
      for (String job : PrometheusConfigRenderer.jobs()) {
        Files.createDirectories(layout.targetsDirectory(job));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + layout.targetsDirectory(), e);
    }
  }

  /** Replaces {@code file} atomically with {@code content}. */
  public static void write(Path file, String content) {
    Path dir = file.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // ".name.tmp" matches no "*.json" glob, so Prometheus never picks up the partial file.
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // createTempFile makes 0600; Prometheus may run as another user of the same group.
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that failure is the one to report
        }
      }
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }
}
