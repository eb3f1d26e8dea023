package io.argus.slurm.control;

import io.argus.platform.control.ProblemException;

/** SLURM refused a request as given, e.g. an unknown partition or a time limit above its maximum (422). */
public class SlurmRejected extends ProblemException {

  private static final long serialVersionUID = 1L;

  public SlurmRejected(String detail) {
    super(422, "Rejected by SLURM", detail, null);
  }
}
