package org.abstracta.indexer.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options of the commands that write the index ({@code index}, {@code embed}). */
final class WriterOptions {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "The index directory (default: ${DEFAULT-VALUE}).")
  Path index = AbstractaHome.defaultIndex();

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when the terminal is interactive).")
  Boolean progress;

  /** Whether to show a progress bar: as asked, else when the terminal is interactive. */
  boolean showProgress() {
    return progress != null ? progress : System.console() != null;
  }
}
