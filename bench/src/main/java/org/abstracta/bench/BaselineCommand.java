package org.abstracta.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.indexer.ingest.BadRecordException;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.ParseContext;
import org.abstracta.indexer.ingest.arxiv.ArxivJsonParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.PaperDocuments;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The bare-Lucene indexing baseline: the same papers, read by the project's arXiv reader and turned
 * into documents by the project's schema before the clock starts, then written by one thread with a
 * plain {@link IndexWriter} configured by {@link IndexWriterFactory} ({@code addDocument} each, one
 * {@code commit}). What Abstracta's indexer adds on top (reading, parsing, LaTeX, merging by id and
 * title, the progress and summary) is the difference to {@code abstracta index}.
 */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Bare-Lucene indexing baseline over arXiv-json input (timed: writing only).")
final class BaselineCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "arXiv-json files (.gz too)")
  List<Path> files;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "fresh index dir")
  Path index;

  @Option(
      names = "--indexer-heap-mb",
      paramLabel = "MB",
      description =
          "the heap of the indexer run beside it: the baseline's RAM buffer is the indexer's for"
              + " that heap (default: ${DEFAULT-VALUE}, -Xmx1g)")
  long indexerHeapMb = 1024;

  @Mixin ResultsOptions results;

  @Override
  public Integer call() throws IOException {
    int ramBufferMb = IndexWriterFactory.ramBufferMb(indexerHeapMb * 1024 * 1024);
    System.out.printf(
        "baseline: files %s, index %s, RAM buffer %d MB%n", files, index, ramBufferMb);
    ArxivJsonParser parser = new ArxivJsonParser();
    ParseContext context = new ParseContext(LocalDate.now());
    PaperDocuments schema = new PaperDocuments();
    List<Document> docs = new ArrayList<>();
    int skipped = 0;
    long readStart = System.nanoTime();
    for (Path f : files) {
      InputFile input = new InputFile(f);
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          try {
            Paper p = parser.parseLine(line, input, context);
            if (p != null) docs.add(schema.toDocument(p));
          } catch (BadRecordException e) {
            skipped++;
          }
        }
      }
    }
    double readSeconds = (System.nanoTime() - readStart) / 1e9;
    System.out.printf(
        "read and converted %,d documents (%,d skipped) in %.1f s (untimed)%n",
        docs.size(), skipped, readSeconds);
    System.gc();

    long start = System.nanoTime();
    try (Directory dir = IndexWriterFactory.open(index);
        IndexWriter writer = IndexWriterFactory.writer(dir, true)) {
      // The indexer's buffer for its heap, not for this JVM's larger one (it holds every document).
      writer.getConfig().setRAMBufferSizeMB(ramBufferMb);
      for (Document d : docs) writer.addDocument(d);
      writer.commit();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long bytes = directorySize(index);

    Results table = new Results("indexing-baseline", results.run);
    Map<String, Object> row = table.row();
    row.put("engine", "bare Lucene (1 thread)");
    row.put("docs", docs.size());
    row.put("seconds", seconds);
    row.put("docsPerSec", docs.size() / seconds);
    row.put("indexMB", bytes / 1e6);
    row.put("ramBufferMB", ramBufferMb);
    table.print(System.out);
    table.append(results.file);
    return 0;
  }

  static long directorySize(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    }
  }
}
