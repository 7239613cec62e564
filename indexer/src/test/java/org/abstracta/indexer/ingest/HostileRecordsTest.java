package org.abstracta.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.abstracta.indexer.ingest.arxiv.ArxivJsonParser;
import org.abstracta.indexer.ingest.authorpage.AuthorPageParser;
import org.abstracta.indexer.ingest.beir.BeirParser;
import org.abstracta.indexer.ingest.jsonl.JsonlParser;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.text.LatexText;
import org.abstracta.indexer.text.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Single records built to hit the readers' weak spots: patterns that backtrack over long runs,
 * regular expressions that recurse per repetition, nesting deeper than any real input. Each comment
 * says what happened before the fix (measured on the code before it).
 */
class HostileRecordsTest {
  private static final InputFile FILE = new InputFile(Path.of("records.jsonl"));
  private static final Duration QUICK = Duration.ofSeconds(2);

  private static <T> T quickly(ThrowingSupplier<T> read) {
    return assertTimeoutPreemptively(QUICK, read);
  }

  private static Paper arxiv(String json) throws BadRecordException {
    return new ArxivJsonParser().parseLine(json, FILE, CollectingSink.CONTEXT);
  }

  // Each of these took minutes: a pattern tried at every position of a 100,000-space run rescanned
  // the rest of the run (affiliation separator, "et al.", the "Code" marker): 213 s for this page.
  @Test
  void long_white_space_runs_in_an_author_page_take_linear_time() {
    String run = " ".repeat(100_000);
    String page =
        "Kelsey Allen\n\n2 Papers\n\nLGMar 27, 2023"
            + run
            + "x\n"
            + "LGMar 27, 2023\nFirst title\n\nA"
            + run
            + "B, C\n\nAn abstract.\n\n"
            + "CVDec 19, 2024\nSecond title\n\nD, E\n\nAnother abstract.\n";
    CollectingSink sink =
        quickly(() -> CollectingSink.readText(new AuthorPageParser(), "page.txt", page));
    assertEquals(List.of("Second title"), sink.titles());
    assertEquals(List.of(new CollectingSink.Skip(6, "entry has no author line")), sink.skips);
  }

  // The authors split ",\s*|\s+and\s+" took 57 s on a 100,000-space run, the trailing-punctuation
  // strip of categories 108 s on 100,000 commas.
  @Test
  void long_runs_in_arxiv_authors_and_categories_take_linear_time() {
    Paper p =
        quickly(
            () ->
                arxiv(
                    "{\"id\":\"2101.00001\",\"title\":\"T\",\"authors\":\"Ada"
                        + " ".repeat(100_000)
                        + "Lovelace and Alan Turing\",\"categories\":\"cs.LG"
                        + ",".repeat(100_000)
                        + " x\"}"));
    assertEquals(List.of("Ada Lovelace", "Alan Turing"), p.authors());
    assertEquals("cs.LG", p.subjects().getFirst().code());
  }

  // Trimming a URL's trailing ")" searched the whole URL for "(" once per character: 8 s.
  @Test
  void a_url_with_many_closing_parentheses_takes_linear_time() {
    List<String> links =
        quickly(() -> Links.find("see http://example.org/x" + ")".repeat(100_000)));
    assertEquals(List.of("http://example.org/x"), links);
  }

  // The arXiv id pattern's repeated group "(?:-[a-z]+)*" recursed once per hyphen: a
  // StackOverflowError, which escaped the worker and failed the whole run.
  @Test
  void a_long_hyphenated_id_is_no_arxiv_id_and_no_stack_overflow() {
    assertNull(PaperId.arxiv("a" + "-a".repeat(50_000)));
    BadRecordException e =
        assertThrows(
            BadRecordException.class,
            () -> arxiv("{\"id\":\"a" + "-a".repeat(50_000) + "\",\"title\":\"T\"}"));
    assertTrue(e.getMessage().startsWith("'id' is not an arXiv id: a-a-a"), e.getMessage());
  }

  // "\cite" with 50,000 optional arguments "[]": the same recursion in the citation pattern.
  @Test
  void a_citation_with_endless_optional_arguments_is_no_stack_overflow() {
    String text = quickly(() -> LatexText.normalize("\\cite" + "[]".repeat(50_000) + "{x}"));
    assertTrue(text.startsWith("\\cite[][]"), text.substring(0, 20));
  }

  // Each nesting level cost one pass over the whole text: 4,000 nested \emph took 12 s.
  @Test
  void deeply_nested_latex_groups_take_linear_time() {
    String text =
        quickly(() -> LatexText.normalize("\\emph{".repeat(4_000) + "x" + "}".repeat(4_000)));
    assertTrue(text.endsWith("x"), text.substring(text.length() - 10));
  }

  // Jackson's nesting limit (1,000) turns 100,000 nested arrays into an error, not a stack
  // overflow; the reasons name what is wrong without Jackson's setting names.
  @Test
  void deeply_nested_json_is_a_skip_with_a_readable_reason() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    String nesting =
        "invalid JSON: Document nesting depth (1001) exceeds the maximum allowed (1000)";
    assertEquals("not a JSON object", reason(new JsonlParser(), deep));
    assertEquals(nesting, reason(new JsonlParser(), "{\"title\":\"T\",\"x\":" + deep + "}"));
    assertEquals(
        nesting,
        reason(new BeirParser(), "{\"_id\":\"1\",\"text\":\"t\",\"metadata\":" + deep + "}"));
    // Before: "field '0' has the wrong type" (the array index, not the field).
    assertEquals(
        "field 'versions' has the wrong type",
        reason(
            new ArxivJsonParser(),
            "{\"id\":\"2101.00001\",\"title\":\"T\",\"versions\":" + deep + "}"));
  }

  private static String reason(LineParser parser, String line) {
    return assertThrows(
            BadRecordException.class,
            () ->
                assertTimeoutPreemptively(
                    QUICK, () -> parser.parseLine(line, FILE, CollectingSink.CONTEXT)))
        .getMessage();
  }
}
