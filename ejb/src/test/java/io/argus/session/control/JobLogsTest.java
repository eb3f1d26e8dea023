package io.argus.session.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.argus.session.entity.SessionStatus;
import io.argus.slurm.entity.JobId;
import io.argus.slurm.entity.JobState;
import io.argus.slurm.entity.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobLogsTest {

  @Test
  void theLastPrometheusErrorIsItsMessageAndError(@TempDir Path dir) throws Exception {
    Path err = dir.resolve("slurm-2.err");
    Files.writeString(err, """
        ts=2026-11-24T06:29:00.101Z caller=main.go:512 level=info msg="Starting Prometheus Server" mode=server
        ts=2026-11-24T06:29:00.190Z caller=main.go:1010 level=error msg="Unable to start web listener" err="listen tcp 0.0.0.0:5432: bind: address already in use"
        """);
    assertThat(JobLogs.lastError(List.of(err, dir.resolve("missing.out"))))
        .contains("Unable to start web listener: listen tcp 0.0.0.0:5432: bind: address already in use");
  }

  @Test
  void otherwiseTheLastLineSayingErrorAndNothingWhenThereIsNone(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("slurm-3.out");
    Files.writeString(out, "slurmstepd: error: *** JOB 3 ON localhost CANCELLED AT 2026-11-24T06:30:00 DUE TO TIME LIMIT ***\n");
    assertThat(JobLogs.lastError(List.of(out))).hasValueSatisfying(l -> assertThat(l).contains("DUE TO TIME LIMIT"));
    Files.writeString(out, "level=info msg=\"See you next time!\"\n");
    assertThat(JobLogs.lastError(List.of(out))).isEmpty();
  }

  @Test
  void jobStatesMapToSessionStatuses() {
    JobId id = new JobId("7");
    assertThat(JobOutcome.of(job(id, JobState.TIMEOUT, "TimeLimit"), Optional.empty()))
        .isEqualTo(new JobOutcome(SessionStatus.COMPLETED, "Time limit reached (job 7 TIMEOUT, reason TimeLimit, exit code 0:15)"));
    assertThat(JobOutcome.of(job(id, JobState.CANCELLED, null), Optional.empty()).status()).isEqualTo(SessionStatus.CANCELLED);
    assertThat(JobOutcome.of(job(id, JobState.NODE_FAIL, "NodeDown"), Optional.of("boom")))
        .isEqualTo(new JobOutcome(SessionStatus.FAILED, "SLURM reports job 7 NODE_FAIL, reason NodeDown, exit code 0:15: boom"));
    assertThat(JobOutcome.lost("7").status()).isEqualTo(SessionStatus.FAILED);
  }

  private static JobStatus job(JobId id, JobState state, String reason) {
    return new JobStatus(id, state, Optional.ofNullable(reason), Optional.of("localhost"), Optional.of("debug"), Optional.of("1:00"),
        Optional.of("0:15"));
  }
}
