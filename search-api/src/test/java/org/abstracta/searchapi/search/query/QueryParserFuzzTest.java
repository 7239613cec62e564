package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.abstracta.indexer.fuzz.Gens;
import org.abstracta.indexer.fuzz.Property;
import org.abstracta.indexer.fuzz.Property.Gen;
import org.abstracta.searchapi.search.GeneratedPapers;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.OpenIndex;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property-based fuzzing of the query language (the indexer's {@link Property} harness: fixed
 * seeds, {@code -Dfuzz.seed} and {@code -Dfuzz.tries} to explore, shrinking): whatever the text —
 * any Unicode, or pieces of the query syntax in any order — {@link UserQueryParser} answers quickly
 * or refuses on {@code q} with a limit's code, never throws anything else, and what it builds stays
 * within {@link QueryLimits} once Lucene expands it; the whole search (facets, highlights,
 * did-you-mean) answers too. Failures it found are kept as examples in {@link QueryLimitsTest}.
 */
class QueryParserFuzzTest {
  static final Set<String> LIMIT_CODES =
      Set.of(
          "query_too_long",
          "too_many_clauses",
          "query_too_complex",
          "fuzzy_too_loose",
          "prefix_too_broad");

  @TempDir static Path dir;
  static OpenIndex open;
  static DirectoryReader reader;
  static IndexSearchService service;

  @BeforeAll
  static void buildIndex() throws Exception {
    open = OpenIndex.of(GeneratedPapers.indexWithSeedCorpus(dir, 1, 400, "", 40));
    reader = open.reader();
    service = open.service();
  }

  @AfterAll
  static void close() throws IOException {
    open.close();
  }

  @Test
  void any_text_parses_within_the_limits_or_is_refused_on_q() {
    within(2, "any text parses", 500, ANY_TEXT, QueryParserFuzzTest::parse);
  }

  @Test
  void query_syntax_in_any_order_parses_within_the_limits_or_is_refused_on_q() {
    within(2, "query syntax parses", 300, SYNTAX, QueryParserFuzzTest::parse);
  }

  @Test
  void the_whole_search_answers_any_text_or_refuses_it_on_q() {
    within(5, "whole search of any text", 100, ANY_TEXT, QueryParserFuzzTest::search);
  }

  @Test
  void the_whole_search_answers_any_query_syntax_or_refuses_it_on_q() {
    within(5, "whole search of query syntax", 100, SYNTAX, QueryParserFuzzTest::search);
  }

  /** The property that {@code check} holds for each text, and answers within {@code seconds}. */
  private static void within(
      int seconds, String name, int tries, Gen<String> gen, Property.Check<String> check) {
    Gens.forAllStrings(name, tries, gen)
        .check(
            text ->
                assertTimeoutPreemptively(
                    Duration.ofSeconds(seconds), () -> check.accept(text), () -> "slow: " + text));
  }

  private static void parse(String text) throws IOException {
    ParsedQuery parsed;
    try {
      parsed = new UserQueryParser(reader).parse(text);
    } catch (InvalidRequestException e) {
      assertRefusedOnQ(e);
      return;
    }
    // Lucene's own rewrite would throw past its clause limit; ours is lower still.
    int leaves = leaves(new IndexSearcher(reader).rewrite(parsed.query()));
    assertTrue(leaves <= QueryLimits.MAX_QUERY_LEAVES, leaves + " clauses: " + text);
  }

  private static void search(String text) {
    try {
      SearchResult r = service.search(SearchRequest.of(text));
      assertTrue(r.total() >= 0);
      assertTrue(r.hits().size() <= SearchRequest.DEFAULT_SIZE);
    } catch (InvalidRequestException e) {
      assertRefusedOnQ(e);
    }
  }

  static void assertRefusedOnQ(InvalidRequestException e) {
    assertEquals("q", e.parameter());
    assertTrue(LIMIT_CODES.contains(e.code()), e.code());
  }

  /** Leaf clauses as Lucene counts them against {@link IndexSearcher#getMaxClauseCount()}. */
  static int leaves(Query q) {
    return UserQueryParser.clauses(q);
  }

  /** Any Unicode, ASCII, or the query syntax's special characters. */
  static final Gen<String> ANY_TEXT =
      Gens.oneOf(Gens.unicode(1_200), Gens.ascii(300), Gens.from("ab*~\"()+-:\\ ^.%&=?#", 0, 200));

  /**
   * Pieces of the query syntax, words of the index, odd Unicode, very long tokens, many prefixes
   * and fuzzy words, joined with or without spaces.
   */
  static final Gen<String> SYNTAX;

  static {
    Gen<String> piece =
        Gens.oneOf(
            Gens.of(
                "\"",
                "(",
                ")",
                "+",
                "-",
                "AND",
                "OR",
                "NOT",
                "&&",
                "||",
                "*",
                "~",
                "~2",
                "~0.8",
                "~9999",
                "^",
                "^2",
                "\\",
                "\\\"",
                ":",
                "title:",
                "abstract:",
                "author:",
                "au:",
                "subject:",
                "cat:",
                "year:",
                "id:",
                "doi:",
                "arXiv:",
                "year:2019..2020",
                "year:..2020",
                "year:2020-",
                "year:0..99999",
                "2303.16212",
                "10.1103/PhysRevD.76.013009",
                "hep-ph/0701001"),
            Gens.of(
                "learning",
                "model",
                "graph",
                "policy",
                "reward",
                "the",
                "of",
                "a",
                "non-invasive",
                "Pérez",
                "cs.LG",
                "cs",
                "galaxy",
                "learning*",
                "mod*",
                "graph~",
                "policy~1"),
            Gens.of(
                "é",
                "中文",
                "😀",
                "\u200b",
                "\u202e",
                "e\u0301",
                "\u0000",
                "\uFFFD",
                "ß",
                "İ",
                "\uD800",
                "ﬁ",
                "Ⅻ",
                "٣",
                "%",
                "%2F",
                "<script>",
                "&amp;"),
            Gens.alpha(1, 12),
            Gens.alpha(200, 600),
            Gens.map(Gens.from("abc", 1, 4), s -> s + "*"),
            Gens.map(Gens.alpha(3, 60), s -> s + "~2"));
    Gen<String> separator = Gens.of(" ", " ", " ", "", "\t", "\n", "  ");
    SYNTAX = Gens.joined(r -> piece.next(r) + separator.next(r), 0, 80);
  }
}
