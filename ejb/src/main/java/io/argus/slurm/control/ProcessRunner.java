package io.argus.slurm.control;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes through {@link ProcessBuilder} with an argument list, so no
 * shell ever interprets a parameter.
 */
public final class ProcessRunner implements CommandRunner {

  /** Output beyond this is cut; SLURM's tools print a few lines, anything more is a fault. */
  static final int MAX_OUTPUT = 1 << 20;

  @Override
  public CommandResult run(Command command) {
    Path out = null;
    Path err = null;
    Process process = null;
    try {
      // Files rather than pipes: no reader threads, and a grandchild that keeps a pipe open
      // (sbatch does not, a wrapper script might) cannot make us wait past the timeout.
      out = Files.createTempFile("argus-cmd-", ".out");
      err = Files.createTempFile("argus-cmd-", ".err");
      var builder =
          new ProcessBuilder(command.arguments())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(command.environment());
      process = builder.start();
      if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new CommandFailed(
            command.program() + " did not finish within " + command.timeout().toMillis() + " ms");
      }
      return new CommandResult(process.exitValue(), read(out), read(err));
    } catch (IOException e) {
      throw new CommandFailed("cannot run " + command.program() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        process.destroyForcibly();
      }
      throw new CommandFailed("interrupted while running " + command.program(), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static String read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_OUTPUT), StandardCharsets.UTF_8);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temp file is harmless; the command's outcome matters more
      }
    }
  }
}
