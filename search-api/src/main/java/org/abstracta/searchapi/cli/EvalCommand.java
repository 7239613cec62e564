package org.abstracta.searchapi.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.abstracta.indexer.cli.AbstractaHome;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.searchapi.eval.BeirCollection;
import org.abstracta.searchapi.eval.EvalReport;
import org.abstracta.searchapi.eval.EvalSession;
import org.abstracta.searchapi.eval.Evaluation.SystemResult;
import org.abstracta.searchapi.search.vector.Fusion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code abstracta eval DIR}: measures ranking quality on a BEIR-format collection — Abstracta (the
 * API's search over an index built by the real indexer) beside a plain Lucene BM25 baseline.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate ranking on a BEIR collection (corpus.jsonl[.gz], queries.jsonl, qrels/*.tsv).",
      "Prints nDCG@10, Recall@100 and MRR@10 as trec_eval computes them, for Abstracta in each"
          + " mode (keyword, semantic, hybrid, and the default chosen per query) and a plain"
          + " Lucene BM25 baseline. The corpus is indexed and embedded once, and the index reused"
          + " while the corpus file is unchanged (an interrupted embedding resumes).",
      "Exit codes: 0 done, 2 bad arguments or missing collection files, 3 the index is being"
          + " written by another run, 4 I/O failure."
    })
public final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "DIR",
      description = "the collection: corpus.jsonl[.gz], queries.jsonl, qrels/")
  Path dir;

  @Option(
      names = "--qrels",
      paramLabel = "FILE",
      description = "judgments to use (default: qrels/test.tsv, else dev.tsv, else train.tsv)")
  Path qrels;

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description =
          "where to build (or reuse) Abstracta's index of the corpus"
              + " (default: target/eval-index/<collection> under the installation)")
  Path index;

  @Option(names = "--rebuild", description = "index the corpus again even if unchanged")
  boolean rebuild;

  @Option(
      names = "--run",
      paramLabel = "FILE",
      description =
          "write Abstracta's rankings in its default mode in TREC run format (for trec_eval)")
  Path run;

  @Option(
      names = "--baseline-run",
      paramLabel = "FILE",
      description = "write the baseline's rankings in TREC run format")
  Path baselineRun;

  @Option(
      names = "--per-query",
      paramLabel = "FILE",
      description = "write each query's measures (both systems) as TSV")
  Path perQuery;

  @Option(
      names = "--baseline",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "also evaluate the BM25 baseline (default: ${DEFAULT-VALUE})")
  boolean baseline;

  @Option(
      names = "--fusion-weight",
      paramLabel = "W",
      split = ",",
      description =
          "hybrid mode's weight on the vector side, from 0 to 1; several (comma-separated) give"
              + " one hybrid row each, the first also the default mode's (default: "
              + "${DEFAULT-VALUE})")
  List<Double> fusionWeights = List.of(Fusion.Settings.DEFAULT.vectorWeight());

  @Option(
      names = "--fusion-depth",
      paramLabel = "K",
      split = ",",
      description =
          "results of each side hybrid mode fuses; several give one row per weight and depth"
              + " (default: ${DEFAULT-VALUE})")
  List<Integer> fusionDepths = List.of(Fusion.Settings.DEFAULT.depth());

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "queries run at once (default: ${DEFAULT-VALUE})")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long start = System.nanoTime();
    BeirCollection collection;
    try {
      collection = BeirCollection.load(dir, qrels);
    } catch (NoSuchFileException e) {
      err.println(
          "error: no such file: "
              + e.getFile()
              + (e.getReason() == null ? "" : " " + e.getReason()));
      return 2;
    } catch (IOException e) {
      err.println("error: cannot read the collection: " + e.getMessage());
      return 2;
    }
    Path indexDir =
        index != null
            ? index
            : AbstractaHome.dir()
                .resolve("target")
                .resolve("eval-index")
                .resolve(collection.name());
    out.printf(
        Locale.ROOT,
        "Evaluating %s: %,d of %,d queries have relevant judgments in %s (%,d judgments)%n",
        collection.name(),
        collection.judgedQueries().size(),
        collection.queries().size(),
        collection.qrelsFile(),
        collection.qrels().size());
    out.flush();
    List<Fusion.Settings> fusions = new ArrayList<>();
    try {
      for (int k : fusionDepths) {
        for (double w : fusionWeights) fusions.add(new Fusion.Settings(w, k));
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    EvalSession.Outcome outcome;
    try {
      outcome = new EvalSession(collection, indexDir, rebuild, baseline, threads, fusions).run();
    } catch (IndexerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (IOException e) {
      err.println("error: " + e.getMessage());
      return 4;
    }
    out.printf(
        Locale.ROOT,
        "Index: %s (%s, %,d with vectors%s, %.1f s)%n%n",
        indexDir,
        outcome.index().reused()
            ? "reused: built from this corpus file"
            : String.format(Locale.ROOT, "built: %,d documents", outcome.index().documents()),
        outcome.index().withVectors(),
        outcome.index().embedded() > 0
            ? String.format(Locale.ROOT, ", %,d embedded now", outcome.index().embedded())
            : "",
        outcome.index().seconds());
    List<SystemResult> systems = outcome.systems();
    EvalReport.table(out, systems);
    for (SystemResult s : systems) {
      if (s.refused() > 0) {
        out.printf(
            Locale.ROOT,
            "%s refused %d queries past its query limits (counted as finding nothing)%n",
            s.system(),
            s.refused());
      }
    }
    try {
      List<String> written = write(systems);
      if (!written.isEmpty()) out.println("Wrote " + String.join(", ", written));
    } catch (IOException e) {
      err.println("error: cannot write results: " + e.getMessage());
      return 4;
    }
    out.printf(
        Locale.ROOT,
        "%n%,d queries evaluated in %.1f s (",
        systems.getFirst().queries().size(),
        (System.nanoTime() - start) / 1e9);
    List<String> parts = new ArrayList<>();
    parts.add(String.format(Locale.ROOT, "index %.1f s", outcome.index().seconds()));
    for (SystemResult s : systems) {
      parts.add(String.format(Locale.ROOT, "%s %.1f s", s.tag(), s.seconds()));
    }
    out.println(String.join(", ", parts) + ")");
    out.flush();
    return 0;
  }

  private List<String> write(List<SystemResult> systems) throws IOException {
    List<String> written = new ArrayList<>();
    SystemResult abstracta = tagged(systems, EvalSession.DEFAULT_TAG);
    SystemResult bm25 = tagged(systems, "baseline");
    if (run != null && abstracta != null) {
      EvalReport.writeRun(run, abstracta);
      written.add("run " + run);
    }
    if (baselineRun != null && bm25 != null) {
      EvalReport.writeRun(baselineRun, bm25);
      written.add("baseline run " + baselineRun);
    }
    if (perQuery != null) {
      EvalReport.writePerQuery(perQuery, systems);
      written.add("per-query measures " + perQuery);
    }
    return written;
  }

  private static SystemResult tagged(List<SystemResult> systems, String tag) {
    return systems.stream().filter(s -> s.tag().equals(tag)).findFirst().orElse(null);
  }
}
