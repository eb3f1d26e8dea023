package io.argus.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.testing.Prerequisites;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The ops console and the API documentation in headless Chromium against the packaged bundle with
 * eight simulated GPUs and the local session launcher: every page renders its data without a
 * console error, a session is started and stopped from its page, every page works from the keyboard
 * and fits 1280×800 and 390×844 in both themes, Swagger UI lists the operations; then, with keys, a
 * reader key is refused where an operator key starts and stops a session. Screenshots of every page
 * go to {@code target/screenshots/} for review.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

  private static final Path CHROMIUM = Path.of(System.getProperty("argus.it.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER = Path.of(System.getProperty("argus.it.chromedriver", "/usr/bin/chromedriver"));
  private static final Path SCREENSHOTS = Path.of(System.getProperty("argus.it.screenshots", "target/screenshots"));
  private static final Path DOWNLOADS = Path.of("target/console-it/downloads").toAbsolutePath();
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static Path work;
  private static ArgusProcess argus;
  private static ChromeDriver browser;

  @BeforeAll
  static void startArgusAndChromium() throws Exception {
    Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium: no " + CHROMIUM + " / " + CHROMEDRIVER + " (src/ci/provision.sh installs chromium and chromium-driver)");
    SlurmCluster.requirePrometheus();
    work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "console-it");
    argus = ArgusProcess.start(work.resolve("argus"), Map.of(
        "ARGUS_GPU_BACKEND", "simulated",
        "ARGUS_SESSION_LAUNCHER", "local",
        "ARGUS_SESSION_PROMETHEUS_BINARY", SlurmCluster.prometheus(),
        "ARGUS_SESSION_ROOT", work.resolve("sessions").toString(),
        "ARGUS_SESSION_ARTIFACT_ROOT", work.resolve("artifacts").toString(),
        "ARGUS_SESSION_RECONCILE_INTERVAL", "PT2S",
        "SLURM_CONF", "/nonexistent/slurm.conf"));
    argus.awaitReady(Duration.ofSeconds(180));
    // the collector has stored a few cycles of all eight GPUs
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && countOf(argus.get("/api/v1/gpus").body(), "\"uuid\"") < 8) {
      Thread.sleep(500);
    }
    Thread.sleep(6000);

    Files.createDirectories(SCREENSHOTS);
    Files.createDirectories(DOWNLOADS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,800",
        "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"));
    options.setExperimentalOption("prefs", Map.of("download.default_directory", DOWNLOADS.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(WAIT);
  }

  @AfterAll
  static void stopChromiumAndArgus() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (argus != null) {
      try {
        assertThat(argus.terminate(Duration.ofSeconds(60))).isZero();
      } finally {
        argus.close();
      }
    }
  }

  /** Every page must load and run without an error in the browser's console. */
  @AfterEach
  void noConsoleErrors() {
    if (browser == null) {
      return;
    }
    List<LogEntry> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .toList();
    assertThat(severe).as("SEVERE entries in the browser console").isEmpty();
  }

  @Test
  @Order(1)
  void theFleetPageShowsTheSimulatedGpusWithSparklines() throws Exception {
    open("/console/#/fleet");
    wait(d -> "8".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
    List<WebElement> cards = browser.findElements(By.cssSelector("#gpu-cards article.gpu-card"));
    assertThat(cards).hasSize(8);
    assertThat(cards.get(0).getText()).contains("GPU 0", "NVIDIA H100 80GB HBM3 (simulated)", "Utilization", "Temperature", "Power");
    assertThat(browser.findElements(By.cssSelector("#gpu-cards canvas"))).hasSize(8 * 6);
    assertThat(cards.get(0).findElement(By.cssSelector(".badge")).getText()).isIn("OK", "Hot");
    // a sparkline's value shows the latest sample: a number with its unit
    assertThat(cards.get(0).findElement(By.cssSelector(".spark .value")).getText()).matches("\\d+ %");
    screenshot("fleet");

    // filters: an unknown model is not offered; the simulated model keeps all eight
    Select model = new Select(browser.findElement(By.id("filter-model")));
    assertThat(model.getOptions()).extracting(WebElement::getText).contains("All models", "NVIDIA H100 80GB HBM3 (simulated)");
    model.selectByVisibleText("NVIDIA H100 80GB HBM3 (simulated)");
    wait(d -> "8".equals(d.findElement(By.id("gpu-count")).getText()));

    // dark theme, and a phone's width without sideways scrolling
    browser.findElement(By.id("theme")).click();
    String theme = (String) browser.executeScript("return document.documentElement.dataset.theme");
    wait(d -> "8".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
    screenshot("fleet-" + theme);
    browser.manage().window().setSize(new Dimension(390, 844));
    wait(d -> "8".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
    Long overflow = (Long) browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    screenshot("fleet-phone");
    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.findElement(By.id("theme")).click();
    assertThat(overflow).as("horizontal overflow at 390 px").isLessThanOrEqualTo(0L);
  }

  @Test
  @Order(2)
  void theGpuPageChartsStoredTelemetryAndDownloadsTheRowsAsCsv() throws Exception {
    String uuid = firstGpuUuid();
    open("/console/#/gpu/" + uuid);
    wait(d -> points(d.findElement(By.id("gpu-charts"))) > 0);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("GPU 0 on " + hostname());
    List<WebElement> charts = browser.findElements(By.cssSelector("#gpu-charts section.chart"));
    assertThat(charts).extracting(c -> c.getAttribute("data-metric"))
        .containsExactly("gpu_utilization_percent", "gpu_memory_used_bytes", "gpu_temperature_celsius", "gpu_power_watts");
    for (WebElement chart : charts) {
      assertThat(points(chart)).as(chart.getAttribute("data-metric") + " points").isPositive();
      assertThat(chart.findElements(By.cssSelector("canvas"))).isNotEmpty();
    }
    // the canvas really has the line on it: pixels in the first series' colour, which neither the
    // axes nor the grid use (an empty chart with its axes has none)
    Long linePixels = (Long) browser.executeScript("""
        const c = document.querySelector('#gpu-charts canvas');
        const probe = document.createElement('canvas').getContext('2d');
        probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--series-1').trim();
        probe.fillRect(0, 0, 1, 1);
        const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i + 3] > 200 && Math.abs(d[i] - r) < 24 && Math.abs(d[i + 1] - g) < 24 && Math.abs(d[i + 2] - b) < 24) n++;
        }
        return n;""");
    assertThat(linePixels).as("pixels of the series colour on the first chart").isGreaterThan(20L);
    // the live processes of this node's GPU
    wait(d -> d.findElement(By.id("live-heading")).isDisplayed());

    // any metric of the dictionary gets a chart of its own
    new Select(browser.findElement(By.id("add-metric"))).selectByValue("gpu_fan_speed_percent");
    browser.findElement(By.id("add-chart")).click();
    wait(d -> d.findElements(By.cssSelector("#gpu-charts section.chart[data-metric='gpu_fan_speed_percent'][data-points]")).size() == 1);
    assertThat(points(browser.findElement(By.cssSelector("section.chart[data-metric='gpu_fan_speed_percent']")))).isPositive();
    screenshot("gpu");

    // a longer range is downsampled to about 600 points a chart
    new Select(browser.findElement(By.id("range"))).selectByVisibleText("last 7 days");
    wait(d -> d.findElement(By.id("step-note")).getText().startsWith("one point per 30m"));

    browser.findElement(By.id("download-csv")).click();
    wait(d -> d.findElement(By.id("status")).getText().contains("rows downloaded"));
    Path csv = awaitDownload(uuid);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines.get(0)).isEqualTo("timestamp,metric_name,gpu_id,device,uuid,model_name,hostname,container,pod,namespace,slurm_job,value,labels_raw");
    assertThat(lines).hasSizeGreaterThan(5);
    assertThat(lines.get(1)).contains(uuid);
  }

  @Test
  @Order(3)
  void theHostPageShowsThisNodeLive() throws Exception {
    open("/console/#/host");
    wait(d -> points(d.findElement(By.id("host-charts"))) >= 2);
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(browser.findElements(By.cssSelector("#cores meter"))).hasSize(cores);
    assertThat(browser.findElement(By.id("disks-heading")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Network", "Disks", "CPU per core", hostname());
    screenshot("host");
  }

  @Test
  @Order(4)
  void aSessionIsStartedCollectedAndStoppedFromItsPage() throws Exception {
    int port = ArgusProcess.freePort();
    // no key: this server has none, so writes from this host need none (a key it does not know would be a 401)
    open("/console/#/sessions");

    browser.findElement(By.id("new-run-id")).sendKeys("console-it");
    WebElement portField = browser.findElement(By.id("new-port"));
    portField.clear();
    portField.sendKeys(Integer.toString(port));
    browser.findElement(By.cssSelector("#create-session button[type=submit]")).click();
    wait(d -> "CREATED".equals(status(d, "console-it")));

    row("console-it").findElement(By.cssSelector("[data-action=start]")).click();
    wait(d -> "RUNNING".equals(status(d, "console-it")));
    assertThat(argus.get("/api/v1/sessions/console-it").body()).contains("\"status\":\"RUNNING\"", "\"launcher\":\"local\"");

    // a target registered through the API shows its scrape health on the page
    new SessionsApi(argus).post("/api/v1/services", "{\"session_id\":\"console-it\",\"client_id\":\"self\",\"name\":\"prometheus\","
        + "\"endpoint\":\"http://127.0.0.1:" + port + "/metrics\"}").is(200, null);
    browser.findElement(By.cssSelector("a[href='#/sessions/console-it']")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> !d.findElements(By.cssSelector("#session-detail td .badge.up")).isEmpty());
    Thread.sleep(3000);
    screenshot("session-running");

    browser.findElement(By.cssSelector("#session-detail form button[type=submit]")).click();
    wait(d -> !d.findElements(By.cssSelector("#session-detail a[download]")).isEmpty());
    List<String> artifacts = browser.findElements(By.cssSelector("#session-detail a[download]")).stream().map(a -> a.getAttribute("href")).toList();
    assertThat(artifacts).anySatisfy(href -> assertThat(href).endsWith("/artifacts/csv"));
    String csvPath = artifacts.stream().filter(h -> h.endsWith("/artifacts/csv")).findFirst().orElseThrow();
    HttpResponse<String> csv = argus.get(csvPath.substring(csvPath.indexOf("/api/")));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).contains("prometheus_build_info");

    row("console-it").findElement(By.cssSelector("[data-action=stop]")).click();
    wait(d -> "STOPPED".equals(status(d, "console-it")));
    screenshot("sessions");
    assertThat(argus.get("/api/v1/sessions/console-it").body()).contains("\"status\":\"STOPPED\"");
  }

  @Test
  @Order(5)
  void theServicePageShowsHealthComponentsRequestFiguresAndTheWriter() throws Exception {
    open("/console/#/service");
    wait(d -> points(d.findElement(By.id("service-charts"))) >= 2);
    WebElement database = browser.findElement(By.cssSelector("tr[data-check='database']"));
    assertThat(database.getText()).contains("UP");
    assertThat(browser.findElement(By.cssSelector("tr[data-check='telemetry-writer']")).getText()).contains("written_samples");
    assertThat(browser.findElement(By.id("overall")).getText()).contains("UP");
    // request figures: the total since start from /stats; rate and latency of the last minute from
    // successive /metrics snapshots, which this page's own polls fill
    assertThat(browser.findElement(By.id("requests-total")).getText()).matches("[0-9][0-9,.]*");
    wait(d -> d.findElement(By.id("latency-p95")).getText().endsWith(" ms"));
    assertThat(browser.findElement(By.id("requests-rate")).getText()).matches("[0-9][0-9,.]*/s");
    List<WebElement> routes = browser.findElements(By.cssSelector("#routes tr[data-route]"));
    assertThat(routes).extracting(r -> r.getAttribute("data-route")).anySatisfy(r -> assertThat(r).startsWith("GET "));
    screenshot("service");
  }

  /**
   * Keyboard only: Tab reaches each page's link in the navigation and Enter opens the page, the
   * focused element has a visible outline; on the GPU page a GPU is chosen, on Sessions a session is
   * created, started (Space) and stopped (Enter) without the mouse.
   */
  @Test
  @Order(6)
  void everyPageIsReachableAndOperableByKeyboardWithAVisibleFocus() throws Exception {
    for (String page : List.of("fleet", "gpu", "host", "sessions", "service")) {
      browser.get(argus.url("/console/#/" + (page.equals("fleet") ? "service" : "fleet")));
      browser.navigate().refresh(); // the focus starts at the top of a fresh page
      wait(d -> "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));
      tabTo("a[data-nav='" + page + "']");
      assertFocusVisible();
      keys(Keys.ENTER);
      wait(d -> page.equals(d.findElement(By.id("page")).getAttribute("data-page"))
          && "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));
      assertThat(browser.findElement(By.cssSelector("a[data-nav='" + page + "']")).getAttribute("aria-current")).isEqualTo("page");
    }

    // GPU: the list of GPUs, then one of them
    browser.get(argus.url("/console/#/gpu"));
    browser.navigate().refresh();
    wait(d -> "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));
    tabTo(".gpu-list a");
    assertFocusVisible();
    keys(Keys.ENTER);
    wait(d -> points(d.findElement(By.id("gpu-charts"))) > 0);

    // Sessions: create, start and stop from the keyboard
    int port = ArgusProcess.freePort();
    browser.get(argus.url("/console/#/sessions"));
    browser.navigate().refresh();
    wait(d -> "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));
    tabTo("#new-run-id");
    keys("keyboard-it");
    tabTo("#new-port");
    keys(Keys.chord(Keys.CONTROL, "a"), Integer.toString(port));
    tabTo("#create-session button[type=submit]");
    assertFocusVisible();
    keys(Keys.ENTER);
    wait(d -> "CREATED".equals(status(d, "keyboard-it")));
    tabTo("tr[data-session='keyboard-it'] [data-action=start]");
    assertFocusVisible();
    keys(Keys.SPACE);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "RUNNING".equals(status(d, "keyboard-it")));
    tabTo("tr[data-session='keyboard-it'] [data-action=stop]");
    keys(Keys.ENTER);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "STOPPED".equals(status(d, "keyboard-it")));
    assertThat(argus.get("/api/v1/sessions/keyboard-it").body()).contains("\"status\":\"STOPPED\"");
  }

  /**
   * At 1280×800 and at 390×844, dark and light, no page scrolls sideways; a screenshot of each goes
   * to target/screenshots as {page}-{width}x{height}-{theme}.png.
   */
  @Test
  @Order(7)
  void everyPageFitsADesktopAndAPhoneInBothThemes() throws Exception {
    Map<String, String> pages = new java.util.LinkedHashMap<>();
    pages.put("fleet", "#/fleet");
    pages.put("gpu", "#/gpu/" + firstGpuUuid());
    pages.put("host", "#/host");
    pages.put("sessions", "#/sessions/keyboard-it");
    pages.put("service", "#/service");
    List<String> overflowing = new java.util.ArrayList<>();
    try {
      for (Dimension size : List.of(new Dimension(1280, 800), new Dimension(390, 844))) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width, "height", size.height,
            "deviceScaleFactor", 1, "mobile", false));
        for (String theme : List.of("dark", "light")) {
          browser.executeScript("localStorage.setItem('argus.theme', arguments[0])", theme);
          for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.get(argus.url("/console/" + page.getValue()));
            browser.navigate().refresh();
            wait(d -> "ready".equals(d.findElement(By.id("page")).getAttribute("data-state")));
            switch (page.getKey()) {
              case "fleet" -> wait(d -> "8".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
              case "gpu" -> wait(d -> points(d.findElement(By.id("gpu-charts"))) > 0);
              case "host" -> wait(d -> points(d.findElement(By.id("host-charts"))) >= 2);
              case "service" -> wait(d -> d.findElement(By.id("latency-p95")).getText().endsWith(" ms"));
              default -> wait(d -> !d.findElements(By.cssSelector("#session-detail h2")).isEmpty());
            }
            assertThat(browser.executeScript("return document.documentElement.dataset.theme")).isEqualTo(theme);
            List<?> widths = (List<?>) browser.executeScript("return [document.scrollingElement.scrollWidth, innerWidth]");
            assertThat(((Number) widths.get(1)).intValue()).isEqualTo(size.width);
            if (((Number) widths.get(0)).intValue() > size.width) {
              overflowing.add(page.getKey() + " at " + size.width + " px (" + theme + "): " + widths.get(0) + " px wide");
            }
            screenshot(page.getKey() + "-" + size.width + "x" + size.height + "-" + theme);
          }
        }
      }
    } finally {
      browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      browser.executeScript("localStorage.removeItem('argus.theme')");
    }
    assertThat(overflowing).as("pages that scroll sideways").isEmpty();
  }

  @Test
  @Order(8)
  void swaggerUiListsEveryOperationOfTheDocument() throws Exception {
    JsonObject openapi = Json.createReader(new StringReader(argus.get("/openapi", "Accept", "application/json").body())).readObject();
    long operations = openapi.getJsonObject("paths").values().stream()
        .mapToLong(p -> p.asJsonObject().keySet().stream().filter(m -> List.of("get", "post", "put", "delete", "patch").contains(m)).count())
        .sum();
    open("/api/docs");
    wait(d -> d.findElements(By.cssSelector(".opblock")).size() == operations);
    List<String> paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
        .map(e -> e.getAttribute("data-path")).toList();
    assertThat(paths).contains("/api/v1/gpus", "/api/v1/gpus/{gpu}/telemetry", "/api/v1/sessions/{session_id}/start", "/api/system/metrics");
    assertThat(browser.findElement(By.cssSelector(".argus-docs-bar a[href='../console/']")).isDisplayed()).isTrue();
    screenshot("api-docs");
  }

  @Test
  @Order(9)
  void redocRendersTheSameDocument() throws Exception {
    open("/api/redoc");
    wait(d -> d.findElements(By.cssSelector("[data-section-id*='operation/']")).size() > 10);
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Argus");
    screenshot("api-redoc");
  }

  @Test
  @Order(10)
  void theRootRedirectsToTheDocsAndBrowserPagesCarrySecurityHeaders() throws Exception {
    HttpResponse<String> root = argus.get("/");
    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/docs"));
    assertThat(root.body()).contains("href=\"console/\"");
    for (String page : List.of("/console/", "/console/js/main.js", "/api/docs", "/api/redoc")) {
      HttpResponse<String> response = argus.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(page)
          .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-eval"));
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(page).hasValue("DENY");
    }
    assertThat(argus.get("/console/").headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
    // the documentation pages do not take the REST application's place: /api keeps answering problem+json
    HttpResponse<String> unknown = argus.get("/api/nowhere");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
  }

  /**
   * Last, because it turns credentials on for the rest of this server's life: once a key exists,
   * reads need one too. The console shows the 401 with a hint, and with the key entered it draws
   * the fleet, and downloads an artifact (a plain link could not send the key).
   */
  @Test
  @Order(11)
  void withKeysTheConsoleSendsTheKeyOnEveryRequest() throws Exception {
    // the first key is made from this host without credentials; the admin then makes the others
    String admin = new SessionsApi(argus).post("/api/v1/keys", "{\"name\":\"console-admin\",\"role\":\"admin\"}")
        .is(201, null).json().getString("key");
    readerKey = keyed("POST", "/api/v1/keys", "{\"name\":\"console-reader\",\"role\":\"reader\"}", admin, 201)
        .getString("key");
    String key = readerKey;
    operatorKey = keyed("POST", "/api/v1/keys", "{\"name\":\"console-operator\",\"role\":\"operator\"}", admin, 201)
        .getString("key");
    assertThat(argus.get("/api/v1/gpus").statusCode()).isEqualTo(401);
    browser.executeScript("sessionStorage.removeItem('argus.apiKey')");

    browser.get(argus.url("/console/#/fleet"));
    browser.navigate().refresh();
    wait(d -> d.findElement(By.id("status")).getText().contains("API key"));
    assertThat(browser.findElement(By.id("status")).getAttribute("class")).contains("error");
    browser.manage().logs().get(LogType.BROWSER); // the 401s the browser logged are expected here

    WebElement field = browser.findElement(By.id("api-key"));
    field.sendKeys(key);
    field.sendKeys(Keys.TAB);
    assertThat(browser.executeScript("return sessionStorage.getItem('argus.apiKey')")).isEqualTo(key);
    wait(d -> "8".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
    assertThat(browser.findElement(By.id("status")).getText()).doesNotContain("API key");

    open("/console/#/sessions/console-it");
    wait(d -> !d.findElements(By.cssSelector("#session-detail a[download]")).isEmpty());
    WebElement csv = browser.findElements(By.cssSelector("#session-detail a[download]")).stream()
        .filter(a -> a.getAttribute("href").endsWith("/artifacts/csv")).findFirst().orElseThrow();
    Files.deleteIfExists(DOWNLOADS.resolve("metrics.csv"));
    csv.click();
    Path file = awaitFile("metrics.csv"); // the name the server gives it
    assertThat(Files.readString(file)).contains("prometheus_build_info");
  }

  /**
   * Same server, keys on: the reader key's Start is refused with a visible 403 and the session does
   * not move; with the operator key entered in the page the session starts and stops from it.
   */
  @Test
  @Order(12)
  void aReaderKeyCannotStartASessionAndAnOperatorKeyStartsAndStopsOne() throws Exception {
    int port = ArgusProcess.freePort();
    keyed("POST", "/api/v1/sessions", "{\"run_id\":\"console-keys\",\"prometheus_port\":" + port + "}", operatorKey, 200);
    browser.executeScript("sessionStorage.setItem('argus.apiKey', arguments[0])", readerKey);
    browser.get(argus.url("/console/#/sessions/console-keys"));
    browser.navigate().refresh();
    wait(d -> "CREATED".equals(status(d, "console-keys")));

    row("console-keys").findElement(By.cssSelector("[data-action=start]")).click();
    wait(d -> d.findElement(By.id("status")).getText().contains("403"));
    WebElement statusLine = browser.findElement(By.id("status"));
    assertThat(statusLine.isDisplayed()).isTrue();
    assertThat(statusLine.getAttribute("class")).contains("error");
    assertThat(statusLine.getText()).contains("operator key");
    browser.manage().logs().get(LogType.BROWSER); // the 403 the browser logged is expected here
    assertThat(argus.get("/api/v1/sessions/console-keys", "X-API-Key", readerKey).body()).contains("\"status\":\"CREATED\"");
    assertThat(status(browser, "console-keys")).isEqualTo("CREATED");

    WebElement field = browser.findElement(By.id("api-key"));
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), operatorKey, Keys.TAB);
    assertThat(browser.executeScript("return sessionStorage.getItem('argus.apiKey')")).isEqualTo(operatorKey);
    wait(d -> "CREATED".equals(status(d, "console-keys")));
    row("console-keys").findElement(By.cssSelector("[data-action=start]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "RUNNING".equals(status(d, "console-keys")));
    assertThat(argus.get("/api/v1/sessions/console-keys", "X-API-Key", readerKey).body())
        .contains("\"status\":\"RUNNING\"", "\"launcher\":\"local\"");
    row("console-keys").findElement(By.cssSelector("[data-action=stop]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> "STOPPED".equals(status(d, "console-keys")));
    assertThat(argus.get("/api/v1/sessions/console-keys", "X-API-Key", readerKey).body()).contains("\"status\":\"STOPPED\"");
    screenshot("sessions-operator");
  }

  /**
   * A GPU of another host pushed with XID and ECC errors: the fleet badges name them with their
   * values, /stats counts the second host, and the hosts table shows live figures for this node only.
   */
  @Test
  @Order(13)
  void theFleetBadgesXidAndEccErrorsAndStatsCountsTheHostsOfTheStore() throws Exception {
    String now = java.time.Instant.now().toString();
    StringBuilder rows = new StringBuilder("[");
    for (String[] m : new String[][] {{"gpu_utilization_percent", "40"}, {"gpu_temperature_celsius", "50"},
        {"gpu_xid_last", "79"}, {"gpu_ecc_uncorrected_errors_total", "2"}}) {
      rows.append(rows.length() > 1 ? "," : "").append("{\"timestamp\":\"").append(now).append("\",\"metric_name\":\"").append(m[0])
          .append("\",\"gpu_id\":0,\"uuid\":\"GPU-console-remote-0\",\"model_name\":\"NVIDIA A100 (pushed)\",")
          .append("\"hostname\":\"console-remote\",\"value\":").append(m[1]).append('}');
    }
    assertThat(keyed("POST", "/api/v1/telemetry", rows.append(']').toString(), operatorKey, 200).getInt("stored")).isEqualTo(4);
    JsonObject gpu = Json.createReader(new StringReader(argus.get("/stats", "X-API-Key", readerKey).body())).readObject().getJsonObject("gpu");
    assertThat(gpu.getJsonNumber("hosts").longValue()).isEqualTo(2);

    browser.executeScript("sessionStorage.setItem('argus.apiKey', arguments[0])", readerKey);
    open("/console/#/fleet");
    wait(d -> "9".equals(d.findElement(By.id("gpu-cards")).getAttribute("data-count")));
    WebElement remote = browser.findElement(By.cssSelector("article.gpu-card[data-uuid='GPU-console-remote-0']"));
    List<WebElement> badges = remote.findElements(By.cssSelector(".badge"));
    assertThat(badges).extracting(WebElement::getText).containsExactly("XID", "ECC");
    assertThat(badges.get(0).getAttribute("title")).contains("79");
    assertThat(badges.get(1).getAttribute("title")).contains("2 uncorrected ECC errors");
    assertThat(browser.findElement(By.id("failing-count")).getText()).isEqualTo("1");
    // live CPU and memory for the node serving the console; the pushed host has no live figures
    String thisHost = hostnameWith(readerKey);
    wait(d -> d.findElement(By.cssSelector("tr[data-host='" + thisHost + "'] td[data-live=cpu]")).getText().matches("\\d+ %"));
    assertThat(browser.findElement(By.cssSelector("tr[data-host='console-remote'] td[data-live=cpu]")).getText()).isEqualTo("–");
    screenshot("fleet-badges");
  }

  private static String readerKey;
  private static String operatorKey;

  /** A request with a key whose answer must have this status; its JSON body. */
  private static JsonObject keyed(String method, String path, String json, String key, int expected) throws Exception {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(argus.url(path)))
        .header("Content-Type", "application/json").header("X-API-Key", key)
        .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json))
        .timeout(Duration.ofSeconds(120)).build();
    HttpResponse<String> response = ArgusProcess.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String hostnameWith(String key) throws Exception {
    return Json.createReader(new StringReader(argus.get("/api/v1/hosts?limit=1000", "X-API-Key", key).body())).readArray().stream()
        .map(h -> h.asJsonObject().getString("hostname")).filter(h -> !h.equals("console-remote")).findFirst().orElseThrow();
  }

  /** Presses Tab until the focused element matches the selector (it may match already). */
  private static void tabTo(String selector) {
    for (int i = 0; i < 40; i++) {
      if (Boolean.TRUE.equals(browser.executeScript("return document.activeElement.matches(arguments[0])", selector))) {
        return;
      }
      keys(Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + selector + "; focus is on "
        + browser.executeScript("return document.activeElement.outerHTML.slice(0, 200)"));
  }

  /** Keys sent to whatever has the focus, as a keyboard would. */
  private static void keys(CharSequence... keys) {
    new Actions(browser).sendKeys(keys).perform();
  }

  private static void assertFocusVisible() {
    List<?> outline = (List<?>) browser.executeScript(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, document.activeElement.tagName]");
    assertThat(outline.get(0)).as("outline style of the focused " + outline.get(2)).isNotEqualTo("none");
    assertThat(outline.get(1)).as("outline width of the focused " + outline.get(2)).isNotEqualTo("0px");
  }

  private static void open(String path) {
    browser.get(argus.url(path));
    wait(d -> "ready".equals(d.findElements(By.id("page")).isEmpty() ? "ready" : d.findElement(By.id("page")).getAttribute("data-state")));
  }

  /** Waits for the condition; pages redraw their parts every few seconds, so a stale element is asked again. */
  private static void wait(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(condition::apply);
  }

  private static long points(WebElement element) {
    String value = element.getAttribute("data-points");
    return value == null ? 0 : Long.parseLong(value);
  }

  private static WebElement row(String session) {
    return browser.findElement(By.cssSelector("tr[data-session='" + session + "']"));
  }

  /** The row's status, read in one step: the list is redrawn every few seconds under the test. */
  private static String status(WebDriver d, String session) {
    return (String) ((JavascriptExecutor) d).executeScript(
        "return document.querySelector(`tr[data-session='${arguments[0]}']`)?.dataset.status ?? null", session);
  }

  private static void screenshot(String name) throws IOException {
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static Path awaitDownload(String uuid) throws Exception {
    return awaitDownload(f -> f.startsWith(uuid) && f.endsWith(".csv"), "a CSV of " + uuid);
  }

  private static Path awaitFile(String name) throws Exception {
    return awaitDownload(name::equals, name);
  }

  /** A finished download (Chromium writes .crdownload files until it is complete). */
  private static Path awaitDownload(java.util.function.Predicate<String> name, String what) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(DOWNLOADS)) {
        var done = files.filter(f -> name.test(f.getFileName().toString())).findFirst();
        if (done.isPresent()) {
          return done.get();
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no download of " + what + " in " + DOWNLOADS);
  }

  private static String firstGpuUuid() throws Exception {
    JsonObject first = Json.createReader(new StringReader(argus.get("/api/v1/gpus?limit=1").body())).readArray().getJsonObject(0);
    return first.getString("uuid");
  }

  private static String hostname() throws Exception {
    return Json.createReader(new StringReader(argus.get("/api/v1/gpus?limit=1").body())).readArray().getJsonObject(0).getString("hostname");
  }

  private static int countOf(String text, String part) {
    return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
