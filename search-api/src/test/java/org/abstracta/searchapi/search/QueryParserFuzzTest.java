package org.abstracta.searchapi.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

/**
 * Property-based fuzzing of the query language (jqwik): whatever the text — any Unicode, or pieces
 * of the query syntax in any order — {@link UserQueryParser} answers quickly or refuses on {@code
 * q} with a limit's code, never throws anything else, and what it builds stays within {@link
 * QueryLimits} once Lucene expands it; the whole search (facets, highlights, did-you-mean) answers
 * too. Failures it found are kept as examples in {@link QueryLimitsTest}.
 */
class QueryParserFuzzTest {
  static final Set<String> LIMIT_CODES =
      Set.of(
          "query_too_long",
          "too_many_clauses",
          "query_too_complex",
          "fuzzy_too_loose",
          "prefix_too_broad");

  static Path dir;
  static FSDirectory directory;
  static DirectoryReader reader;
  static IndexSearchService service;

  @BeforeContainer
  static void buildIndex() throws Exception {
    dir = TestDirs.create("abstracta-fuzz");
    Path index = GeneratedPapers.indexWithSeedCorpus(dir, 1, 400, "", 40);
    directory = FSDirectory.open(index);
    reader = DirectoryReader.open(directory);
    service = IndexSearchService.open(index);
  }

  @AfterContainer
  static void close() throws IOException {
    service.close();
    reader.close();
    directory.close();
    TestDirs.delete(dir);
  }

  @Property(tries = 500)
  void any_text_parses_within_the_limits_or_is_refused_on_q(@ForAll("anyText") String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(text), () -> "slow: " + text);
  }

  @Property(tries = 300)
  void query_syntax_in_any_order_parses_within_the_limits_or_is_refused_on_q(
      @ForAll("syntax") String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(text), () -> "slow: " + text);
  }

  @Property(tries = 100)
  void the_whole_search_answers_any_text_or_refuses_it_on_q(@ForAll("anyText") String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> search(text), () -> "slow: " + text);
  }

  @Property(tries = 100)
  void the_whole_search_answers_any_query_syntax_or_refuses_it_on_q(@ForAll("syntax") String text) {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> search(text), () -> "slow: " + text);
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

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(1_200),
        Arbitraries.strings().ascii().ofMaxLength(300),
        Arbitraries.strings().withChars("ab*~\"()+-:\\ ^.%&=?#").ofMaxLength(200));
  }

  /**
   * Pieces of the query syntax, words of the index, odd Unicode, very long tokens, many prefixes
   * and fuzzy words, joined with or without spaces.
   */
  @Provide
  Arbitrary<String> syntax() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.of(
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
            Arbitraries.of(
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
            Arbitraries.of(
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
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().alpha().ofMinLength(200).ofMaxLength(600),
            Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(4).map(s -> s + "*"),
            Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(60).map(s -> s + "~2"));
    Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", "", "\t", "\n", "  ");
    return Combinators.combine(piece, separator)
        .as((p, s) -> p + s)
        .list()
        .ofMaxSize(80)
        .map(parts -> String.join("", parts));
  }
}
