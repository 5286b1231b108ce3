package org.ketapath.cli;

import java.io.PrintWriter;
import org.ketapath.core.KetaPathException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The ketapath command: replay timelines, list and validate protocols, compute MEDD. */
@Command(name = "ketapath", mixinStandardHelpOptions = true, version = "KetaPath 0.1.0",
    description = {"Decision support for low-dose ketamine infusions in refractory cancer pain.",
        "Supports, and never replaces, clinical judgement."},
    subcommands = {ReplayCommand.class, ProtocolsCommand.class, ValidateCommand.class, MeddCommand.class,
        ReportCommand.class})
public class KetaPathCli implements Runnable {
  /** Exit code for bad input (a malformed file, an unknown protocol, an out-of-range value). */
  public static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** A command line whose input errors print one clear message (no stack trace) and exit 2. */
  public static CommandLine commandLine() {
    return configure(new CommandLine(new KetaPathCli()));
  }

  public static CommandLine configure(CommandLine cl) {
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof KetaPathException k) {
        err.println("error: " + k.getMessage());
        err.flush();
        return EXIT_BAD_INPUT;
      }
      err.println("error: unexpected failure: " + ex);
      err.flush();
      return 1;
    });
    return cl;
  }
}
