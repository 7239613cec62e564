package org.abstracta.indexer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.abstracta.indexer.embed.EmbedOptions;
import org.abstracta.indexer.embed.EmbedRun;
import org.abstracta.indexer.embed.EmbedSummary;
import org.abstracta.indexer.embed.LazyEmbedder;
import org.abstracta.indexer.embed.ModelInfo;
import org.abstracta.indexer.index.IndexerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code abstracta embed}: runs (or resumes) the embedding stage alone, then says what it did. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Give every paper of the index that has no vector yet one, with the embedding model that"
          + " runs inside Abstracta (nothing is downloaded).",
      "Vectors are committed in batches: keyword search works meanwhile, a running server picks"
          + " each batch up, and a run that was stopped goes on where it stopped.",
      "Papers without subjects then get subjects inferred from their nearest labelled papers.",
      "Exit codes: 0 done, 2 bad arguments or no index, 3 the index is being written by another"
          + " run, 4 I/O or model failure (the index keeps its last commit)."
    })
public final class EmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin WriterOptions writing;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description =
          "Papers per commit (default: ${DEFAULT-VALUE}); a crash loses at most one batch.")
  int batch = EmbedOptions.DEFAULT_BATCH;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Papers embedded side by side, each on one core (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    if (batch < 1) throw new ParameterException(spec.commandLine(), "--batch must be at least 1");
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    }
    boolean showProgress = writing.showProgress();
    Path index = writing.index;
    return run(
        new EmbedOptions(index, batch, threads, showProgress),
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /**
   * Runs the stage over {@code options.index()} with the bundled model (loaded only if a paper
   * needs it), prints its summary to {@code out} or one error line to {@code err}; the exit code.
   */
  public static int run(EmbedOptions options, PrintWriter out, PrintWriter err) {
    try (LazyEmbedder model = new LazyEmbedder()) {
      EmbedSummary s = EmbedRun.run(options, model);
      print(out, s, model.model());
      return 0;
    } catch (IndexerException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return e.exitCode();
    } catch (IOException e) {
      err.println("error: cannot close the embedding model: " + e.getMessage());
      err.flush();
      return 4;
    }
  }

  /** The stage's summary, as {@code embed}, {@code index} and {@code serve} print it. */
  public static void print(PrintWriter out, EmbedSummary s, ModelInfo model) {
    out.printf(
        Locale.ROOT,
        "Embedded %,d paper%s in %.1f s (%,.1f papers/s) with %s%n",
        s.embedded(),
        s.embedded() == 1 ? "" : "s",
        s.seconds(),
        s.rate(),
        model.name());
    out.printf(
        Locale.ROOT, "  vectors    %,d of %,d papers have one%n", s.withVectors(), s.documents());
    if (s.noText() > 0) {
      out.printf(Locale.ROOT, "  no text    %,d (no title or abstract: no vector)%n", s.noText());
    }
    if (s.inferred() > 0) {
      out.printf(
          Locale.ROOT, "  subjects   inferred anew for %,d papers without any%n", s.inferred());
    }
    out.flush();
  }
}
