package org.ketapath.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketapath.core.KetaPathException;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** validate: check protocol files before they are published. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate protocol version files (YAML or JSON); exit 2 if any is refused")
public class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "PROTOCOL_FILE", arity = "1..*")
  List<Path> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int bad = 0;
    for (Path f : files) {
      try (InputStream in = Files.open(f)) {
        Protocol p = ProtocolLoader.parse(f.toString(), in);
        out.println("ok: " + f + " (" + p.ref() + ", " + p.localChoices().size() + " local choices)");
      } catch (KetaPathException e) {
        err.println("refused: " + e.getMessage());
        bad++;
      }
    }
    out.flush();
    err.flush();
    return bad == 0 ? 0 : KetaPathCli.EXIT_BAD_INPUT;
  }
}
