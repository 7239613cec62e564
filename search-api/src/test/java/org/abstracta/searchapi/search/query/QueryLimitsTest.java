package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.OpenIndex;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SeedIndex;
import org.abstracta.searchapi.search.SortOrder;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits of {@link QueryLimits} at their edges, and the failures the fuzzing found, kept as
 * examples. The index: the seed corpus, plus papers full of close variants of "model" (modeaa …
 * modezz) so fuzzy words and prefixes expand as far as they may.
 */
class QueryLimitsTest {
  @TempDir static Path dir;
  static IndexSearchService service;
  static OpenIndex open;
  static DirectoryReader reader;

  @BeforeAll
  static void build() throws Exception {
    Path variants = dir.resolve("variants.jsonl");
    List<String> lines = new ArrayList<>();
    for (char a = 'a'; a <= 'z'; a++) {
      StringBuilder words = new StringBuilder();
      for (char b = 'a'; b <= 'z'; b++) words.append("mode").append(a).append(b).append(' ');
      lines.add(
          "{\"id\":\"var-"
              + a
              + "\",\"type\":\"paper\",\"title\":\""
              + words
              + "\",\"abstract\":\""
              + words
              + "\",\"authors\":[\"Modeaa Modebb\"],\"date\":\"2024-01-01\"}");
    }
    Files.write(variants, lines, StandardCharsets.UTF_8);
    SeedIndex.index(dir.resolve("index"), SeedIndex.corpus(), variants);
    open = OpenIndex.of(dir.resolve("index"));
    service = open.service();
    reader = open.reader();
  }

  @AfterAll
  static void close() throws IOException {
    open.close();
  }

  static SearchResult search(String q) {
    return service.search(
        new SearchRequest(q, Map.of(), SortOrder.RELEVANCE, 1, 10, null, null, false));
  }

  static InvalidRequestException refused(String q) {
    return assertThrows(InvalidRequestException.class, () -> search(q), q);
  }

  static int leaves(String q) throws IOException {
    Query parsed = new UserQueryParser(reader).parse(q).query();
    return QueryParserFuzzTest.leaves(new IndexSearcher(reader).rewrite(parsed));
  }

  // Found reviewing the parser for the fuzzing (2026-11-23): each group's all-words bonus held the
  // groups inside it with their own bonuses, doubling the clauses at every level of parentheses.
  // Seven levels of two words passed Lucene's 1024-clause limit: a 500
  // (IndexSearcher$TooManyNestedClauses) for a query a user could type.
  @Test
  void nested_groups_stay_under_lucenes_clause_limit() throws IOException {
    String seven = "(((((((learning model) graph) policy) reward) galaxy) vision) network)";
    assertTrue(search(seven).total() > 0);
    assertTrue(leaves(seven) <= QueryLimits.MAX_QUERY_LEAVES, "" + leaves(seven));

    StringBuilder sixteen = new StringBuilder("(".repeat(QueryLimits.MAX_DEPTH));
    for (int i = 0; i < QueryLimits.MAX_DEPTH; i++) sixteen.append("learning model) ");
    assertTrue(search(sixteen.toString()).total() > 0);
    assertTrue(leaves(sixteen.toString()) <= QueryLimits.MAX_QUERY_LEAVES);
  }

  @Test
  void a_group_still_ranks_papers_with_all_its_words_first() {
    // The bonus inside parentheses is kept while the query is small.
    List<Hit> hits = search("(reinforcement learning) robot").hits();
    assertFalse(hits.isEmpty());
    String first = (hits.getFirst().title() + " " + hits.getFirst().highlights().abstractText());
    assertTrue(first.toLowerCase(java.util.Locale.ROOT).contains("reinforcement"), first);
  }

  // Found by QueryParserFuzzTest (2026-11-23): a query holding a 400-letter word took 3.5 s — the
  // spell checker and fuzzy automata cost time in proportion to the word's length — and four fuzzy
  // words with eight prefixes took 2-4 s (each fuzzy word's automaton built again for every
  // field, for the all-words bonus, the highlighter and each facet count).
  @Test
  void long_words_and_many_fuzzy_words_and_prefixes_are_answered_quickly() {
    String longWord =
        "WJniHTlxQGpdjQuxcLuRNkOVDppMcwgFQWleuEowrnKcJOahkffXmuQmOjTJZwhNwcKGlGcAUALKJSVDEkRHzxkL"
            + "XtjYFAFPxKsrVnQlFAlgCXeXBMKdWjdLYbQcYNefRYSJhuiinVuDzwARzZtTXgdRbSQGebxYWNHbZzPtCtN"
            + "SMhMrPRBnooDbnDoRdYoklOtEpdINgjJxUXTmgwFOVJLQSAhsuwwEUcLQknyupyBagPMeeBeMPjuEktJCWio"
            + "fOZzySPdZEeVrIonJltWbzCAXEUgZwOkecyhgzetpDweXBBraKPPNIYjxrWZKMKXaVcHVUSutDeUcyMDCqu"
            + "XntkARfrWKkUpaqLDyfgrZUlCnnKaPCFEJdXKrrSxVjmLIuSjQdgKMDHYGTyBuhfjvvRNTEOARdhBesLdADAX";
    List<String> queries =
        List.of(
            "é\t^2   daBYPf~2 " + longWord + " HNXAoEDSn\tyXwjwHmYLWOdz~2  doi:",
            longWord.substring(0, 250) + "~2",
            "modexx~2 modeyy~2 modezz~2 modeqq~2 m* mo* a* b* c* d* e* f*",
            "oepxlgcn hkseqgee qvzwrtyu ".repeat(21));
    for (String q : queries) search(q); // warm up
    for (String q : queries) {
      assertTimeoutPreemptively(Duration.ofSeconds(2), () -> search(q), q);
    }
  }

  @Test
  void a_fuzzy_word_longer_than_the_limit_is_matched_as_typed() {
    String q = "x".repeat(QueryLimits.MAX_FUZZY_LENGTH + 1) + "~2";
    Query parsed = new UserQueryParser(reader).parse(q).query();
    List<Query> fuzzy = new ArrayList<>();
    parsed.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(
              org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
            return this;
          }

          @Override
          public void visitLeaf(Query query) {
            if (query instanceof FuzzyQuery) fuzzy.add(query);
          }
        });
    assertEquals(List.of(), fuzzy);
    assertEquals(0, search(q).total());
  }

  // Found checking the limits (2026-11-23): each fuzzy word expanded to 50 words per field, twice
  // (the all-words bonus); eight such words passed Lucene's clause limit, a 500
  // (TooManyNestedClauses). Now they share a budget, and at most four are taken.
  @Test
  void fuzzy_words_share_their_expansions_and_more_than_four_are_refused() throws IOException {
    // Each of these is within two edits of all 676 variants; one alone expands to 40 per field.
    String four = "modelx~2 modely~2 modelz~2 modelw~2";
    assertTrue(search(four).total() >= 26); // the variants, and the seed papers on models
    assertTrue(leaves(four) <= QueryLimits.MAX_QUERY_LEAVES, "" + leaves(four));
    assertTrue(search("modelx~2").total() >= 26);
    assertEquals("query_too_complex", refused(four + " modelv~2").code());
  }

  @Test
  void more_than_eight_prefixes_are_refused() {
    // Joined by OR: side by side (since issue 20) every prefix would be required.
    assertTrue(
        search("mo* OR mod* OR mode* OR modea* OR modeb* OR modec* OR moded* OR modee*").total()
            >= 26);
    InvalidRequestException e = refused("mo* mod* mode* modea* modeb* modec* moded* modee* modef*");
    assertEquals("q", e.parameter());
    assertEquals("query_too_complex", e.code());
  }

  @Test
  void a_filter_with_more_than_twenty_values_is_refused_naming_it() {
    List<String> subjects = new ArrayList<>();
    for (int i = 0; i <= SearchRequest.MAX_FILTER_VALUES; i++) subjects.add("cs.X" + i);
    SearchRequest r =
        new SearchRequest(
            "learning",
            Map.of("subject", subjects),
            SortOrder.RELEVANCE,
            1,
            10,
            null,
            Set.of(),
            false);
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> service.search(r));
    assertEquals("subject", e.parameter());
  }

  // A cursor was base64 of its fields: any well-formed edit (another score, another id) was
  // accepted and paged from a made-up position. Now a check refuses it.
  @Test
  void an_edited_or_garbled_cursor_is_refused_naming_cursor() {
    SearchRequest first =
        new SearchRequest("", Map.of(), SortOrder.NEWEST, 1, 5, null, Set.of(), false);
    String cursor = service.search(first).nextCursor();
    SearchRequest next =
        new SearchRequest("", Map.of(), SortOrder.NEWEST, 1, 5, cursor, Set.of(), false);
    assertEquals(5, service.search(next).hits().size());

    byte[] raw = Base64.getUrlDecoder().decode(cursor);
    raw[4] ^= 1;
    String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    List<String> bad =
        List.of(
            edited,
            cursor.substring(0, cursor.length() - 1),
            cursor + "A",
            cursor.toUpperCase(java.util.Locale.ROOT),
            "%%%",
            "MU46OTIyMzM3MjAzNjg1NDc3NTgwNzp4"); // an unchecked cursor of the old format
    for (String c : bad) {
      SearchRequest r = new SearchRequest("", Map.of(), SortOrder.NEWEST, 1, 5, c, Set.of(), false);
      InvalidRequestException e =
          assertThrows(InvalidRequestException.class, () -> service.search(r), c);
      assertEquals("cursor", e.parameter(), c);
      assertEquals("invalid_cursor", e.code());
    }
    SearchRequest otherOrder =
        new SearchRequest("", Map.of(), SortOrder.OLDEST, 1, 5, cursor, Set.of(), false);
    assertEquals(
        "cursor",
        assertThrows(InvalidRequestException.class, () -> service.search(otherOrder)).parameter());
  }

  @Test
  void did_you_mean_respells_a_few_unknown_words_only() {
    assertNull(search("oepxlgcn hkseqgee qvzwrtyu ".repeat(21)).didYouMean());
  }
}
