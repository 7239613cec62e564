package org.abstracta.indexer.cli;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/**
 * {@code abstracta index} (or, with {@code embed} first, {@code abstracta embed}) as a program of
 * its own, for tests that run the indexer in a separate JVM (the real entry point, with the other
 * commands, is in the search-api module).
 */
public final class IndexMain {
  /** Held: the logging framework keeps loggers only weakly, and their levels with them. */
  private static final Logger LUCENE_VECTORS =
      Logger.getLogger("org.apache.lucene.internal.vectorization");

  private IndexMain() {}

  public static void main(String[] args) {
    // Lucene logs a hint about its vector module, which the tests' JVMs leave out.
    LUCENE_VECTORS.setLevel(Level.SEVERE);
    boolean embed = args.length > 0 && args[0].equals("embed");
    CommandLine cli = new CommandLine(embed ? new EmbedCommand() : new IndexCommand());
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          return 2;
        });
    System.exit(cli.execute(embed ? java.util.Arrays.copyOfRange(args, 1, args.length) : args));
  }
}
