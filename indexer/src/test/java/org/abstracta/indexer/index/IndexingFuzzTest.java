package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.abstracta.indexer.fuzz.Corpus;
import org.abstracta.indexer.fuzz.Corpus.Expected;
import org.abstracta.indexer.fuzz.Corpus.Mixed;
import org.abstracta.indexer.fuzz.Property;
import org.abstracta.indexer.ingest.beir.BeirParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline over generated files of good records and garbage, in every format: a run never
 * fails because of what a file holds, and every good record ends up in the index with its exact id
 * and title.
 */
class IndexingFuzzTest {
  @TempDir Path tmp;

  @Test
  void garbage_never_fails_a_run_or_costs_a_good_record() {
    AtomicInteger runs = new AtomicInteger();
    Property.forAll(
            "indexing",
            20,
            r -> {
              Corpus.Sample sample = Corpus.SAMPLES.get(r.nextInt(Corpus.SAMPLES.size()));
              return Corpus.LINE_FORMATS.contains(sample.format())
                  ? Corpus.mixedLines(r, sample.format())
                  : Corpus.mixedPage(r, sample);
            })
        .shrinkWith(Mixed::shrink)
        .showWith(Mixed::show)
        .check(
            m -> {
              Path run = tmp.resolve("run" + runs.incrementAndGet());
              Path file = Files.createDirectories(run.resolve("collection")).resolve(m.fileName());
              Files.write(file, m.content());
              Path index = run.resolve("index");
              IndexSummary s =
                  IndexRun.run(
                      List.of(file),
                      IndexOptions.defaults(index).withAsOf(LocalDate.of(2026, 11, 22)));
              assertEquals(1, s.files(), s.skips().toString());
              List<Paper> papers = export(index);
              for (Expected e : m.expected()) {
                String id =
                    e.id() == null
                        ? null
                        : m.format().equals("beir")
                            ? BeirParser.collection(file) + ":" + e.id()
                            : e.id();
                assertTrue(
                    papers.stream()
                        .anyMatch(
                            p -> p.title().equals(e.title()) && (id == null || p.id().equals(id))),
                    "lost " + e + "; skips " + s.skips());
              }
            });
  }

  private static List<Paper> export(Path index) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexExport.write(index, out);
    List<Paper> papers = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) papers.add(PaperJson.fromJson(line));
    }
    return papers;
  }
}
