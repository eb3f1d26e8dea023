package io.argus.slurm.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parses output captured from SLURM 22.05.8 (files next to this class). */
class ParsersTest {

  static String captured(String name) throws IOException {
    try (InputStream in = ParsersTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void squeueRunningAndHeld() throws IOException {
    var jobs = SqueueParser.parse(captured("squeue-running-and-held.txt"));
    assertThat(jobs)
        .containsExactly(
            new JobStatus(new JobId("4"), JobState.PENDING, Optional.of("JobHeldUser"), Optional.empty(),
                Optional.of("cpu"), Optional.of("1-00:00:00"), Optional.empty()),
            new JobStatus(new JobId("3"), JobState.RUNNING, Optional.empty(), Optional.of("localhost"),
                Optional.of("debug"), Optional.of("5:00"), Optional.empty()));
  }

  @Test
  void squeuePrintsNothingForAnEndedJob() {
    assertThat(SqueueParser.parse("")).isEmpty();
    assertThat(SqueueParser.parse("\n")).isEmpty();
  }

  @Test
  void squeueJobNameMayContainTheSeparator() {
    assertThat(SqueueParser.parse("7|RUNNING|None|n[01-02]|gpu|UNLIMITED|1:02|a|b\n"))
        .singleElement()
        .satisfies(j -> assertThat(j.nodeList()).contains("n[01-02]"));
  }

  @Test
  void squeueRefusesOtherFormats() {
    assertThatThrownBy(() -> SqueueParser.parse("1 RUNNING debug 5:00 0:02 localhost"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unexpected squeue line");
  }

  @ParameterizedTest
  @CsvSource({
    "scontrol-running.txt, 3, RUNNING, , localhost, 0:0",
    "scontrol-held.txt, 4, PENDING, JobHeldUser, , 0:0",
    "scontrol-failed.txt, 5, FAILED, NonZeroExitCode, localhost, 3:0",
    "scontrol-cancelled.txt, 3, CANCELLED, , localhost, 0:15"
  })
  void scontrolShowJob(String file, String id, JobState state, String reason, String nodes, String exit) throws IOException {
    JobStatus job = ScontrolParser.parse(captured(file)).get(0);
    assertThat(job.id()).isEqualTo(new JobId(id));
    assertThat(job.state()).isEqualTo(state);
    assertThat(job.reason()).isEqualTo(Optional.ofNullable(reason));
    assertThat(job.nodeList()).isEqualTo(Optional.ofNullable(nodes));
    assertThat(job.exitCode()).contains(exit);
  }

  @Test
  void scontrolOneLinerAndMultipleRecords() throws IOException {
    String multi = captured("scontrol-running.txt") + "\n" + captured("scontrol-failed.txt");
    assertThat(ScontrolParser.parse(multi)).extracting(JobStatus::state).containsExactly(JobState.RUNNING, JobState.FAILED);

    String oneLiners = captured("scontrol-running.txt").replaceAll("\\s*\\n\\s*", " ").strip() + "\n"
        + captured("scontrol-held.txt").replaceAll("\\s*\\n\\s*", " ").strip() + "\n";
    assertThat(ScontrolParser.parse(oneLiners)).extracting(j -> j.id().value()).containsExactly("3", "4");
  }

  @Test
  void scontrolValuesMayHoldEqualsSignsAndSpaces() {
    var f = ScontrolParser.fields("JobId=9 JobName=x TRES=cpu=1,node=1 Command=/home/a b/run.sh WorkDir=/w");
    assertThat(f)
        .containsEntry("TRES", "cpu=1,node=1")
        .containsEntry("Command", "/home/a b/run.sh")
        .containsEntry("WorkDir", "/w");
  }

  @ParameterizedTest
  @CsvSource({
    "CANCELLED by 0, CANCELLED", "TIMEOUT, TIMEOUT", "NODE_FAIL, NODE_FAIL", "OUT_OF_MEMORY, OUT_OF_MEMORY",
    "COMPLETING, COMPLETING", "RUNNING+, RUNNING", "WEIRD_NEW, UNKNOWN"
  })
  void jobStates(String text, JobState state) {
    assertThat(JobState.parse(text)).isEqualTo(state);
  }

  @Test
  void terminalStatesAreTheEndedOnes() {
    assertThat(JobState.TIMEOUT.terminal()).isTrue();
    assertThat(JobState.CANCELLED.terminal()).isTrue();
    assertThat(JobState.RUNNING.terminal()).isFalse();
    assertThat(JobState.COMPLETING.terminal()).isFalse();
    assertThat(JobState.UNKNOWN.terminal()).isFalse();
  }

  @Test
  void sbatchParsable() {
    assertThat(SbatchParser.parse("1\n")).contains(new JobId("1"));
    assertThat(SbatchParser.parse("12345;cluster-a\n")).contains(new JobId("12345"));
    assertThat(SbatchParser.parse("note from a submit plugin\n678\n")).contains(new JobId("678"));
    assertThat(SbatchParser.parse("Submitted batch job 5\n")).isEmpty();
    assertThat(SbatchParser.parse("")).isEmpty();
  }
}
