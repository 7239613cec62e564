package org.abstracta.searchapi.search.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.abstracta.searchapi.search.query.QueryLexer.Kind;
import org.abstracta.searchapi.search.query.QueryNode.Clause;
import org.abstracta.searchapi.search.query.QueryNode.Group;
import org.abstracta.searchapi.search.query.QueryNode.Phrase;
import org.abstracta.searchapi.search.query.QueryNode.Word;
import org.apache.lucene.search.BooleanClause.Occur;
import org.junit.jupiter.api.Test;

/** The lenient query syntax, read into its tree without an index. */
class QuerySyntaxTest {

  static Clause should(QueryNode n) {
    return new Clause(Occur.SHOULD, n);
  }

  static Word word(String w) {
    return new Word(w, null, false, QueryLexer.NOT_FUZZY);
  }

  @Test
  void words_side_by_side_are_optional_clauses() {
    assertEquals(
        new Group(List.of(should(word("diffusion")), should(word("policy")))),
        QuerySyntax.parse("diffusion policy"));
  }

  @Test
  void a_hyphenated_word_is_one_word() {
    assertEquals(
        new Group(List.of(should(word("non-invasive")))), QuerySyntax.parse("non-invasive"));
  }

  @Test
  void a_sign_before_a_digit_is_a_number_not_an_operator() {
    assertEquals(
        new Group(List.of(should(word("+1")), should(word("nucleosomes")))),
        QuerySyntax.parse("+1 nucleosomes"));
    assertEquals(
        new Group(List.of(should(word("E2f-1,")), should(word("-2,")), should(word("-3")))),
        QuerySyntax.parse("E2f-1, -2, -3"));
    assertEquals(
        new Group(List.of(new Clause(Occur.MUST_NOT, word("x2")))), QuerySyntax.parse("-x2"));
  }

  @Test
  void unbalanced_quote_is_read_as_words() {
    assertEquals(QuerySyntax.parse("reward model"), QuerySyntax.parse("\"reward model"));
    assertEquals(QuerySyntax.parse("reward model"), QuerySyntax.parse("reward model\""));
  }

  @Test
  void a_phrase_takes_its_proximity() {
    assertEquals(
        new Group(List.of(should(new Phrase("reward model", null, 3)))),
        QuerySyntax.parse("\"reward model\"~3"));
  }

  @Test
  void and_binds_tighter_than_or() {
    Group g = QuerySyntax.parse("a AND b OR c");
    Group aAndB =
        new Group(List.of(new Clause(Occur.MUST, word("a")), new Clause(Occur.MUST, word("b"))));
    assertEquals(
        new Group(List.of(should(new Group(List.of(should(aAndB), should(word("c"))), true)))), g);
  }

  @Test
  void or_binds_tighter_than_words_side_by_side() {
    // diffusion and (policy or planning): OR joins its neighbours, not the whole query.
    assertEquals(
        new Group(
            List.of(
                should(word("diffusion")),
                should(
                    new Group(List.of(should(word("policy")), should(word("planning"))), true)))),
        QuerySyntax.parse("diffusion policy OR planning"));
  }

  @Test
  void plus_minus_and_not_set_the_occurrence() {
    assertEquals(
        new Group(
            List.of(
                new Clause(Occur.MUST, word("a")),
                new Clause(Occur.MUST_NOT, word("b")),
                new Clause(Occur.MUST_NOT, word("c")))),
        QuerySyntax.parse("+a -b NOT c"));
  }

  @Test
  void a_field_applies_to_a_word_a_phrase_or_a_group() {
    assertEquals(
        new Group(
            List.of(
                should(new Word("kay", "author", false, QueryLexer.NOT_FUZZY)),
                should(new Phrase("reward model", "title", 0)),
                should(
                    new Group(
                        List.of(
                            should(new Word("a", "abstract", false, QueryLexer.NOT_FUZZY)),
                            should(new Word("b", "abstract", false, QueryLexer.NOT_FUZZY))))))),
        QuerySyntax.parse("author:kay title:\"reward model\" abstract:(a b)"));
  }

  @Test
  void unknown_field_names_and_urls_stay_words() {
    assertEquals(
        new Group(
            List.of(should(word("https://arxiv.org/abs/2303.16212")), should(word("foo:bar")))),
        QuerySyntax.parse("https://arxiv.org/abs/2303.16212 foo:bar"));
  }

  @Test
  void prefix_and_fuzzy_marks_are_read() {
    assertEquals(
        new Group(
            List.of(
                should(new Word("reinforc", null, true, QueryLexer.NOT_FUZZY)),
                should(new Word("reinforcment", null, false, QueryLexer.AUTO_EDITS)),
                should(new Word("modle", null, false, 1)))),
        QuerySyntax.parse("reinforc* reinforcment~ modle~1"));
  }

  @Test
  void stray_parentheses_and_lone_operators_are_skipped() {
    assertEquals(QuerySyntax.parse("reward"), QuerySyntax.parse(") reward ( AND"));
    assertEquals(QuerySyntax.parse("reward"), QuerySyntax.parse("OR reward -"));
    assertEquals(new Group(List.of()), QuerySyntax.parse("AND OR NOT ( ) + -"));
  }

  @Test
  void the_lexer_keeps_operators_only_at_word_starts() {
    List<Kind> kinds =
        QueryLexer.tokenize("-a b-c +(d) title: e").stream().map(QueryLexer.Token::kind).toList();
    assertEquals(
        List.of(
            Kind.MINUS,
            Kind.WORD,
            Kind.WORD,
            Kind.PLUS,
            Kind.LPAREN,
            Kind.WORD,
            Kind.RPAREN,
            Kind.WORD),
        kinds);
  }
}
