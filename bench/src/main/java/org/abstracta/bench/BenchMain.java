package org.abstracta.bench;

import org.abstracta.searchapi.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code abstracta-bench}: the Java half of the benchmark suite in {@code src/bench/}. Each
 * subcommand prints a table and appends its figures, one JSON object per row, to a results file.
 */
@Command(
    name = "abstracta-bench",
    mixinStandardHelpOptions = true,
    description = "Benchmark tools for Abstracta (run through the scripts in src/bench/).",
    subcommands = {
      BaselineCommand.class,
      QueriesCommand.class,
      InProcessCommand.class,
      MultiplyCommand.class,
      ModelsCommand.class,
      VectorsCommand.class,
      BareLuceneCommand.class
    })
public final class BenchMain implements Runnable {

  public static void main(String[] args) {
    java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization")
        .setLevel(java.util.logging.Level.SEVERE);
    CommandLine cli = Main.commandLine();
    // The same one-line error handling as the product's CLI, on this command tree.
    CommandLine bench = new CommandLine(new BenchMain());
    bench.setParameterExceptionHandler(cli.getParameterExceptionHandler());
    bench.setExecutionExceptionHandler(cli.getExecutionExceptionHandler());
    System.exit(bench.execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }
}
