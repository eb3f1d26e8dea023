package io.argus.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged bundle started as an operator would: {@code java -jar argus.jar --port N}, in a directory of its own. */
final class ArgusProcess implements AutoCloseable {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  // Payara Micro, on a loaded machine, now and then reports itself ready with its HTTP listener never
  // bound: every connection is refused, nothing is logged. A bundle that has answered nothing and
  // still refuses connections this long after "ready" is started again, once, on another port.
  private static final Duration UNBOUND_LISTENER = Duration.ofSeconds(60);

  private final Path workDir;
  private final Map<String, String> env;
  private final String[] extraArgs;
  private Process process;
  private Path log;
  private int port;
  private boolean answered;
  private boolean restarted;

  private ArgusProcess(Path workDir, Map<String, String> env, String[] extraArgs) {
    this.workDir = workDir;
    this.env = env;
    this.extraArgs = extraArgs;
  }

  static Path bundle() {
    return Path.of(System.getProperty("argus.bundle", "target/argus.jar"));
  }

  static ArgusProcess start(Path workDir, Map<String, String> env, String... extraArgs) throws IOException {
    ArgusProcess argus = new ArgusProcess(workDir, Map.copyOf(env), extraArgs.clone());
    argus.launch();
    return argus;
  }

  private void launch() throws IOException {
    port = freePort();
    // env resets SIGINT to its default before it execs java (same pid): Ctrl-C in a terminal reaches
    // Argus that way, but a build started in the background passes SIGINT on ignored, and the JVM
    // leaves an ignored SIGINT alone
    List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-jar", bundle().toAbsolutePath().toString(), "--port", Integer.toString(port)));
    command.addAll(List.of(extraArgs));
    Files.createDirectories(workDir);
    log = workDir.resolve("argus-" + port + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("ARGUS_"));
    builder.environment().putAll(env);
    process = builder.start();
  }

  /**
   * True (after starting the bundle again) when it never answered and has refused every connection
   * for {@link #UNBOUND_LISTENER} since Payara reported it ready.
   */
  private boolean restartedUnboundListener(long refusedSince) throws InterruptedException {
    if (answered || restarted || refusedSince == 0 || System.nanoTime() - refusedSince < UNBOUND_LISTENER.toNanos()
        || !log().contains(" ready in ")) {
      return false;
    }
    System.err.println("Argus on port " + port + " reported ready but refused every connection for " + UNBOUND_LISTENER
        + "; starting it again on another port\n" + tail());
    restarted = true;
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    try {
      launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /** Processes the server started (Prometheus of a local session, say) that still run. */
  long children() {
    return process.descendants().filter(ProcessHandle::isAlive).count();
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    answered = true;
    return response;
  }

  /** Polls {@code /health/ready} until it answers 200; fails with the server's log when it does not in time. */
  void awaitReady(Duration timeout) throws InterruptedException {
    awaitStatus("/health/ready", 200, timeout);
  }

  /** {@link #awaitReady} on another thread, so that several bundles boot side by side. */
  java.util.concurrent.CompletableFuture<Void> awaitReadyAsync(Duration timeout) {
    return java.util.concurrent.CompletableFuture.runAsync(() -> {
      try {
        awaitReady(timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    });
  }

  /** Polls a path until it answers with this status (or the process dies, or time runs out). */
  HttpResponse<String> awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpResponse<String> last = null;
    String lastFailure = null;
    long refusedSince = 0;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Argus exited with " + process.exitValue() + " before " + path + " answered " + status + "\n" + tail());
      }
      try {
        last = get(path);
        refusedSince = 0;
        if (last.statusCode() == status) {
          return last;
        }
      } catch (java.net.ConnectException refused) {
        lastFailure = refused.toString();
        refusedSince = refusedSince == 0 ? System.nanoTime() : refusedSince;
        if (restartedUnboundListener(refusedSince)) {
          refusedSince = 0;
        }
      } catch (IOException notYet) {
        lastFailure = notYet.toString(); // a timeout is not a missing listener: no restart for it
        refusedSince = 0;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(path + " did not answer " + status + " within " + timeout + " (last: "
        + (last == null ? "no answer" : last.statusCode() + " " + last.body())
        + (lastFailure == null ? "" : "; last failure: " + lastFailure) + ")\n" + tail());
  }

  /** Sends SIGTERM and waits for the exit status. */
  int terminate(Duration timeout) throws InterruptedException {
    process.destroy(); // SIGTERM on Linux
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Argus did not exit within " + timeout + " of SIGTERM\n" + tail());
    }
    return process.exitValue();
  }

  /** Sends a signal by name ({@code TERM}, {@code INT}, …) and returns at once. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + name + " " + process.pid() + " exited with " + kill.exitValue());
    }
  }

  /** Sends SIGKILL (no shutdown hooks, nothing flushed) and waits until the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("Argus survived SIGKILL for 30 s");
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Waits for the process to end by itself (a deployment that failed, say); its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Argus still runs after " + timeout + "\n" + tail());
    }
    return process.exitValue();
  }

  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String tail() {
    String all = log();
    String tail = all.length() <= 6000 ? all : "…" + all.substring(all.length() - 6000);
    int severe = all.indexOf("[SEVERE]");
    if (severe < 0 || all.length() - severe <= 6000) {
      return tail;
    }
    // the first severe record is usually the cause; the tail only shows its consequences
    String first = all.substring(Math.max(0, all.lastIndexOf('\n', severe) + 1), Math.min(all.length(), severe + 4000));
    return "first severe record:\n" + first + "\n…\nlast lines:\n" + tail;
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
