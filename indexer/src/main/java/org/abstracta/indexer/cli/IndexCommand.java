package org.abstracta.indexer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.abstracta.indexer.embed.EmbedOptions;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.index.PaperStore;
import org.abstracta.indexer.index.Skip;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.PaperParser;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchStore;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code abstracta index}: reads inputs into the index, then prints what it did. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index papers from files and directories (recursively; .gz is read too).",
      "With no PATH, indexes the bundled sample corpus.",
      "Then, unless --no-vectors is given, new and changed papers get vectors (see 'abstracta"
          + " embed'): keyword search works as soon as the records are committed.",
      "Exit codes: 0 done (skipped records are listed), 1 nothing could be read, 2 bad arguments"
          + " or a path that does not exist, 3 index locked by another run, 4 I/O failure (the"
          + " index keeps its previous commit)."
    })
public final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or directories to index.")
  List<Path> paths = List.of();

  @Mixin WriterOptions writing;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "Read every file as this format instead of detecting it: author-page, daily-papers,"
              + " icalendar, arxiv-json, beir or jsonl.")
  String format;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "The reference date (YYYY-MM-DD) for dates printed without a year (default: today).")
  LocalDate asOf = LocalDate.now();

  @Option(
      names = "--rebuild",
      description = "Replace the index's contents with this run's input, atomically.")
  boolean rebuild;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description =
          "Threads that analyze and write, and that embed (default: ${DEFAULT-VALUE}, the"
              + " cores); a quarter as many, at least one, parse beside them.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin OpenSearchOptions opensearch = new OpenSearchOptions();

  @Option(
      names = "--shards",
      paramLabel = "N",
      description =
          "With --opensearch: primary shards of the index a run creates (default: ${DEFAULT-VALUE}).")
  int shards = 1;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "With --opensearch: replicas of each shard (default: ${DEFAULT-VALUE}).")
  int replicas = 1;

  @Option(
      names = "--vectors",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Embed new and changed papers after the keyword commit (the default); --no-vectors"
              + " leaves that to a later 'abstracta embed'.")
  boolean vectors = true;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PaperParser forced = null;
    if (format != null) {
      forced =
          Formats.byName(format)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "--format: unknown format '"
                              + format
                              + "' (one of: "
                              + Formats.names()
                              + ")"));
    }
    if (threads < 1)
      throw new ParameterException(spec.commandLine(), "--threads must be at least 1");
    OpenSearchTarget target = null;
    if (opensearch.enabled()) {
      if (shards < 1)
        throw new ParameterException(spec.commandLine(), "--shards must be at least 1");
      if (replicas < 0) {
        throw new ParameterException(spec.commandLine(), "--replicas must be 0 or more");
      }
      target = opensearch.target(spec);
    }
    List<Path> inputs = paths.isEmpty() ? List.of(AbstractaHome.sampleCorpus()) : paths;
    if (paths.isEmpty() && !Files.isDirectory(inputs.getFirst())) {
      err.println(
          "error: the bundled sample corpus is missing at "
              + inputs.getFirst()
              + "; name the files to index");
      return 2;
    }
    boolean showProgress = writing.showProgress();
    Path index = writing.index;
    IndexOptions options = new IndexOptions(index, forced, asOf, rebuild, threads, showProgress);
    String where = index.toString();
    String keeps = "the index keeps its previous commit";
    try {
      if (target != null) {
        // The cluster holds no vectors: the OpenSearch backend searches by keywords.
        where = target.describe();
        PaperStore store = new OpenSearchStore(OpenSearchClient.connect(target), shards, replicas);
        keeps = store.keeps();
        print(out, IndexRun.run(inputs, options, store), where);
        return 0;
      }
      print(out, IndexRun.run(inputs, options), where);
      if (!vectors) return 0;
      return EmbedCommand.run(
          EmbedOptions.defaults(index).withProgress(showProgress).withThreads(threads), out, err);
    } catch (IndexerException e) {
      err.println("error: " + e.getMessage());
      return e.exitCode();
    } catch (OutOfMemoryError e) {
      // Nothing of this run was committed: Lucene's commit is atomic. Say how to go on.
      err.println(
          "error: out of memory indexing into "
              + where
              + " ("
              + keeps
              + "); give Java more heap, e.g."
              + " ABSTRACTA_JAVA_OPTS=-Xmx2g ./abstracta index ...");
      return 4;
    }
  }

  private void print(PrintWriter out, IndexSummary s, String where) {
    out.printf(
        Locale.ROOT,
        "Indexed %d file%s into %s in %.1f s (%,.0f records/s)%n",
        s.files(),
        s.files() == 1 ? "" : "s",
        where,
        s.seconds(),
        s.rate());
    out.printf(
        Locale.ROOT,
        "  files      %,d%s%n",
        s.files(),
        s.filesSkipped() > 0 ? " (+" + s.filesSkipped() + " not read)" : "");
    out.printf(Locale.ROOT, "  read       %,d%n", s.read());
    out.printf(Locale.ROOT, "  new        %,d%n", s.created());
    out.printf(Locale.ROOT, "  updated    %,d%n", s.updated());
    out.printf(Locale.ROOT, "  unchanged  %,d%n", s.unchanged());
    out.printf(Locale.ROOT, "  skipped    %,d%n", s.skipped());
    out.printf(Locale.ROOT, "  documents  %,d in the index%n", s.documents());
    for (Skip skip : s.skips()) out.println("  skipped: " + skip);
    if (s.skipped() > s.skips().size()) {
      out.printf(Locale.ROOT, "  … and %,d more skips%n", s.skipped() - s.skips().size());
    }
    out.flush();
  }
}
