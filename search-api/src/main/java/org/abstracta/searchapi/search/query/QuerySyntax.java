package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.abstracta.searchapi.search.query.QueryLexer.Kind;
import org.abstracta.searchapi.search.query.QueryLexer.Token;
import org.abstracta.searchapi.search.query.QueryNode.Clause;
import org.abstracta.searchapi.search.query.QueryNode.Group;
import org.abstracta.searchapi.search.query.QueryNode.Phrase;
import org.abstracta.searchapi.search.query.QueryNode.Word;
import org.apache.lucene.search.BooleanClause.Occur;

/**
 * Recursive-descent parser of the query syntax into {@link QueryNode}s. Grammar, loosest first:
 *
 * <pre>
 * sequence := disjunction+              side by side: the default operator (all words, see
 *                                       UserQueryParser; ranked for a sentence)
 * disjunction := chain ( OR chain )*    any of them
 * chain    := unary ( AND unary )*      two or more: one group of required clauses
 * unary    := ( '+' | '-' | NOT )? primary
 * primary  := '(' sequence ')' | FIELD primary | PHRASE | WORD
 * </pre>
 *
 * <p>So {@code diffusion policy OR planning} is diffusion and (policy or planning), and {@code a
 * AND b OR c} is (a and b) or c.
 *
 * <p>Nothing here fails on syntax: a stray {@code )}, a lone operator or a field without a value is
 * skipped, an unclosed {@code (} closes at the end. Only the limits of {@link QueryLimits}
 * (clauses, nesting, prefixes, fuzzy words) reject a query.
 */
public final class QuerySyntax {
  /**
   * A query's tree, with the text each field clause was typed as ({@code cat:cs.LG}, {@code
   * year:2019..2023}): the words, phrases and groups a field applies to, by identity.
   */
  public record Tree(Group root, Map<QueryNode, String> typed) {}

  private final String text;
  private final List<Token> tokens;
  private final Map<QueryNode, String> typed = new IdentityHashMap<>();
  private int pos;
  private int leaves;
  private int prefixes;
  private int fuzzyWords;

  private QuerySyntax(String text) {
    this.text = text;
    this.tokens = QueryLexer.tokenize(text);
  }

  /** The query's tree; an empty group for a query without words. */
  static Group parse(String text) {
    return read(text).root();
  }

  /** The query's tree and the typed text of its field clauses. */
  public static Tree read(String text) {
    QuerySyntax p = new QuerySyntax(text);
    Group root = p.sequence(0, null);
    return new Tree(root, Collections.unmodifiableMap(p.typed));
  }

  private Group sequence(int depth, String field) {
    List<Clause> clauses = new ArrayList<>();
    while (pos < tokens.size()) {
      Kind kind = peek();
      if (kind == Kind.RPAREN) {
        pos++;
        if (depth > 0) break; // closes this group; at top level a stray ')' is skipped
        continue;
      }
      if (kind == Kind.OR || kind == Kind.AND) {
        pos++; // an operator with nothing before it is a lone operator
        continue;
      }
      Clause c = disjunction(depth, field);
      if (c != null) clauses.add(c);
    }
    return new Group(List.copyOf(clauses));
  }

  private Clause disjunction(int depth, String field) {
    List<Clause> any = new ArrayList<>();
    Clause first = chain(depth, field);
    if (first != null) any.add(first);
    while (peek() == Kind.OR) {
      pos++;
      Clause next = chain(depth, field);
      if (next != null) any.add(next);
    }
    if (any.size() <= 1) return any.isEmpty() ? null : any.getFirst();
    return new Clause(Occur.SHOULD, new Group(List.copyOf(any), true));
  }

  private Clause chain(int depth, String field) {
    Clause first = unary(depth, field);
    List<Clause> all = new ArrayList<>();
    if (first != null) all.add(first);
    while (peek() == Kind.AND) {
      pos++;
      Clause next = unary(depth, field);
      if (next != null) all.add(next);
    }
    if (all.size() <= 1) return all.isEmpty() ? null : all.getFirst();
    List<Clause> required = new ArrayList<>();
    for (Clause c : all) {
      required.add(c.occur() == Occur.SHOULD ? new Clause(Occur.MUST, c.node()) : c);
    }
    return new Clause(Occur.SHOULD, new Group(List.copyOf(required)));
  }

  private Clause unary(int depth, String field) {
    Occur occur = Occur.SHOULD;
    while (pos < tokens.size()) {
      Kind kind = peek();
      if (kind == Kind.PLUS) occur = Occur.MUST;
      else if (kind == Kind.MINUS || kind == Kind.NOT) occur = Occur.MUST_NOT;
      else break;
      pos++;
    }
    QueryNode node = primary(depth, field);
    return node == null ? null : new Clause(occur, node);
  }

  private QueryNode primary(int depth, String field) {
    if (pos >= tokens.size()) return null;
    Token t = tokens.get(pos);
    switch (t.kind()) {
      case LPAREN -> {
        pos++;
        if (depth + 1 > QueryLimits.MAX_DEPTH) {
          throw QueryLimits.tooMuch(
              "query_too_complex",
              "the query nests parentheses deeper than " + QueryLimits.MAX_DEPTH + " levels");
        }
        Group g = sequence(depth + 1, field);
        return g.clauses().isEmpty() ? null : g;
      }
      case FIELD -> {
        pos++;
        // A field applies to the next word, phrase or group; a field on a field keeps the last.
        QueryNode value = primary(depth, t.text());
        if (value != null) typed.put(value, text.substring(t.start(), tokens.get(pos - 1).end()));
        return value;
      }
      case PHRASE -> {
        pos++;
        countLeaves(t.text().strip().split("\\s+").length);
        return new Phrase(t.text(), field, Math.min(t.slop(), QueryLimits.MAX_SLOP));
      }
      case WORD -> {
        pos++;
        countLeaves(1);
        if (t.prefix() && ++prefixes > QueryLimits.MAX_PREFIX_WORDS) {
          throw QueryLimits.tooMuch(
              "query_too_complex",
              "the query has more than " + QueryLimits.MAX_PREFIX_WORDS + " prefixes (word*)");
        }
        if (t.fuzzy() != QueryLexer.NOT_FUZZY && ++fuzzyWords > QueryLimits.MAX_FUZZY_WORDS) {
          throw QueryLimits.tooMuch(
              "query_too_complex",
              "the query has more than " + QueryLimits.MAX_FUZZY_WORDS + " fuzzy words (word~)");
        }
        return new Word(t.text(), field, t.prefix(), t.fuzzy());
      }
      default -> {
        return null; // an operator where a value belongs: the caller reads it next
      }
    }
  }

  private void countLeaves(int n) {
    leaves += n;
    if (leaves > QueryLimits.MAX_CLAUSES) {
      throw QueryLimits.tooMuch(
          "too_many_clauses",
          "the query has more than " + QueryLimits.MAX_CLAUSES + " words; shorten it");
    }
  }

  private Kind peek() {
    return pos < tokens.size() ? tokens.get(pos).kind() : null;
  }
}
