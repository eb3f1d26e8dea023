package io.argus.gpu.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.entity.ProcessOwner;
import io.argus.testing.Prerequisites;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real /proc of this machine, with this JVM as the process. */
class ProcessAttributionIT {

  @Test
  void readsTheCgroupOfThisJvm() throws Exception {
    Path own = Path.of("/proc/self/cgroup");
    Prerequisites.require(Files.isReadable(own), "Linux procfs (/proc/self/cgroup)");
    long pid = ProcessHandle.current().pid();
    String expected = ProcessAttribution.fromCgroupFile(pid, Files.readString(own))
        .cgroupPath().orElseThrow();

    ProcessOwner owner = ProcessAttribution.ofThisMachine().attribute(pid);

    assertThat(owner.pid()).isEqualTo(pid);
    assertThat(owner.cgroupPath()).hasValue(expected);
  }
}
