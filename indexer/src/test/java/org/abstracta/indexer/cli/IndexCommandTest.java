package org.abstracta.indexer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code abstracta index} as a user runs it: the summary, one-line errors, exit codes. */
class IndexCommandTest {
  @TempDir Path tmp;

  record Run(int exit, String out, String err) {}

  private Run index(String... args) {
    return run(new IndexCommand(), args);
  }

  private Run embed(String... args) {
    return run(new EmbedCommand(), args);
  }

  private Run run(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          return 2;
        });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void indexing_the_seeds_prints_the_summary() {
    Run r = index("../src/corpus", "--index", tmp.resolve("i").toString(), "--as-of", "2026-11-22");
    assertEquals(0, r.exit(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).startsWith("Indexed 5 files into " + tmp.resolve("i") + " in "));
    assertEquals(
        List.of(
            "  files      5",
            "  read       90",
            "  new        90",
            "  updated    0",
            "  unchanged  0",
            "  skipped    0",
            "  documents  90 in the index"),
        lines.subList(1, 8));
    // Then the embedding stage: every paper gets a vector; those without subjects infer some.
    assertTrue(lines.get(8).startsWith("Embedded 90 papers in "), r.out());
    assertTrue(lines.get(8).endsWith(" with BAAI/bge-small-en-v1.5"), r.out());
    assertEquals("  vectors    90 of 90 papers have one", lines.get(9));
    assertEquals("  subjects   inferred anew for 51 papers without any", lines.get(10));
    assertEquals("", r.err());

    // Run alone, the stage finds nothing left to embed.
    Run again = embed("--index", tmp.resolve("i").toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.out().startsWith("Embedded 0 papers in "), again.out());
    assertTrue(again.out().contains("  vectors    90 of 90 papers have one\n"), again.out());
    assertEquals("", again.err());
  }

  @Test
  void no_vectors_leaves_the_embedding_to_a_later_run() {
    Path fixture = Path.of("src", "test", "resources", "embed", "papers.jsonl");
    Run r = index(fixture.toString(), "--index", tmp.resolve("i").toString(), "--no-vectors");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  documents  13 in the index"), r.out());
    assertFalse(r.out().contains("Embedded"), r.out());
    Run embed = embed("--index", tmp.resolve("i").toString(), "--batch", "4");
    assertEquals(0, embed.exit(), embed.err());
    assertTrue(embed.out().startsWith("Embedded 12 papers in "), embed.out());
    assertTrue(embed.out().contains("  vectors    12 of 13 papers have one\n"), embed.out());
    assertTrue(embed.out().contains("  no text    1 (no title or abstract: no vector)\n"));
  }

  @Test
  void embed_without_an_index_is_exit_code_2_and_bad_numbers_are_usage_errors() {
    Run none = embed("--index", tmp.resolve("none").toString());
    assertEquals(2, none.exit());
    assertEquals(
        "error: no index at " + tmp.resolve("none") + " (build one with 'abstracta index' first)\n",
        none.err());
    assertEquals(2, embed("--batch", "0").exit());
    assertEquals(2, embed("--threads", "0").exit());
  }

  @Test
  void skips_are_listed_with_file_and_line() throws Exception {
    Path bad = tmp.resolve("bad.jsonl");
    Files.writeString(
        bad,
        "{\"id\":\"2101.00001\",\"title\":\"A\",\"abstract\":\"x\",\"categories\":\"cs.LG\"}\n"
            + "{\"id\":\"2101.00002\",\"title\":\"B\",\"categ\n");
    Run r = index(bad.toString(), "--index", tmp.resolve("i").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("  read       1\n"), r.out());
    assertTrue(r.out().contains("  skipped    1\n"), r.out());
    assertTrue(
        r.out().contains("  skipped: " + bad + ":2: truncated JSON (the line ends early)"),
        r.out());
  }

  @Test
  void a_missing_path_is_one_line_and_exit_code_2() {
    Run r = index(tmp.resolve("nope").toString(), "--index", tmp.resolve("i").toString());
    assertEquals(2, r.exit());
    assertEquals("error: no such file or directory: " + tmp.resolve("nope") + "\n", r.err());
    assertFalse(Files.exists(tmp.resolve("i").resolve("write.lock")));
  }

  @Test
  void an_unknown_format_name_is_a_usage_error() {
    Run r = index("../src/corpus", "--format", "bibtex", "--index", tmp.resolve("i").toString());
    assertEquals(2, r.exit());
    assertTrue(
        r.err()
            .startsWith(
                "error: --format: unknown format 'bibtex' (one of: icalendar, arxiv-json, beir,"
                    + " jsonl, author-page, daily-papers)"),
        r.err());
  }

  @Test
  void a_bad_reference_date_is_a_usage_error() {
    Run r = index("../src/corpus", "--as-of", "yesterday");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--as-of"), r.err());
    assertFalse(r.err().contains("Exception\n\tat "), r.err());
  }

  @Test
  void nothing_readable_exits_with_code_1() throws Exception {
    Path junk = tmp.resolve("junk.txt");
    Files.writeString(junk, "hello\n");
    Run r = index(junk.toString(), "--index", tmp.resolve("i").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("error: nothing could be read: " + junk + ": unknown format"));
  }

  @Test
  void export_of_a_missing_index_says_so() {
    CommandLine cli = new CommandLine(new ExportCommand());
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("--index", tmp.resolve("none").toString());
    assertEquals(2, exit);
    assertEquals(
        "error: no index at " + tmp.resolve("none") + " (run `abstracta index` first)\n",
        err.toString());
  }

  /** A port nothing listens on: a cluster that is down. */
  private static String deadCluster() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return "http://127.0.0.1:" + s.getLocalPort();
    }
  }

  @Test
  void a_cluster_that_is_down_is_one_line_and_exit_code_4() throws Exception {
    String url = deadCluster();
    Run r = index("../src/corpus", "--opensearch", url, "--as-of", "2026-11-22");
    assertEquals(4, r.exit(), r.out() + r.err());
    assertEquals(
        "error: cannot write the OpenSearch index 'abstracta' at "
            + url
            + ": OpenSearch at "
            + url
            + " cannot be reached: connection refused (the alias keeps serving the previous"
            + " index)",
        r.err().strip());
  }

  @Test
  void opensearch_arguments_are_checked_before_anything_is_written() {
    Run both = index("--index", tmp.toString(), "--opensearch", "http://127.0.0.1:9200");
    assertEquals(2, both.exit());
    assertEquals(
        "error: --index and --opensearch exclude each other: choose one store", both.err().strip());
    Run url = index("--opensearch", "ftp://example");
    assertEquals(2, url.exit());
    assertTrue(url.err().contains("is not an http:// or https:// URL with a host"), url.err());
    Run name = index("--opensearch", "localhost:9200", "--opensearch-index", "Papers");
    assertEquals(2, name.exit());
    assertTrue(name.err().contains("is not an index name OpenSearch takes"), name.err());
    Run shards = index("--opensearch", "localhost:9200", "--shards", "0");
    assertEquals(2, shards.exit());
    assertFalse(Files.exists(tmp.resolve("write.lock")));
  }
}
