package org.abstracta.indexer.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * {@code abstracta index} as a program of its own, for tests that run the indexer in a separate JVM
 * (the real entry point, with the other commands, is in the search-api module).
 */
public final class IndexMain {
  /** Held: the logging framework keeps loggers only weakly, and their levels with them. */
  private static final Logger LUCENE_VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private IndexMain() {}

  public static void main(String[] args) {
    // Lucene logs a hint about the vector module, which Abstracta does not use.
    LUCENE_VECTORS.setLevel(Level.SEVERE);
    CommandLine cli = new CommandLine(new IndexCommand());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          return 2;
        });
    System.exit(cli.execute(args));
  }
}
