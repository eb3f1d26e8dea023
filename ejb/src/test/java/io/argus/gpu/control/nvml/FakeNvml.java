package io.argus.gpu.control.nvml;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test-only controls of the gcc-built fake libnvidia-ml, and where its variants are. */
interface FakeNvml extends Library {

  /** Takes effect at the next nvmlInit from reference count 0. */
  void fakeNvmlSetScenario(String path);

  int fakeNvmlLoseGpu(int index);

  int fakeNvmlInitCount();

  int fakeNvmlRefCount();

  /** {@code current}, {@code old} or {@code r535}; see src/nvml-fake/README.md. */
  static Path library(String variant) {
    Path lib = Path.of(System.getProperty("argus.it.nvml.fake", "target/nvml-fake"), variant,
        "libnvidia-ml.so.1").toAbsolutePath();
    if (!Files.isRegularFile(lib)) {
      throw new IllegalStateException(lib + " is missing: build it with ./mvnw -pl ejb verify");
    }
    return lib;
  }

  static Path scenario(String name) {
    return Path.of(System.getProperty("argus.it.nvml.scenarios", "src/test/resources/nvml"),
        name + ".scenario").toAbsolutePath();
  }

  /** Loads the controls of the same loaded library the probe under test opens. */
  static FakeNvml load(Path library) {
    return Native.load(library.toString(), FakeNvml.class);
  }

  /** Loads a variant with a scenario selected, before a probe opens it. */
  static FakeNvml with(String variant, String scenario) {
    FakeNvml fake = load(library(variant));
    fake.fakeNvmlSetScenario(scenario(scenario).toString());
    return fake;
  }
}
