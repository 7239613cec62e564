package org.abstracta.indexer.fuzz;

import static org.abstracta.indexer.fuzz.Bytes.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.ingest.CollectingSink;
import org.abstracta.indexer.ingest.Formats;
import org.abstracta.indexer.ingest.InputFile;
import org.abstracta.indexer.ingest.PaperParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs on which the properties of {@link ReaderFuzzTest} and {@code IndexingFuzzTest} failed,
 * shrunk and kept as examples. Each comment says what broke before the fix.
 */
class FoundByFuzzingTest {
  @TempDir Path tmp;

  private static final String GOOD_ARXIV =
      "{\"id\":\"2101.00001\",\"title\":\"Kept\",\"categories\":\"cs.LG\",\"authors_parsed\":[]}";

  private Path write(String name, byte[] content) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("in"));
    return Files.write(dir.resolve(name), content);
  }

  private PaperParser detect(Path file) throws IOException {
    Formats.Detection d = Formats.detect(new InputFile(file));
    return assertInstanceOf(Formats.Detected.class, d, d.toString()).parser();
  }

  /** The sample author page (14 entries) with {@code line} inserted before its second entry. */
  private static byte[] pageWithLine(String line) {
    String page = new String(Corpus.sample("author-page").content(), StandardCharsets.UTF_8);
    int second = page.indexOf("CVDec 19, 2024");
    return utf8(page.substring(0, second) + line + "\n" + page.substring(second));
  }

  private CollectingSink detectAndRead(Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    CollectingSink sink = Reading.read(detect(file), content, new InputFile(file));
    Reading.assertSane(sink, content);
    return sink;
  }

  // Page readers split lines with BufferedReader, which also breaks at a lone "\r": the skip of
  // this one-line page was reported at line 3 (line formats and editors count lines at "\n").
  @Test
  void a_lone_carriage_return_is_not_a_line_break_in_pages() throws IOException {
    CollectingSink sink =
        Reading.read(
            Formats.byName("author-page").orElseThrow(),
            utf8("\r\rRODec 5,2018"),
            new InputFile(Path.of("page.txt")));
    assertEquals(List.of(new CollectingSink.Skip(1, "entry has no title")), sink.skips);
  }

  // One line with a NUL byte anywhere in the first 16 KiB made format detection call the whole
  // page "binary content": every entry was lost.
  @Test
  void a_line_with_nul_bytes_does_not_make_a_page_binary() throws IOException {
    Path file = write("page.txt", pageWithLine("\0\0\0"));
    assertEquals(14, detectAndRead(file).reads.size());
  }

  // Jackson rejects U+FEFF at the start of a line: a byte-order mark cost the first record.
  @Test
  void a_byte_order_mark_does_not_cost_the_first_json_record() throws IOException {
    Path file = write("records.jsonl", utf8("\uFEFF" + GOOD_ARXIV + "\n"));
    assertEquals(List.of("Kept"), detectAndRead(file).titles());
  }

  // Detection judged a JSON-lines file by its first line only: one junk line first, and the
  // whole file was "unknown format".
  @Test
  void a_garbage_first_line_does_not_hide_a_json_lines_file() throws IOException {
    Path file =
        write(
            "corpus.jsonl",
            utf8("0\n{\"_id\":\"doc39\",\"title\":\"Kept\",\"text\":\"t\",\"metadata\":{}}\n"));
    assertEquals("beir", detect(file).format());
    assertEquals(List.of("Kept"), detectAndRead(file).titles());
  }

  // With every record voting for each format that accepts it, the permissive jsonl test (which
  // also accepts arXiv lines) and two junk fragments outvoted the arXiv records.
  @Test
  void garbage_lines_do_not_outvote_the_records_of_a_json_lines_file() throws IOException {
    Path file =
        write(
            "records.jsonl",
            utf8(
                "{\"id\"title\"\n{\"title\"sources\"\n"
                    + GOOD_ARXIV
                    + "\n"
                    + GOOD_ARXIV.replace("00001", "00002")
                    + "\n"));
    assertEquals("arxiv-json", detect(file).format());
  }

  // One BEIR record and one valid arXiv record: a tie, which went to arxiv-json as the earlier
  // format in the detection order, and the BEIR record was lost ("no '_id'").
  @Test
  void a_tie_goes_to_the_format_of_the_first_record() throws IOException {
    Path file =
        write(
            "corpus.jsonl",
            utf8(
                "{\"_id\":\"doc66\",\"title\":\"Kept\",\"text\":\"t\",\"metadata\":{}}\n"
                    + "{\"id\":\"2109.00001\",\"title\":\"T\",\"authors_parsed\":[[null],[],null]}\n"));
    assertEquals("beir", detect(file).format());
  }

  // A JSON-looking junk line between two entries made an author page "arxiv-json".
  @Test
  void a_json_looking_line_does_not_make_a_page_json() throws IOException {
    Path file = write("page.txt", pageWithLine("{\"id\"authors_parsed\""));
    assertEquals("author-page", detect(file).format());
    assertEquals(14, detectAndRead(file).reads.size());
  }

  // A digest line of markup only ("{}") was read as a title that normalizes to nothing: a paper
  // with an empty title, and every such paper shared one id.
  @Test
  void a_digest_entry_whose_title_is_only_markup_is_skipped() throws IOException {
    String abstractText = "Long enough to be an abstract. ".repeat(12);
    CollectingSink sink =
        Reading.read(
            Formats.byName("daily-papers").orElseThrow(),
            utf8(
                "Daily Papers\n\n{}\n\n"
                    + abstractText
                    + "\n\nA real title\n\n"
                    + abstractText
                    + "\n"),
            new InputFile(Path.of("digest.txt")));
    assertEquals(List.of("A real title"), sink.titles());
    assertEquals(List.of(new CollectingSink.Skip(3, "entry has no title")), sink.skips);
  }

  // "\cite[" repeated (58 KB) in an abstract: the citation pattern scanned to the end of the text
  // from every "\cite", 3.6 s for that one text and over 10 s for the page.
  @Test
  void a_run_of_cite_commands_is_read_in_linear_time() {
    byte[] content = pageWithLine("\\cite[".repeat(10_000));
    CollectingSink sink =
        assertTimeoutPreemptively(
            Duration.ofSeconds(3),
            () ->
                Reading.read(
                    Formats.byName("author-page").orElseThrow(),
                    content,
                    new InputFile(Path.of("page.txt"))));
    assertEquals(14, sink.reads.size());
  }

  // An author name over 8,191 characters failed the facet (IllegalArgumentException "category
  // path exceeds maximum allowed path length") inside a worker: the whole run failed, exit 4.
  @Test
  void an_author_name_too_long_for_a_facet_is_a_skip_not_a_failed_run() throws Exception {
    Path file =
        write(
            "papers.jsonl",
            utf8(
                "{\"id\":\"2101.00001\",\"title\":\"Kept\"}\n"
                    + "{\"title\":\"T\",\"authors\":[\""
                    + "x".repeat(9000)
                    + "\"]}\n"));
    IndexSummary s =
        IndexRun.run(
            List.of(file),
            IndexOptions.defaults(tmp.resolve("index")).withAsOf(LocalDate.of(2026, 11, 22)));
    assertEquals(1, s.read());
    assertEquals(
        file + ":2: author name too long to index (9,000 characters, at most 1,000)",
        s.skips().getFirst().toString());
  }
}
