package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.query.ParsedQuery.Unit;
import org.abstracta.searchapi.search.query.QueryNode.Clause;
import org.abstracta.searchapi.search.query.QueryNode.Group;
import org.abstracta.searchapi.search.query.QueryNode.Phrase;
import org.abstracta.searchapi.search.query.QueryNode.Word;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Maps the text a user typed to the Lucene query that answers it (SPEC "Query syntax"): {@link
 * QuerySyntax} reads the text into a tree, this class turns each node into a query with {@link
 * TextQueries} (words, phrases, prefixes, fuzzy terms) and {@link StructuredQueries} (subject,
 * year, id).
 *
 * <ul>
 *   <li>A plain word is searched as its stem in title and abstract (scored as one field, BM25F) and
 *       in authors, weighted per {@link Relevance}; a word that is an arXiv id or DOI also matches
 *       that paper's id, far above all.
 *   <li>Keywords side by side are all required: {@code diffusion policy} finds the papers with both
 *       words, ranked by BM25. {@link #parse(String, int)} relaxes that to some of them, for a
 *       query that finds nothing. Clauses joined by {@code OR} need any of them; a document with
 *       all of them gets {@link Relevance#ALL_WORDS_BONUS}, so it comes first.
 *   <li>A sentence ({@link QueryKind}: a pasted claim, question or abstract) is a ranked OR of its
 *       words: a hyphenated word matches any of its parts, and a repeated word counts once. {@link
 *       org.abstracta.searchapi.search.rank.Feedback} adds words of the top results to it.
 *   <li>{@code year:}, {@code subject:}, {@code author:}, {@code type:}, {@code source:} and {@code
 *       hasCode:} side by side with the rest are the request's filters ({@link
 *       ParsedQuery#filters()}), applied like the URL's; inside {@code OR}, {@code NOT} or
 *       parentheses they are clauses that match without scoring.
 *   <li>Quoted phrases match exact (unstemmed) terms; {@code "a b"~N} allows N moves.
 *   <li>Stop words are ignored in ranked words, except in a query of stop words only, which then
 *       matches them exactly.
 *   <li>A leading wildcard is not one: {@code *ing} is the word {@code ing}.
 *   <li>A fuzzy word longer than {@link QueryLimits#MAX_FUZZY_LENGTH} is matched as typed; the
 *       fuzzy words of a query share {@link QueryLimits#FUZZY_EXPANSION_BUDGET} expansions, its
 *       prefixes {@link QueryLimits#PREFIX_EXPANSION_BUDGET}.
 * </ul>
 *
 * <p>The text never causes a syntax error; only {@link QueryLimits} reject a query.
 */
public final class UserQueryParser {
  private static final List<String> RANKED_FIELDS =
      List.of(Fields.TITLE, Fields.ABSTRACT, Fields.AUTHORS);

  /** The limits of {@link QueryLimits} past which a query is refused, in words (for the docs). */
  public static final String LIMITS =
      String.format(
          java.util.Locale.ROOT,
          "%,d characters, %d words (phrase words count), %d levels of parentheses, %d prefixes"
              + " each spanning at most %,d words, %d fuzzy words of at most %d edits",
          QueryLimits.MAX_QUERY_LENGTH,
          QueryLimits.MAX_CLAUSES,
          QueryLimits.MAX_DEPTH,
          QueryLimits.MAX_PREFIX_WORDS,
          QueryLimits.MAX_PREFIX_SCAN,
          QueryLimits.MAX_FUZZY_WORDS,
          QueryLimits.MAX_FUZZY_EDITS);

  /** Fields that filter, as the URL's filters do, when typed side by side with the words. */
  private static final Set<String> FILTER_FIELDS =
      Set.of(
          Facets.YEAR, Facets.SUBJECT, Facets.AUTHOR, Facets.TYPE, Facets.SOURCE, Facets.HAS_CODE);

  private final TextQueries text;
  private final List<Unit> units = new ArrayList<>();
  private final List<String> words = new ArrayList<>();
  private final List<QueryFilter> filters = new ArrayList<>();
  private final Set<Query> bonuses = Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<QueryNode, String> typed = Map.of();
  private boolean keepStopWords;
  private boolean sentence;
  private boolean nestedBonuses = true;
  private int relaxTo;
  private int relaxable;
  private int fuzzyExpansions = QueryLimits.MAX_FUZZY_EXPANSIONS;
  private int prefixExpansions = QueryLimits.MAX_PREFIX_EXPANSIONS;

  public UserQueryParser(IndexReader reader) {
    this.text = new TextQueries(new PrefixExpander(reader));
  }

  /** The query for {@code userText}; throws {@link InvalidRequestException} only past a limit. */
  public ParsedQuery parse(String userText) {
    return parse(userText, 0);
  }

  /**
   * As {@link #parse(String)}, but the keywords side by side at the top ({@link
   * ParsedQuery#relaxable()} of them) need only {@code relaxTo} of them, when above 0: the query
   * for "papers with most of the words", for a query that found nothing.
   */
  public ParsedQuery parse(String userText, int relaxTo) {
    String s = userText == null ? "" : userText.strip();
    if (s.length() > QueryLimits.MAX_QUERY_LENGTH) {
      throw QueryLimits.tooMuch(
          "query_too_long",
          "the query is longer than " + QueryLimits.MAX_QUERY_LENGTH + " characters");
    }
    QuerySyntax.Tree read = QuerySyntax.read(s);
    Group tree = read.root();
    if (tree.clauses().isEmpty()) return ParsedQuery.matchAll(List.of());
    typed = read.typed();
    this.relaxTo = relaxTo;
    sentence = QueryKind.isSentence(s, rankedWords(tree));
    fuzzyExpansions =
        share(
            QueryLimits.FUZZY_EXPANSION_BUDGET,
            count(tree, w -> w.fuzzy() != QueryLexer.NOT_FUZZY),
            QueryLimits.MAX_FUZZY_EXPANSIONS);
    prefixExpansions =
        share(
            QueryLimits.PREFIX_EXPANSION_BUDGET,
            count(tree, Word::prefix),
            QueryLimits.MAX_PREFIX_EXPANSIONS);
    Query q = build(tree);
    if (q == null) {
      // Only stop words ("the who"), or nothing searchable: try the stop words as exact words.
      keepStopWords = true;
      q = build(tree);
    }
    if (q != null && clauses(q) > QueryLimits.MAX_QUERY_LEAVES) {
      // Deeply nested groups: each group's bonus repeats what it holds. Keep the outer one only.
      nestedBonuses = false;
      q = build(tree);
      if (clauses(q) > QueryLimits.MAX_QUERY_LEAVES) {
        throw QueryLimits.tooMuch(
            "query_too_complex", "the query is too complex; use fewer words or parentheses");
      }
    }
    if (q == null && !filters.isEmpty()) return ParsedQuery.matchAll(List.copyOf(filters));
    if (q == null) q = new MatchNoDocsQuery("no searchable words");
    // A sentence's repeated word is one clause (see group): explain it once too.
    List<Unit> explained = sentence ? List.copyOf(new LinkedHashSet<>(units)) : List.copyOf(units);
    return new ParsedQuery(
        q, false, explained, List.copyOf(words), sentence, List.copyOf(filters), relaxable);
  }

  private Query build(Group tree) {
    units.clear();
    words.clear();
    filters.clear();
    bonuses.clear();
    relaxable = 0;
    return group(tree, false, true);
  }

  private Query node(QueryNode n, boolean negated, boolean top) {
    return switch (n) {
      case Group g -> group(g, negated, top);
      case Word w -> word(w, negated);
      case Phrase p -> phrase(p, negated);
    };
  }

  /**
   * @param top whether this group is the query's outermost (also through groups of one clause)
   */
  private Query group(Group g, boolean negated, boolean top) {
    return ClauseGroup.build(
        g, negated, top, sentence, relaxTo, nestedBonuses, lucene, n -> relaxable = n);
  }

  /** Lucene's queries for {@link ClauseGroup}. */
  private final ClauseGroup.Builder<Query> lucene =
      new ClauseGroup.Builder<>() {
        @Override
        public Query node(QueryNode n, boolean negated, boolean top) {
          return UserQueryParser.this.node(n, negated, top);
        }

        @Override
        public boolean filter(QueryNode n) {
          return UserQueryParser.this.filter(n);
        }

        @Override
        public Query bool(
            List<Query> must,
            List<Query> should,
            List<Query> mustNot,
            boolean matchAll,
            int minimumShouldMatch,
            Query bonus) {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          for (Query q : must) b.add(q, Occur.MUST);
          for (Query q : should) b.add(q, Occur.SHOULD);
          for (Query q : mustNot) b.add(q, Occur.MUST_NOT);
          if (matchAll) b.add(MatchAllDocsQuery.INSTANCE, Occur.MUST);
          b.setMinimumNumberShouldMatch(minimumShouldMatch); // relaxed: some of the top's keywords
          if (bonus != null) b.add(bonus, Occur.SHOULD);
          return b.build();
        }

        @Override
        public Query bonus(List<Query> should) {
          // The bonus only needs to know whether every clause matches: inner groups' bonuses are
          // left out of it, else each level of parentheses would double the clauses below it.
          BooleanQuery.Builder all = new BooleanQuery.Builder();
          for (Query q : should) all.add(matchOnly(q), Occur.FILTER);
          Query bonus =
              new BoostQuery(new ConstantScoreQuery(all.build()), Relevance.ALL_WORDS_BONUS);
          bonuses.add(bonus);
          return bonus;
        }
      };

  /**
   * Takes a field clause that filters ({@code year:2023}, {@code author:"Jackie Kay"}), side by
   * side with the query's words, into {@link #filters}; false for any other clause.
   */
  private boolean filter(QueryNode n) {
    QueryFilter f = asFilter(n, typed);
    if (f == null) return false;
    filters.add(f);
    return true;
  }

  /**
   * The filter a field clause side by side with the query's words is ({@code year:2023}, {@code
   * author:"Jackie Kay"}), or null for any other clause, and for a value the field cannot take
   * ({@code year:recent}, {@code hasCode:maybe}), which stays words.
   *
   * @param typed the text each field clause was typed as ({@link QuerySyntax.Tree#typed()})
   */
  public static QueryFilter asFilter(QueryNode n, Map<QueryNode, String> typed) {
    String field;
    String value;
    switch (n) {
      case Word w when w.field() != null && !w.prefix() && w.fuzzy() == QueryLexer.NOT_FUZZY -> {
        field = w.field();
        value = w.text().strip();
      }
      case Phrase p when p.field() != null && p.slop() == 0 -> {
        field = p.field();
        value = p.text().strip();
      }
      default -> {
        return null;
      }
    }
    if (!FILTER_FIELDS.contains(field) || value.isEmpty()) return null;
    if (Facets.YEAR.equals(field) && StructuredQueries.parseYears(value) == null) return null;
    if (Facets.HAS_CODE.equals(field) && StructuredQueries.hasCode(value) == null) return null;
    String text = typed.getOrDefault(n, field + ":" + value);
    return new QueryFilter(field, value, text, n instanceof Phrase);
  }

  /** {@code q} without the all-words bonuses of its groups: the same documents match. */
  private Query matchOnly(Query q) {
    if (!(q instanceof BooleanQuery bq)) return q;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
    boolean changed = false;
    for (BooleanClause c : bq.clauses()) {
      if (bonuses.contains(c.query())) {
        changed = true;
        continue;
      }
      Query sub = matchOnly(c.query());
      changed |= sub != c.query();
      b.add(sub, c.occur());
    }
    return changed ? b.build() : q;
  }

  /** Leaf clauses of {@code q} as Lucene counts them against its clause limit. */
  static int clauses(Query q) {
    int[] n = {0};
    q.visit(
        new QueryVisitor() {
          @Override
          public QueryVisitor getSubVisitor(Occur occur, Query parent) {
            return this;
          }

          @Override
          public void visitLeaf(Query query) {
            n[0]++;
          }

          @Override
          public void consumeTerms(Query query, Term... terms) {
            n[0]++;
          }

          @Override
          public void consumeTermsMatching(
              Query query, String field, Supplier<ByteRunAutomaton> automaton) {
            n[0]++;
          }
        });
    return n[0];
  }

  /** Words of the tree that {@code is}. */
  public static int count(QueryNode n, Predicate<Word> is) {
    return switch (n) {
      case Group g -> g.clauses().stream().mapToInt(c -> count(c.node(), is)).sum();
      case Word w -> is.test(w) ? 1 : 0;
      case Phrase p -> 0;
    };
  }

  /** Expansions per word and field when {@code words} share {@code budget}, at most {@code max}. */
  public static int share(int budget, int words, int max) {
    int share = budget / Math.max(1, words * RANKED_FIELDS.size());
    return Math.max(1, Math.min(max, share));
  }

  private Query word(Word w, boolean negated) {
    String field = w.field();
    if (Fields.SUBJECT.equals(field)) {
      Query q =
          w.prefix()
              ? new ConstantScoreQuery(
                  new PrefixQuery(
                      new Term(Fields.SUBJECT, StructuredQueries.subjectCode(w.text()))))
              : StructuredQueries.subject(w.text());
      return unit(negated, "'" + w.text() + "'", Map.of(Fields.SUBJECT, q), q);
    }
    if (Fields.YEAR.equals(field)) {
      Query q = StructuredQueries.year(w.text());
      if (q != null) return unit(negated, "'" + w.text() + "'", Map.of(Fields.YEAR, q), q);
      field = null; // "year:recent" is read as a word
    }
    if (Fields.ID.equals(field)) {
      Query q = StructuredQueries.id(w.text());
      return q == null ? null : idUnit(negated, w.text(), q);
    }
    if (Facets.TYPE.equals(field) || Facets.SOURCE.equals(field) || Facets.HAS_CODE.equals(field)) {
      Query q = StructuredQueries.facetValue(field, w.text());
      if (q != null) return unit(negated, "'" + w.text() + "'", Map.of(field, q), q);
      field = null; // "hasCode:maybe" is read as a word
    }
    Map<String, Query> perField = new LinkedHashMap<>();
    boolean stopWord = TextQueries.onlyStopWords(w.text());
    if (stopWord && !keepStopWords && !w.prefix() && w.fuzzy() == QueryLexer.NOT_FUZZY) {
      return null; // "the", "of": no meaning in a ranked query
    }
    int edits = edits(w);
    for (String f : fields(field)) {
      Query q;
      if (w.prefix()) q = text.prefix(f, w.text(), prefixExpansions);
      else if (edits != QueryLexer.NOT_FUZZY) q = text.fuzzy(f, w.text(), edits, fuzzyExpansions);
      else if (stopWord) q = Fields.AUTHORS.equals(f) ? null : text.exact(f, w.text(), 0);
      else q = text.ranked(f, w.text(), sentence);
      if (q != null) perField.put(f, TextQueries.weighted(f, q));
    }
    if (field == null && StructuredQueries.looksLikeId(w.text())) {
      perField.put(Fields.ID, new BoostQuery(StructuredQueries.id(w.text()), Relevance.ID_BOOST));
    }
    if (!negated && !w.prefix() && edits == QueryLexer.NOT_FUZZY) words.add(w.text());
    String label = "'" + w.text() + (w.prefix() ? "*" : "") + (edits > 0 ? "~" : "") + "'";
    boolean plain = field == null && !w.prefix() && edits == QueryLexer.NOT_FUZZY && !stopWord;
    // A sentence scores a plain word over title and abstract as one field; keywords per field.
    Query scored = plain && sentence ? scoredAcrossFields(w.text(), perField) : null;
    return unit(negated, label, perField, scored);
  }

  /**
   * How a plain word scores: title and abstract as one field (BM25F), plus the authors and id
   * clauses of {@code perField}; null to score the per-field queries (a phrase of a split word).
   */
  private Query scoredAcrossFields(String word, Map<String, Query> perField) {
    Query titleAndAbstract = TextQueries.titleAndAbstract(word, sentence);
    if (titleAndAbstract == null) return null;
    List<Query> all = new ArrayList<>();
    all.add(titleAndAbstract);
    for (String f : List.of(Fields.AUTHORS, Fields.ID)) {
      if (perField.get(f) != null) all.add(perField.get(f));
    }
    return TextQueries.anyOf(all);
  }

  /** Plain words of the query (not stop words, fields, prefixes or fuzzy words), nested too. */
  public static int rankedWords(Group g) {
    int n = 0;
    for (Clause c : g.clauses()) {
      switch (c.node()) {
        case Group inner -> n += rankedWords(inner);
        case Word w when w.field() == null && !w.prefix() && w.fuzzy() == QueryLexer.NOT_FUZZY ->
            n += TextQueries.onlyStopWords(w.text()) ? 0 : 1;
        default -> {}
      }
    }
    return n;
  }

  private Query phrase(Phrase p, boolean negated) {
    String field = p.field();
    if (Fields.SUBJECT.equals(field)
        || Fields.YEAR.equals(field)
        || Fields.ID.equals(field)
        || Facets.TYPE.equals(field)
        || Facets.SOURCE.equals(field)
        || Facets.HAS_CODE.equals(field)) {
      return word(
          new Word(p.text(), field, false, QueryLexer.NOT_FUZZY), negated); // subject:"cs.LG"
    }
    Map<String, Query> perField = new LinkedHashMap<>();
    for (String f : fields(field)) {
      perField.put(f, TextQueries.weighted(f, text.exact(f, p.text(), p.slop())));
    }
    if (field == null && StructuredQueries.looksLikeId(p.text())) {
      perField.put(Fields.ID, new BoostQuery(StructuredQueries.id(p.text()), Relevance.ID_BOOST));
    }
    String label = "\"" + p.text().strip() + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
    return unit(negated, label, perField, null);
  }

  private Query idUnit(boolean negated, String id, Query q) {
    Query boosted = new BoostQuery(q, Relevance.ID_BOOST);
    return unit(negated, "'" + id + "'", Map.of(Fields.ID, boosted), boosted);
  }

  /** Records a positive unit for explanations; returns its query (the fields' disjunction). */
  private Query unit(boolean negated, String label, Map<String, Query> perField, Query single) {
    Map<String, Query> present = new LinkedHashMap<>();
    perField.forEach(
        (f, q) -> {
          if (q != null) present.put(f, q);
        });
    if (present.isEmpty()) return null;
    if (!negated) units.add(new Unit(label, Collections.unmodifiableMap(present)));
    if (single != null) return single;
    if (present.size() == 1) return present.values().iterator().next();
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (Query q : present.values()) b.add(q, Occur.SHOULD);
    return b.build();
  }

  /** The edits a fuzzy word allows ({@code NOT_FUZZY} for one too long to be a misspelling). */
  public static int edits(Word w) {
    if (w.fuzzy() == QueryLexer.NOT_FUZZY) return QueryLexer.NOT_FUZZY;
    if (w.text().codePointCount(0, w.text().length()) > QueryLimits.MAX_FUZZY_LENGTH) {
      return QueryLexer.NOT_FUZZY; // too long to be a misspelling: matched as typed
    }
    int edits = w.fuzzy() == QueryLexer.AUTO_EDITS ? TextQueries.autoEdits(w.text()) : w.fuzzy();
    if (edits > QueryLimits.MAX_FUZZY_EDITS) {
      throw QueryLimits.tooMuch(
          "fuzzy_too_loose",
          "'"
              + w.text()
              + "~"
              + edits
              + "' allows too many edits; at most "
              + QueryLimits.MAX_FUZZY_EDITS);
    }
    return edits;
  }

  /** The full-text fields a word searches: all, or the one it names. */
  public static List<String> fields(String field) {
    if (field == null) return RANKED_FIELDS;
    return switch (field) {
      case "title" -> List.of(Fields.TITLE);
      case "abstract" -> List.of(Fields.ABSTRACT);
      case "author" -> List.of(Fields.AUTHORS);
      default -> RANKED_FIELDS;
    };
  }
}
