package io.argus.gpu.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.gpu.entity.ProcessOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessAttributionTest {

  private static final String ID =
      "34dc0b5e626f2c5c4c5170e34b10e7654ce36f0fcd532739f4445baabea03376";
  private static final String UID = "74c13223-5a00-11e9-b385-42010a80018d";
  private static final String UID_SYSTEMD = UID.replace('-', '_');

  private static ProcessOwner owner(String cgroupFile) {
    return ProcessAttribution.fromCgroupFile(4711, cgroupFile);
  }

  @Nested
  class Kubernetes {

    @Test
    void cgroupV1CgroupfsDriverBurstablePod() {
      ProcessOwner owner = owner("""
          12:pids:/kubepods/burstable/pod%1$s/%2$s
          11:devices:/kubepods/burstable/pod%1$s/%2$s
          4:memory:/kubepods/burstable/pod%1$s/%2$s
          1:name=systemd:/kubepods/burstable/pod%1$s/%2$s
          """.formatted(UID, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).as("the cgroupfs driver names no runtime").isEmpty();
      assertThat(owner.slurmJobId()).isEmpty();
      assertThat(owner.cgroupPath()).hasValue("/kubepods/burstable/pod" + UID + "/" + ID);
    }

    @Test
    void cgroupV1CgroupfsDriverGuaranteedPodHasNoQosLevel() {
      ProcessOwner owner = owner("4:memory:/kubepods/pod%s/%s\n".formatted(UID, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
    }

    @Test
    void cgroupV1SystemdDriverWithDocker() {
      ProcessOwner owner = owner("""
          11:memory:/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod%1$s.slice/docker-%2$s.scope
          1:name=systemd:/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod%1$s.slice/docker-%2$s.scope
          """.formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).as("underscores back to dashes").hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("docker");
    }

    @Test
    void cgroupV2SystemdDriverWithContainerd() {
      ProcessOwner owner = owner(
          "0::/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod%s.slice/cri-containerd-%s.scope\n"
              .formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("containerd");
    }

    @Test
    void cgroupV2SystemdDriverWithCriOGuaranteedPod() {
      ProcessOwner owner = owner(
          "0::/kubepods.slice/kubepods-pod%s.slice/crio-%s.scope\n".formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("cri-o");
    }

    @Test
    void cgroupV2CgroupfsDriver() {
      ProcessOwner owner = owner("0::/kubepods/besteffort/pod%s/%s\n".formatted(UID, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
    }

    @Test
    void staticPodsHaveAHashForAUid() {
      String hash = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";
      ProcessOwner owner = owner("0::/kubepods/burstable/pod%s/%s\n".formatted(hash, ID));

      assertThat(owner.podUid()).hasValue(hash);
    }

    @Test
    void nestedKubeletAsInKind() {
      ProcessOwner owner = owner(("0::/kubelet.slice/kubelet-kubepods.slice/"
          + "kubelet-kubepods-besteffort.slice/kubelet-kubepods-besteffort-pod%s.slice/"
          + "cri-containerd-%s.scope\n").formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
    }

    @Test
    void containerdSystemdTripleLeftUnparsed() {
      ProcessOwner owner = owner(
          "0::/system.slice/containerd.service/kubepods-burstable-pod%s.slice:cri-containerd:%s\n"
              .formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("containerd");
    }

    @Test
    void theConmonMonitorOfCriOIsNotTheContainer() {
      ProcessOwner owner = owner(
          "0::/kubepods.slice/kubepods-pod%s.slice/crio-conmon-%s.scope\n"
              .formatted(UID_SYSTEMD, ID));

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.containerId()).isEmpty();
    }
  }

  @Nested
  class PlainContainers {

    @Test
    void dockerWithCgroupfsDriver() {
      ProcessOwner owner = owner("""
          4:memory:/docker/%1$s
          1:name=systemd:/docker/%1$s
          """.formatted(ID));

      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("docker");
      assertThat(owner.podUid()).isEmpty();
    }

    @Test
    void dockerWithSystemdDriverOnCgroupV2() {
      ProcessOwner owner = owner("0::/system.slice/docker-%s.scope\n".formatted(ID));

      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("docker");
    }

    @Test
    void rootlessPodman() {
      ProcessOwner owner = owner(("0::/user.slice/user-1000.slice/user@1000.service/user.slice/"
          + "libpod-%s.scope/container\n").formatted(ID));

      assertThat(owner.containerId()).hasValue(ID);
      assertThat(owner.containerRuntime()).hasValue("podman");
    }
  }

  @Nested
  class Slurm {

    @Test
    void cgroupV1OnlyTheControllersSlurmUsesCarryTheJob() {
      ProcessOwner owner = owner("""
          12:pids:/system.slice/slurmd.service
          11:memory:/slurm/uid_1000/job_4242/step_0/task_0
          10:devices:/slurm/uid_1000/job_4242/step_0
          7:cpuset:/slurm/uid_1000/job_4242/step_0
          5:freezer:/slurm/uid_1000/job_4242/step_0
          1:name=systemd:/system.slice/slurmd.service
          0::/system.slice/slurmd.service
          """);

      assertThat(owner.slurmJobId()).hasValue("4242");
      assertThat(owner.slurmStep()).hasValue("0");
      assertThat(owner.containerId()).isEmpty();
    }

    @Test
    void cgroupV1WithTheNodeNameInTheRoot() {
      ProcessOwner owner = owner("4:memory:/slurm_node01/uid_0/job_9/step_extern/task_0\n");

      assertThat(owner.slurmJobId()).hasValue("9");
      assertThat(owner.slurmStep()).hasValue("extern");
    }

    @Test
    void cgroupV2BatchStep() {
      ProcessOwner owner =
          owner("0::/system.slice/slurmstepd.scope/job_4242/step_batch/user/task_0\n");

      assertThat(owner.slurmJobId()).hasValue("4242");
      assertThat(owner.slurmStep()).hasValue("batch");
    }

    @Test
    void cgroupV2WithSeveralSlurmdsOnOneHost() {
      ProcessOwner owner =
          owner("0::/system.slice/node01_slurmstepd.scope/job_77/step_3/user/task_special\n");

      assertThat(owner.slurmJobId()).hasValue("77");
      assertThat(owner.slurmStep()).hasValue("3");
    }

    @Test
    void aJobNamedUnitOutsideSlurmIsNotAJob() {
      ProcessOwner owner = owner("0::/system.slice/job_5.service\n");

      assertThat(owner.slurmJobId()).isEmpty();
    }
  }

  @Test
  void anOrdinaryProcessHasNoOwner() {
    ProcessOwner session = owner("0::/user.slice/user-1000.slice/session-3.scope\n");
    ProcessOwner root = owner("0::/\n");

    assertThat(session.containerId()).isEmpty();
    assertThat(session.podUid()).isEmpty();
    assertThat(session.slurmJobId()).isEmpty();
    assertThat(root.containerId()).isEmpty();
    assertThat(owner("")).isEqualTo(ProcessOwner.unknown(4711));
  }

  @Test
  void parsesNulSeparatedEnvironments() {
    byte[] environ = "PATH=/usr/bin\0SLURM_JOB_ID=123\0EMPTY=\0A=b=c\0"
        .getBytes(StandardCharsets.UTF_8);

    assertThat(ProcessAttribution.parseEnvironment(environ))
        .containsEntry("SLURM_JOB_ID", "123")
        .containsEntry("EMPTY", "")
        .containsEntry("A", "b=c");
  }

  @Nested
  class FromProcfs {

    @TempDir
    Path proc;

    private void write(String relative, String content) throws IOException {
      Path file = proc.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    }

    @Test
    void slurmJobFromTheEnvironmentWhenTheCgroupSaysNothing() throws IOException {
      write("100/cgroup", "0::/user.slice/user-1000.slice/session-3.scope\n");
      write("100/environ", "HOME=/home/a\0SLURM_JOB_ID=5150\0SLURM_STEP_ID=2\0");

      ProcessOwner owner = new ProcessAttribution(proc).attribute(100);

      assertThat(owner.slurmJobId()).hasValue("5150");
      assertThat(owner.slurmStep()).hasValue("2");
    }

    @Test
    void theCgroupWinsOverTheEnvironment() throws IOException {
      write("101/cgroup", "0::/system.slice/slurmstepd.scope/job_1/step_0/user/task_0\n");
      write("101/environ", "SLURM_JOB_ID=2\0");

      assertThat(new ProcessAttribution(proc).attribute(101).slurmJobId()).hasValue("1");
    }

    @Test
    void namespaceFromTheServiceAccountMountOfAPod() throws IOException {
      write("102/cgroup", "0::/kubepods/burstable/pod%s/%s\n".formatted(UID, ID));
      write("102/root/var/run/secrets/kubernetes.io/serviceaccount/namespace", "ml-training\n");

      ProcessOwner owner = new ProcessAttribution(proc).attribute(102);

      assertThat(owner.podUid()).hasValue(UID);
      assertThat(owner.namespace()).hasValue("ml-training");
    }

    @Test
    void noServiceAccountMountMeansNoNamespace() throws IOException {
      write("103/cgroup", "0::/kubepods/burstable/pod%s/%s\n".formatted(UID, ID));

      assertThat(new ProcessAttribution(proc).attribute(103).namespace()).isEmpty();
    }

    @Test
    void aProcessThatHasGoneIsUnknown() {
      assertThat(new ProcessAttribution(proc).attribute(999)).isEqualTo(ProcessOwner.unknown(999));
    }

    @Test
    void garbageInTheEnvironmentIsIgnored() throws IOException {
      write("104/cgroup", "0::/\n");
      write("104/environ", "SLURM_JOB_ID=12; rm -rf /\0");

      assertThat(new ProcessAttribution(proc).attribute(104).slurmJobId()).isEmpty();
    }
  }
}
