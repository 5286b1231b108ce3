package org.ketapath.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ketapath.server.episode.ChainVerification;
import org.ketapath.server.episode.ChainVerifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * The single executable: {@code serve} (the default) runs the server, {@code verify} checks every
 * episode's hash chain, and the CLI's commands (replay, protocols, validate, medd, report) work as
 * in ketapath-cli. Unrecognised {@code --name=value} options of serve and verify go to Spring Boot.
 */
public final class Main {
  private static volatile boolean serving;

  public static void main(String[] args) {
    int code = commandLine().execute(withDefaultCommand(args));
    if (!serving) {
      System.exit(code);
    }
  }

  /**
   * The CLI's commands (replay, protocols, validate, medd, report) plus {@code serve} and
   * {@code verify}, in one executable.
   */
  public static CommandLine commandLine() {
    CommandLine cl = org.ketapath.cli.KetaPathCli.commandLine();
    cl.addSubcommand("serve", new Serve());
    cl.addSubcommand("verify", new Verify());
    return cl;
  }

  static String[] withDefaultCommand(String[] args) {
    if (args.length == 0 || (args[0].startsWith("-") && !List.of("-h", "--help", "-V", "--version").contains(args[0]))) {
      String[] out = new String[args.length + 1];
      out[0] = "serve";
      System.arraycopy(args, 0, out, 1, args.length);
      return out;
    }
    return args;
  }

  /** Options shared by the commands that open the database. */
  static class DatabaseOptions {
    @Option(names = "--data-dir", description = "embedded PostgreSQL data directory (default ./data/pg)")
    String dataDir;

    String[] args(List<String> springArgs, String... extra) {
      List<String> out = new ArrayList<>(springArgs);
      if (dataDir != null) {
        out.add("--ketapath.db.data-dir=" + dataDir);
      }
      out.addAll(List.of(extra));
      return out.toArray(String[]::new);
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Run the server (embedded PostgreSQL unless spring.datasource.url is set)")
  static class Serve implements Callable<Integer> {
    @Option(names = "--demo", description = "seed demo users for each role and a synthetic ward")
    boolean demo;

    @Option(names = "--port", description = "HTTP port (default 8080)")
    Integer port;

    @CommandLine.Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      List<String> extra = new ArrayList<>();
      if (demo) {
        extra.add("--ketapath.demo=true");
      }
      if (port != null) {
        extra.add("--server.port=" + port);
      }
      serving = true;
      try {
        SpringApplication.run(KetaPathServer.class, db.args(springArgs, extra.toArray(String[]::new)));
      } catch (RuntimeException e) {
        serving = false;
        System.err.println("KetaPath could not start: " + rootMessage(e));
        return 1;
      }
      return 0;
    }
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Verify every episode's hash chain; exit 0 if intact, 1 naming each bad row")
  static class Verify implements Callable<Integer> {
    @CommandLine.Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public Integer call() {
      SpringApplication app = new SpringApplication(KetaPathServer.class);
      app.setWebApplicationType(WebApplicationType.NONE);
      try (ConfigurableApplicationContext ctx = app.run(db.args(springArgs, "--logging.level.root=WARN",
          "--ketapath.bootstrap.enabled=false"))) {
        ChainVerification.Report report = ctx.getBean(ChainVerification.class).verifyAll();
        for (ChainVerifier.Finding f : report.findings()) {
          System.out.println("BROKEN episode " + f.episodeId() + " event " + f.seq() + ": " + f.kind() + " - " + f.message());
        }
        System.out.println((report.intact() ? "INTACT" : "BROKEN") + ": " + report.episodes() + " episodes, "
            + report.events() + " events, " + report.findings().size() + " findings");
        return report.intact() ? 0 : 1;
      } catch (RuntimeException e) {
        System.err.println("verify could not run: " + rootMessage(e));
        return 2;
      }
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
