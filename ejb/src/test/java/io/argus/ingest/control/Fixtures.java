package io.argus.ingest.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The third-party fixtures under src/test/resources/fixtures. */
public final class Fixtures {

  public static final String DCGM = "fixtures/dcgm-exporter_metrics_sample_datadog.txt";
  public static final String NVIDIA_SMI = "fixtures/nvidia_gpu_exporter_h100_load.metrics";
  public static final String NODE = "fixtures/node_exporter_core-families_subset.txt";

  private Fixtures() {}

  public static Reader reader(String resource) {
    InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }

  public static String text(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
