package org.abstracta.searchapi.cli;

import java.io.PrintWriter;
import org.abstracta.indexer.cli.EmbedCommand;
import org.abstracta.indexer.cli.ExportCommand;
import org.abstracta.indexer.cli.IndexCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code abstracta} command: index, embed, export, serve, search, eval. */
@Command(
    name = "abstracta",
    mixinStandardHelpOptions = true,
    version = "Abstracta 0.1.0",
    description = "Self-hosted full-text search for scientific paper abstracts.",
    subcommands = {
      IndexCommand.class,
      EmbedCommand.class,
      ExportCommand.class,
      ServeCommand.class,
      SearchCommand.class,
      EvalCommand.class
    })
public final class Main implements Runnable {
  /**
   * Lucene logs a hint when the JVM lacks its vector module (the launcher passes it; a bare {@code
   * java -jar} does not, and vector search is then slower, not wrong). Held here: the logging
   * framework keeps loggers weakly, and a collected one forgets its level.
   */
  private static final java.util.logging.Logger VECTOR_HINT =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  public static void main(String[] args) {
    VECTOR_HINT.setLevel(java.util.logging.Level.SEVERE);
    System.exit(commandLine().execute(args));
  }

  /** The configured command line: one-line errors, no stack traces for anything a user typed. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("error: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          err.println("error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
          if (System.getenv("ABSTRACTA_DEBUG") != null) ex.printStackTrace(err);
          return 4;
        });
    return cli;
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
