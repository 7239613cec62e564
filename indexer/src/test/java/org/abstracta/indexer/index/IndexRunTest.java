package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.schema.Analyzers;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole indexing pipeline over the seed corpus and small fixtures, through a real index. */
class IndexRunTest {
  static final Path CORPUS = Path.of("..", "src", "corpus");
  static final Path SNAPSHOT5 = Path.of("src", "test", "resources", "arxiv", "snapshot5.jsonl");
  static final Path OVERLAP = Path.of("src", "test", "resources", "arxiv", "overlap.jsonl");
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  @TempDir Path tmp;

  private Path index() {
    return tmp.resolve("index");
  }

  private IndexSummary index(Path... paths) throws IndexerException {
    return IndexRun.run(List.of(paths), IndexOptions.defaults(index()).withAsOf(AS_OF));
  }

  private byte[] exportBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndexExport.write(index(), out);
    return out.toByteArray();
  }

  private List<Paper> export() throws IOException {
    List<Paper> papers = new ArrayList<>();
    for (String line : new String(exportBytes(), StandardCharsets.UTF_8).split("\n")) {
      if (!line.isEmpty()) papers.add(PaperJson.fromJson(line));
    }
    return papers;
  }

  private static Paper byTitle(List<Paper> papers, String title) {
    return papers.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow();
  }

  @Test
  void seed_corpus_gives_90_documents_with_the_expected_counts() throws Exception {
    IndexSummary s = index(CORPUS);
    assertEquals(5, s.files());
    assertEquals(90, s.read());
    assertEquals(90, s.created());
    assertEquals(0, s.skipped());
    assertEquals(90, s.documents());

    List<Paper> papers = export();
    assertEquals(90, papers.size());
    Map<String, Integer> subjects = new TreeMap<>();
    Map<String, Integer> files = new TreeMap<>();
    for (Paper p : papers) {
      for (Subject sub : p.subjects()) subjects.merge(sub.code(), 1, Integer::sum);
      for (Source src : p.sources()) files.merge(src.file(), 1, Integer::sum);
    }
    assertEquals(
        Map.of("cs.AI", 7, "cs.LG", 7, "cs.RO", 7, "cs.CV", 5, "cs.CY", 4, "cs.CL", 2, "cs.HC", 1),
        subjects);
    assertEquals(
        Map.of(
            "000_21cd7a5341c6c0d1.txt", 19,
            "003_a1e67528ce730cb1.txt", 14,
            "001_d84297069a174ee1.txt", 8,
            "002_412977c996442bcb.txt", 48,
            "004_eae0defd86aa440c.txt", 1),
        files);
    assertEquals(19, papers.stream().filter(p -> p.authors().contains("Jackie Kay")).count());
    assertEquals(14, papers.stream().filter(p -> p.authors().contains("Kelsey Allen")).count());
    assertEquals(1, papers.stream().filter(p -> p.type().value().equals("talk")).count());
  }

  @Test
  void reindexing_the_same_input_changes_nothing() throws Exception {
    index(CORPUS);
    byte[] before = exportBytes();
    IndexSummary again = index(CORPUS);
    assertEquals(90, again.read());
    assertEquals(0, again.created());
    assertEquals(0, again.updated());
    assertEquals(90, again.unchanged());
    assertEquals(90, again.documents());
    assertArrayEquals(before, exportBytes());
  }

  @Test
  void arxiv_records_add_to_the_sample() throws Exception {
    index(CORPUS);
    IndexSummary s = index(SNAPSHOT5);
    assertEquals(5, s.created());
    assertEquals(95, s.documents());
    Paper first =
        export().stream().filter(p -> p.id().equals("0704.0001")).findFirst().orElseThrow();
    assertEquals(
        "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies",
        first.title());
    assertEquals(
        List.of("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"), first.authors());
    assertEquals(LocalDate.of(2007, 4, 2), first.date());
    assertEquals("10.1103/physrevd.76.013009", first.doi());
    assertEquals(
        List.of(new Subject("hep-ph", "High Energy Physics - Phenomenology")), first.subjects());
  }

  @Test
  void a_later_arxiv_record_merges_into_the_author_page_paper_by_title() throws Exception {
    index(CORPUS);
    IndexSummary s = index(OVERLAP);
    assertEquals(0, s.created());
    assertEquals(1, s.updated());
    assertEquals(90, s.documents());
    assertMergedOverlap(export());
  }

  @Test
  void an_author_page_read_after_the_arxiv_record_merges_into_it() throws Exception {
    index(OVERLAP);
    IndexSummary s = index(CORPUS);
    assertEquals(89, s.created());
    assertEquals(1, s.updated());
    assertEquals(90, s.documents());
    assertMergedOverlap(export());
  }

  @Test
  void records_of_one_paper_in_the_same_run_merge() throws Exception {
    IndexSummary s = index(CORPUS, OVERLAP);
    assertEquals(91, s.read());
    assertEquals(90, s.documents());
    assertMergedOverlap(export());
  }

  private static void assertMergedOverlap(List<Paper> papers) {
    assertEquals(90, papers.size());
    Paper p = byTitle(papers, "Direct Motion Models for Assessing Generated Videos");
    assertEquals("2505.00209", p.id());
    assertEquals(
        List.of("003_a1e67528ce730cb1.txt", "overlap.jsonl"),
        p.sources().stream().map(Source::file).toList());
    assertTrue(p.authors().contains("Kelsey Allen"), p.authors().toString());
    assertFalse(p.authorsTruncated());
    assertTrue(p.hasCode());
    assertEquals("cs.CV", p.subjects().getFirst().code());
    assertEquals(1, papers.stream().filter(x -> x.title().equals(p.title())).count());
  }

  @Test
  void bad_input_is_reported_by_file_and_line_and_good_records_are_kept() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    List<String> lines = Files.readAllLines(SNAPSHOT5);
    Files.write(
        in.resolve("a-arxiv.jsonl"),
        List.of(lines.get(0), lines.get(1).substring(0, 200), "", lines.get(2)));
    Files.write(in.resolve("b-garbage.bin"), new byte[] {0, 1, 2, (byte) 0xff, 0, 42, 7});
    Files.write(in.resolve("c-empty.txt"), new byte[0]);
    Files.writeString(in.resolve("d-notes.txt"), "shopping list\n\neggs\nmilk\n");
    Files.write(in.resolve("e-invalid-utf8.jsonl"), invalidUtf8Record(lines.get(3)));

    IndexSummary s = index(in);
    assertEquals(3, s.read()); // two good arXiv lines, and the record with a bad byte
    assertEquals(2, s.files());
    assertEquals(3, s.filesSkipped());
    assertEquals(3, s.documents());
    List<String> skips = s.skips().stream().map(Skip::toString).toList();
    assertEquals(4, skips.size(), skips.toString());
    assertEquals(
        in.resolve("a-arxiv.jsonl") + ":2: truncated JSON (the line ends early)", skips.get(0));
    assertEquals(
        in.resolve("b-garbage.bin") + ": binary content, not text (unknown format)", skips.get(1));
    assertEquals(in.resolve("c-empty.txt") + ": empty file", skips.get(2));
    assertTrue(
        skips.get(3).startsWith(in.resolve("d-notes.txt") + ": unknown format"), skips.get(3));
  }

  private static byte[] invalidUtf8Record(String jsonLine) {
    byte[] good = jsonLine.getBytes(StandardCharsets.UTF_8);
    // Replace the first letter of the title with a lone continuation byte.
    int at = jsonLine.indexOf("\"title\":\"") + 9;
    good[at] = (byte) 0x80;
    return good;
  }

  @Test
  void a_path_that_does_not_exist_fails_before_touching_the_index() throws Exception {
    index(CORPUS);
    IndexerException e =
        assertThrows(IndexerException.class, () -> index(tmp.resolve("no-such-dir"), CORPUS));
    assertEquals(2, e.exitCode());
    assertEquals("no such file or directory: " + tmp.resolve("no-such-dir"), e.getMessage());
    assertEquals(90, export().size());
  }

  @Test
  void nothing_readable_exits_with_code_1_and_leaves_the_index_alone() throws Exception {
    Path junk = tmp.resolve("junk.txt");
    Files.writeString(junk, "nothing to see here\n");
    IndexerException e = assertThrows(IndexerException.class, () -> index(junk));
    assertEquals(1, e.exitCode());
    assertTrue(e.getMessage().startsWith("nothing could be read: " + junk + ": unknown format"));
  }

  @Test
  void gzipped_input_is_read() throws Exception {
    Path gz = tmp.resolve("overlap.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(OVERLAP));
    }
    IndexSummary s = index(gz);
    assertEquals(1, s.created());
    assertEquals("2505.00209", export().getFirst().id());
  }

  @Test
  void a_forced_format_overrides_detection() throws Exception {
    Path seed = CORPUS.resolve("004_eae0defd86aa440c.txt");
    IndexSummary s =
        IndexRun.run(
            List.of(seed),
            IndexOptions.defaults(index())
                .withAsOf(AS_OF)
                .withFormat(Formats.byName("arxiv-json").orElseThrow()));
    assertEquals(0, s.read());
    assertEquals(1, s.files());
    assertTrue(s.skipped() > 0);
    assertTrue(s.skips().getFirst().reason().startsWith("invalid JSON"), s.skips().toString());
  }

  @Test
  void rebuild_replaces_the_contents() throws Exception {
    index(CORPUS);
    index(SNAPSHOT5);
    assertEquals(95, export().size());
    IndexSummary s =
        IndexRun.run(
            List.of(CORPUS), IndexOptions.defaults(index()).withAsOf(AS_OF).withRebuild(true));
    assertEquals(90, s.documents());
    assertEquals(90, export().size());
  }

  @Test
  void threads_write_and_a_quarter_as_many_parse_beside_them() {
    int[][] expected = {{1, 1, 1}, {2, 1, 2}, {3, 1, 3}, {4, 1, 4}, {8, 2, 8}, {16, 4, 16}};
    for (int[] e : expected) {
      assertEquals(e[1], IndexRun.parserThreads(e[0]), "parsers of " + e[0]);
      assertEquals(e[2], IndexRun.writerThreads(e[0]), "writers of " + e[0]);
    }
  }

  @Test
  void every_thread_count_writes_the_same_papers() throws Exception {
    byte[] first = null;
    for (int threads : new int[] {1, 2, 5, 8}) {
      Path dir = tmp.resolve("threads-" + threads);
      IndexOptions options = new IndexOptions(dir, null, AS_OF, false, threads, false);
      IndexSummary s = IndexRun.run(List.of(CORPUS, OVERLAP, SNAPSHOT5), options);
      assertEquals(95, s.documents(), "threads " + threads);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      IndexExport.write(dir, out);
      if (first == null) first = out.toByteArray();
      else assertArrayEquals(first, out.toByteArray(), "threads " + threads);
    }
  }

  @Test
  void a_second_writer_is_refused_with_exit_code_3() throws Exception {
    index(CORPUS);
    try (FSDirectory dir = FSDirectory.open(index());
        IndexWriter other = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
      assertTrue(other.isOpen());
      IndexerException e = assertThrows(IndexerException.class, () -> index(OVERLAP));
      assertEquals(3, e.exitCode());
      assertTrue(e.getMessage().contains("being written by another indexing run"));
    }
  }
}
