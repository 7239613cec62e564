package org.abstracta.searchapi.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.eval.BeirCollection.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a BEIR collection's queries and judgments, from small files written here. */
class BeirCollectionTest {
  @TempDir Path dir;

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private void writeCollection() throws IOException {
    write("corpus.jsonl", "{\"_id\": \"d1\", \"title\": \"T\", \"text\": \"x\"}\n");
    write(
        "queries.jsonl",
        """
        {"_id": "1", "text": "First claim (with parentheses).", "metadata": {}}

        {"_id": " 2 ", "text": "Second: a \\"quoted\\" claim"}
        {"_id": "3", "text": "Judged non-relevant only"}
        {"_id": "4", "text": "Not judged at all"}
        """);
    write(
        "qrels/train.tsv", "query-id\tcorpus-id\tscore\n1\td1\t1\n2\td1\t2\n2\td2\t1\n3\td1\t0\n");
  }

  @Test
  void reads_queries_in_file_order_skipping_blank_lines() throws IOException {
    writeCollection();
    BeirCollection c = BeirCollection.load(dir, null);
    assertEquals(
        List.of(
            new Query("1", "First claim (with parentheses)."),
            new Query("2", "Second: a \"quoted\" claim"),
            new Query("3", "Judged non-relevant only"),
            new Query("4", "Not judged at all")),
        c.queries());
    assertEquals(dir.resolve("corpus.jsonl"), c.corpus());
  }

  @Test
  void only_queries_with_a_relevant_judgment_are_evaluated() throws IOException {
    writeCollection();
    BeirCollection c = BeirCollection.load(dir, null);
    assertEquals(List.of("1", "2"), c.judgedQueries().stream().map(Query::id).toList());
  }

  @Test
  void qrels_tsv_with_header_gives_grades_per_query() throws IOException {
    writeCollection();
    Qrels q = BeirCollection.load(dir, null).qrels();
    assertEquals(Map.of("d1", 2, "d2", 1), q.judgments("2"));
    assertEquals(2, q.relevantCount("2"));
    assertEquals(0, q.relevantCount("3"));
    assertEquals(Map.of(), q.judgments("4"));
    assertEquals(4, q.size());
  }

  @Test
  void trec_qrels_without_header_are_read_too() throws IOException {
    write("run.qrels", "7 0 docA 1\n7 0 docB 0\n8 Q0 docC 3\n");
    Qrels q = Qrels.read(dir.resolve("run.qrels"));
    assertEquals(Map.of("docA", 1, "docB", 0), q.judgments("7"));
    assertEquals(1, q.relevantCount("7"));
    assertEquals(Map.of("docC", 3), q.judgments("8"));
  }

  @Test
  void a_bad_qrels_line_is_an_error_naming_file_and_line() throws IOException {
    write("bad.tsv", "1\td1\t1\n1\td2\tyes\n");
    IOException e = assertThrows(IOException.class, () -> Qrels.read(dir.resolve("bad.tsv")));
    assertTrue(e.getMessage().contains("bad.tsv:2"), e.getMessage());
  }

  @Test
  void test_qrels_are_preferred_to_dev_and_dev_to_train() throws IOException {
    writeCollection();
    write("qrels/dev.tsv", "query-id\tcorpus-id\tscore\n4\td1\t1\n");
    assertEquals(dir.resolve("qrels/dev.tsv"), BeirCollection.load(dir, null).qrelsFile());
    write("qrels/test.tsv", "query-id\tcorpus-id\tscore\n3\td1\t1\n");
    BeirCollection c = BeirCollection.load(dir, null);
    assertEquals(dir.resolve("qrels/test.tsv"), c.qrelsFile());
    assertEquals(List.of("3"), c.judgedQueries().stream().map(Query::id).toList());
  }

  @Test
  void a_qrels_file_given_explicitly_wins() throws IOException {
    writeCollection();
    write("mine.tsv", "4\td1\t1\n");
    BeirCollection c = BeirCollection.load(dir, dir.resolve("mine.tsv"));
    assertEquals(List.of("4"), c.judgedQueries().stream().map(Query::id).toList());
  }

  @Test
  void a_gzipped_corpus_is_found_and_missing_files_are_named() throws IOException {
    writeCollection();
    Files.move(dir.resolve("corpus.jsonl"), dir.resolve("corpus.jsonl.gz"));
    assertEquals(dir.resolve("corpus.jsonl.gz"), BeirCollection.load(dir, null).corpus());
    Files.delete(dir.resolve("corpus.jsonl.gz"));
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> BeirCollection.load(dir, null));
    assertTrue(e.getFile().endsWith("corpus.jsonl"), e.getFile());
  }

  @Test
  void a_query_line_without_text_is_an_error_naming_file_and_line() throws IOException {
    writeCollection();
    write("queries.jsonl", "{\"_id\": \"1\", \"text\": \"ok\"}\n{\"_id\": \"2\"}\n");
    IOException e = assertThrows(IOException.class, () -> BeirCollection.load(dir, null));
    assertTrue(e.getMessage().contains("queries.jsonl:2"), e.getMessage());
  }
}
