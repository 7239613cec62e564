package org.abstracta.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where a command appends its rows and under which run label (a picocli mixin). */
final class ResultsOptions {
  @Option(names = "--results", paramLabel = "FILE", description = "append rows (JSON lines)")
  Path file;

  @Option(names = "--run", paramLabel = "LABEL", description = "run label in the results file")
  String run = "";
}
