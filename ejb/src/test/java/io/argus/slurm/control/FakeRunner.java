package io.argus.slurm.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Answers commands from a script of canned results and remembers what it was asked to run. */
final class FakeRunner implements CommandRunner {

  final List<Command> commands = new ArrayList<>();
  private final Deque<Object> answers = new ArrayDeque<>();

  FakeRunner answer(int exitCode, String stdout, String stderr) {
    answers.add(new CommandResult(exitCode, stdout, stderr));
    return this;
  }

  FakeRunner fail(CommandFailed failure) {
    answers.add(failure);
    return this;
  }

  @Override
  public CommandResult run(Command command) {
    commands.add(command);
    Object next = answers.poll();
    if (next == null) {
      throw new AssertionError("unexpected command: " + command);
    }
    if (next instanceof CommandFailed failure) {
      throw failure;
    }
    return (CommandResult) next;
  }
}
