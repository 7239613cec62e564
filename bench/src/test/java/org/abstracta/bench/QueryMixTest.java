package org.abstracta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntFunction;
import org.abstracta.indexer.index.IndexWriterFactory;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.indexer.text.SubjectCatalog;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryMixTest {
  @TempDir static Path dir;

  /** A letters-only word for {@code k}: aology, bology, …, baology, … */
  static String word(int k) {
    StringBuilder s = new StringBuilder();
    do {
      s.insert(0, (char) ('a' + k % 26));
      k /= 26;
    } while (k > 0);
    return s + "ology";
  }

  /** 200 papers; every title word is in exactly two titles, every author on ten papers. */
  @BeforeAll
  static void index() throws Exception {
    writePapers(
        dir,
        i -> word(i % 100) + " " + word(100 + i * 37 % 100) + " of " + word(200 + i * 11 % 100),
        i -> i % 2 == 0 ? "cs.LG" : "astro-ph.GA");
  }

  /**
   * Writes 200 papers (ids 2501.00000 on, dated 2025-01-01, abstract "About TITLE.", author "Ann "
   * + {@link #word}(i % 20)) with these titles and subject codes into a new index in {@code dir}.
   */
  static void writePapers(Path dir, IntFunction<String> title, IntFunction<String> subject)
      throws IOException {
    PaperDocuments schema = new PaperDocuments();
    try (Directory d = IndexWriterFactory.open(dir);
        IndexWriter w = IndexWriterFactory.writer(d, true)) {
      for (int i = 0; i < 200; i++) {
        w.addDocument(
            schema.toDocument(
                Paper.builder()
                    .id(String.format("2501.%05d", i))
                    .title(title.apply(i))
                    .abstractText("About " + title.apply(i) + ".")
                    .authors(List.of("Ann " + word(i % 20)))
                    .subjects(List.of(SubjectCatalog.subject(subject.apply(i))))
                    .date(LocalDate.of(2025, 1, 1))
                    .source(new Source("t.jsonl", "arxiv-json", null))
                    .build()));
      }
      w.commit();
    }
  }

  static List<BenchQuery> generate(long seed) throws Exception {
    try (Directory d = IndexWriterFactory.open(dir);
        DirectoryReader reader = DirectoryReader.open(d);
        IndexSearchService service = IndexSearchService.open(dir)) {
      return new QueryMix(reader, service, seed).generate(4);
    }
  }

  @Test
  void the_same_index_and_seed_give_the_same_queries() throws Exception {
    assertEquals(generate(6), generate(6));
  }

  @Test
  void every_kind_is_derived_from_the_corpus() throws Exception {
    List<BenchQuery> mix = generate(6);
    assertEquals(QueryMix.KINDS.size() * 4, mix.size());
    for (BenchQuery q : mix) {
      assertTrue(q.subject().equals("cs") || q.subject().equals("astro-ph"), q.toString());
      String text = q.query();
      boolean ok =
          switch (q.kind()) {
            case "one" -> text.matches("[a-z]+ology");
            case "two" -> text.matches("[a-z]+ology [a-z]+ology");
            case "three" -> text.matches("[a-z]+ology [a-z]+ology [a-z]+ology");
            case "phrase" -> text.matches("\"[a-z]+ology [a-z]+ology\"");
            case "field" -> text.matches("title:[a-z]+ology|author:\"Ann [a-z]+ology\"");
            case "prefix" -> text.matches("[a-z]+olo?\\*");
            case "fuzzy" -> text.matches("[a-z]{5,}~");
            default -> false;
          };
      assertTrue(ok, q.toString());
    }
  }
}
