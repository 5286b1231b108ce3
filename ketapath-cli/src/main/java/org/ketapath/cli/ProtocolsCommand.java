package org.ketapath.cli;

import java.io.PrintWriter;
import org.ketapath.core.protocol.Param;
import org.ketapath.core.protocol.Protocol;
import org.ketapath.core.protocol.ProtocolCatalog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** protocols: the catalogue, with each protocol's local choices. */
@Command(name = "protocols", mixinStandardHelpOptions = true, description = "List the protocol versions shipped")
public class ProtocolsCommand implements Runnable {
  @Option(names = "--local-choices", description = "also list each protocol's local choices (assumptions)")
  boolean localChoices;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (Protocol p : ProtocolCatalog.builtIn().all()) {
      out.println(p.ref() + "  " + p.title());
      out.println("    " + p.summary());
      out.println("    source " + p.sourceId() + "; rules " + String.join(", ", p.rules()));
      if (localChoices) {
        for (Param<?> c : p.localChoices()) {
          out.println("    local choice " + c.rules() + ": " + c.localChoice().orElseThrow());
        }
      }
    }
    out.flush();
  }
}
