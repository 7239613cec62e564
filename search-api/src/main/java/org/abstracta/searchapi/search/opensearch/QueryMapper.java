package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.query.ClauseGroup;
import org.abstracta.searchapi.search.query.QueryKind;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.QueryNode;
import org.abstracta.searchapi.search.query.QueryNode.Group;
import org.abstracta.searchapi.search.query.QueryNode.Phrase;
import org.abstracta.searchapi.search.query.QueryNode.Word;
import org.abstracta.searchapi.search.query.QuerySyntax;
import org.abstracta.searchapi.search.query.Relevance;
import org.abstracta.searchapi.search.query.StructuredQueries;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.query.TextAnalysis.Tok;
import org.abstracta.searchapi.search.query.TextQueries;
import org.abstracta.searchapi.search.query.UserQueryParser;

/**
 * The query language translated to OpenSearch's Query DSL: the one place that does it. It reads the
 * text with the embedded engine's own parser ({@link QuerySyntax}, {@link QueryKind}) and builds,
 * node for node, the DSL form of the Lucene query {@link UserQueryParser} builds — the same
 * clauses, weights and bonuses, on fields that hold the same terms ({@link OpenSearchSchema}):
 *
 * <ul>
 *   <li>a ranked word: {@code term} on its stem per field (a split word: {@code match_phrase} of
 *       its stems), weighted per {@link Relevance}; in a sentence title and abstract as one field,
 *       {@code combined_fields} (BM25F, Lucene's {@code CombinedFieldQuery});
 *   <li>a quoted phrase: {@code match_phrase} with the analyzer of exact words, {@code slop} for
 *       {@code ~N};
 *   <li>a prefix: {@code prefix} on exact words, at most the same number of expansions; a fuzzy
 *       word: {@code fuzzy} on exact words, the same edits and expansions (Lucene's rewrite of both
 *       engines);
 *   <li>ids, subjects, years, types, sources, {@code hasCode}: {@code terms}, {@code range}, {@code
 *       term} on keywords, scored as constants.
 * </ul>
 *
 * Words are analyzed here with the index's analyzers ({@link TextAnalysis}); phrases are sent as
 * text with the analyzer OpenSearch must read them with. A prefix that no word of a field starts is
 * left out of that field, as the embedded engine leaves it out ({@code prefixes}, asked of the
 * cluster).
 */
public final class QueryMapper {
  private static final Map<String, String> FIELD =
      Map.of(
          Fields.TITLE, OpenSearchSchema.TITLE,
          Fields.ABSTRACT, OpenSearchSchema.ABSTRACT,
          Fields.AUTHORS, OpenSearchSchema.AUTHORS);

  /** BM25F over title and abstract, with the embedded engine's field weights. */
  static final List<String> TITLE_AND_ABSTRACT =
      List.of(
          OpenSearchSchema.TITLE + "^" + Relevance.TITLE,
          OpenSearchSchema.ABSTRACT + "^" + Relevance.ABSTRACT);

  /**
   * A query ready to run.
   *
   * @param query the DSL query (the query's filters not included)
   * @param matchAll the text had no words
   * @param words the plain words a respelling may replace
   * @param sentence a ranked OR of its words ({@link QueryKind})
   * @param filters field clauses that filter like the URL's
   * @param relaxable keywords side by side that {@link #map(String, int)} can relax
   * @param terms per Lucene field name ({@code title}, {@code abstract}), the index terms the query
   *     matches, for highlighting
   * @param loose the prefixes and fuzzy words the query matches in title or abstract, whose
   *     expansions OpenSearch does not tell: highlighting finds them in each hit's text
   * @param units each positive word or phrase with its per-field queries, for explanations
   */
  public record Mapped(
      ObjectNode query,
      boolean matchAll,
      List<String> words,
      boolean sentence,
      List<QueryFilter> filters,
      int relaxable,
      Map<String, Set<String>> terms,
      List<Loose> loose,
      List<Unit> units) {}

  /**
   * One word or phrase of the query, as the embedded engine's {@code ParsedQuery.Unit}.
   *
   * @param label how the explanation names it
   * @param perField Lucene field name to the query that matches it there
   */
  public record Unit(String label, Map<String, ObjectNode> perField) {}

  /**
   * A prefix or fuzzy word, normalized (lower case, folded).
   *
   * @param edits the edits a fuzzy word allows; -1 for a prefix
   */
  public record Loose(String word, int edits) {
    boolean prefix() {
      return edits < 0;
    }
  }

  /** Whether a word of an OpenSearch field starts with a prefix (as exact term). */
  private final BiPredicate<String, String> prefixes;

  private final List<String> words = new ArrayList<>();
  private final List<QueryFilter> filters = new ArrayList<>();
  private final Map<String, Set<String>> terms = new HashMap<>();
  private final List<Loose> loose = new ArrayList<>();
  private final List<Unit> units = new ArrayList<>();
  private final Set<JsonNode> bonuses = Collections.newSetFromMap(new IdentityHashMap<>());
  private Map<QueryNode, String> typed = Map.of();
  private boolean keepStopWords;
  private boolean sentence;
  private boolean nestedBonuses = true;
  private int relaxTo;
  private int relaxable;
  private int fuzzyExpansions = QueryLimits.MAX_FUZZY_EXPANSIONS;
  private int prefixExpansions = QueryLimits.MAX_PREFIX_EXPANSIONS;

  /**
   * @param prefixes whether any word of the OpenSearch field (first argument) starts with the exact
   *     term (second)
   */
  public QueryMapper(BiPredicate<String, String> prefixes) {
    this.prefixes = prefixes;
  }

  public Mapped map(String userText) {
    return map(userText, 0);
  }

  /** As {@link UserQueryParser#parse(String, int)}: with {@code relaxTo} above 0, some keywords. */
  public Mapped map(String userText, int relaxTo) {
    String s = userText == null ? "" : userText.strip();
    if (s.length() > QueryLimits.MAX_QUERY_LENGTH) {
      throw QueryLimits.tooMuch(
          "query_too_long",
          "the query is longer than " + QueryLimits.MAX_QUERY_LENGTH + " characters");
    }
    QuerySyntax.Tree read = QuerySyntax.read(s);
    Group tree = read.root();
    if (tree.clauses().isEmpty()) return matchAll(List.of());
    typed = read.typed();
    this.relaxTo = relaxTo;
    sentence = QueryKind.isSentence(s, UserQueryParser.rankedWords(tree));
    fuzzyExpansions =
        UserQueryParser.share(
            QueryLimits.FUZZY_EXPANSION_BUDGET,
            UserQueryParser.count(tree, Word::isFuzzy),
            QueryLimits.MAX_FUZZY_EXPANSIONS);
    prefixExpansions =
        UserQueryParser.share(
            QueryLimits.PREFIX_EXPANSION_BUDGET,
            UserQueryParser.count(tree, Word::prefix),
            QueryLimits.MAX_PREFIX_EXPANSIONS);
    ObjectNode q = build(tree);
    if (q == null) {
      keepStopWords = true; // only stop words ("the who"): try them as exact words
      q = build(tree);
    }
    if (q != null && leaves(q) > QueryLimits.MAX_QUERY_LEAVES) {
      nestedBonuses = false;
      q = build(tree);
      if (leaves(q) > QueryLimits.MAX_QUERY_LEAVES) {
        throw QueryLimits.tooMuch(
            "query_too_complex", "the query is too complex; use fewer words or parentheses");
      }
    }
    if (q == null && !filters.isEmpty()) return matchAll(List.copyOf(filters));
    if (q == null) q = Dsl.matchNone();
    return new Mapped(
        q,
        false,
        List.copyOf(words),
        sentence,
        List.copyOf(filters),
        relaxable,
        Map.copyOf(terms),
        List.copyOf(loose),
        sentence ? List.copyOf(new java.util.LinkedHashSet<>(units)) : List.copyOf(units));
  }

  private static Mapped matchAll(List<QueryFilter> filters) {
    return new Mapped(
        Dsl.matchAll(), true, List.of(), false, filters, 0, Map.of(), List.of(), List.of());
  }

  private ObjectNode build(Group tree) {
    words.clear();
    filters.clear();
    bonuses.clear();
    terms.clear();
    loose.clear();
    units.clear();
    relaxable = 0;
    return group(tree, false, true);
  }

  private ObjectNode node(QueryNode n, boolean negated, boolean top) {
    return switch (n) {
      case Group g -> group(g, negated, top);
      case Word w -> word(w, negated);
      case Phrase p -> phrase(p, negated);
    };
  }

  private ObjectNode group(Group g, boolean negated, boolean top) {
    return ClauseGroup.build(
        g, negated, top, sentence, relaxTo, nestedBonuses, dsl, n -> relaxable = n);
  }

  /** The DSL's queries for {@link ClauseGroup}, as {@link UserQueryParser} builds Lucene's. */
  private final ClauseGroup.Builder<ObjectNode> dsl =
      new ClauseGroup.Builder<>() {
        @Override
        public ObjectNode node(QueryNode n, boolean negated, boolean top) {
          return QueryMapper.this.node(n, negated, top);
        }

        @Override
        public boolean filter(QueryNode n) {
          QueryFilter f = UserQueryParser.asFilter(n, typed);
          if (f != null) filters.add(f);
          return f != null;
        }

        @Override
        public ObjectNode bool(
            List<ObjectNode> must,
            List<ObjectNode> should,
            List<ObjectNode> mustNot,
            boolean matchAll,
            int minimumShouldMatch,
            ObjectNode bonus) {
          Dsl.Bool b = new Dsl.Bool();
          b.must.addAll(must);
          b.should.addAll(should);
          b.mustNot.addAll(mustNot);
          if (matchAll) b.must.add(Dsl.matchAll());
          b.minimumShouldMatch = minimumShouldMatch;
          if (bonus != null) b.should.add(bonus);
          return b.build();
        }

        @Override
        public ObjectNode bonus(List<ObjectNode> should) {
          Dsl.Bool all = new Dsl.Bool();
          for (ObjectNode q : should) all.filter.add(matchOnly(q));
          ObjectNode bonus = Dsl.boost(Dsl.constant(all.build()), Relevance.ALL_WORDS_BONUS);
          bonuses.add(bonus);
          return bonus;
        }
      };

  /** {@code q} without the all-words bonuses of its groups: the same documents match. */
  private ObjectNode matchOnly(ObjectNode q) {
    JsonNode bool = q.get("bool");
    if (bool == null) return q;
    ObjectNode copy = Dsl.JSON.objectNode();
    ObjectNode b = copy.putObject("bool");
    boolean changed = false;
    for (Map.Entry<String, JsonNode> e : bool.properties()) {
      if (!e.getValue().isArray()) {
        b.set(e.getKey(), e.getValue());
        continue;
      }
      ArrayNode clauses = b.putArray(e.getKey());
      for (JsonNode c : e.getValue()) {
        if (bonuses.contains(c)) {
          changed = true;
          continue;
        }
        ObjectNode sub = matchOnly((ObjectNode) c);
        changed |= sub != c;
        clauses.add(sub);
      }
      if (clauses.isEmpty()) b.remove(e.getKey());
    }
    return changed ? copy : q;
  }

  /** Leaf clauses, counted as Lucene counts them (a fuzzy word: its expansions at most). */
  private int leaves(JsonNode q) {
    if (q == null) return 0;
    int n = 0;
    for (Map.Entry<String, JsonNode> e : q.properties()) {
      switch (e.getKey()) {
        case "bool" -> {
          for (JsonNode occur : e.getValue()) {
            if (occur.isArray()) for (JsonNode c : occur) n += leaves(c);
          }
        }
        case "constant_score" -> n += leaves(e.getValue().get("filter"));
        case "fuzzy" -> n += fuzzyExpansions;
        case "match_phrase" -> n += 1;
        case "combined_fields" -> n += 2;
        default -> n += 1;
      }
    }
    return n;
  }

  private ObjectNode word(Word w, boolean negated) {
    String field = w.field();
    if (Fields.SUBJECT.equals(field)) {
      String code = StructuredQueries.subjectCode(w.text());
      ObjectNode q =
          Dsl.constant(
              w.prefix()
                  ? Dsl.prefix(OpenSearchSchema.SUBJECT, code, 0)
                  : Dsl.term(OpenSearchSchema.SUBJECT, code));
      return unit(negated, quoted(w.text()), Map.of(Fields.SUBJECT, q), q);
    }
    if (Fields.YEAR.equals(field)) {
      StructuredQueries.YearRange r = StructuredQueries.parseYears(w.text());
      if (r != null) {
        ObjectNode q = Dsl.constant(years(r));
        return unit(negated, quoted(w.text()), Map.of(Fields.YEAR, q), q);
      }
      field = null; // "year:recent" is read as a word
    }
    if (Fields.ID.equals(field)) {
      ObjectNode q = id(w.text());
      return q == null ? null : unit(negated, quoted(w.text()), Map.of(Fields.ID, q), q);
    }
    if (Facets.TYPE.equals(field) || Facets.SOURCE.equals(field) || Facets.HAS_CODE.equals(field)) {
      String value = OpenSearchFilters.facetValue(field, w.text());
      if (value != null) {
        ObjectNode q = Dsl.constant(Dsl.term(OpenSearchSchema.facetField(field), value));
        return unit(negated, quoted(w.text()), Map.of(field, q), q);
      }
      field = null; // "hasCode:maybe" is read as a word
    }
    Map<String, ObjectNode> perField = new LinkedHashMap<>();
    boolean stopWord = TextQueries.onlyStopWords(w.text());
    if (stopWord && !keepStopWords && !w.prefix() && !w.isFuzzy()) return null;
    int edits = UserQueryParser.edits(w);
    boolean fuzzy = edits != Word.NOT_FUZZY;
    for (String f : UserQueryParser.fields(field)) {
      ObjectNode q;
      if (w.prefix()) q = prefix(f, w.text());
      else if (fuzzy) q = fuzzy(f, w.text(), edits);
      else if (stopWord) q = Fields.AUTHORS.equals(f) ? null : exact(f, w.text(), 0, !negated);
      else q = ranked(f, w.text(), sentence, !negated);
      if (q != null) perField.put(f, Dsl.boost(q, Relevance.weight(f)));
    }
    if (field == null && StructuredQueries.looksLikeId(w.text())) {
      perField.put(Fields.ID, id(w.text()));
    }
    if (!negated && !w.prefix() && !fuzzy) words.add(w.text());
    if (!negated && (w.prefix() || fuzzy) && (field == null || TextAnalysis.isText(field))) {
      String normalized = TextAnalysis.normalize(Fields.TITLE, w.text());
      if (!normalized.isEmpty()) loose.add(new Loose(normalized, w.prefix() ? -1 : edits));
    }
    boolean plain = field == null && !w.prefix() && !fuzzy && !stopWord;
    ObjectNode scored = plain && sentence ? scoredAcrossFields(w.text(), perField) : null;
    String label = "'" + w.text() + (w.prefix() ? "*" : "") + (edits > 0 ? "~" : "") + "'";
    return unit(negated, label, perField, scored);
  }

  private ObjectNode scoredAcrossFields(String word, Map<String, ObjectNode> perField) {
    List<Tok> toks = TextAnalysis.rankedTerms(Fields.TITLE, word);
    if (toks.isEmpty() || (toks.size() > 1 && !sentence)) return null;
    List<ObjectNode> all = new ArrayList<>();
    all.add(Dsl.combinedFields(word, TITLE_AND_ABSTRACT));
    for (String f : List.of(Fields.AUTHORS, Fields.ID)) {
      if (perField.get(f) != null) all.add(perField.get(f));
    }
    return Dsl.anyOf(all);
  }

  private ObjectNode phrase(Phrase p, boolean negated) {
    String field = p.field();
    if (Fields.SUBJECT.equals(field)
        || Fields.YEAR.equals(field)
        || Fields.ID.equals(field)
        || Facets.TYPE.equals(field)
        || Facets.SOURCE.equals(field)
        || Facets.HAS_CODE.equals(field)) {
      return word(Word.plain(p.text(), field), negated);
    }
    Map<String, ObjectNode> perField = new LinkedHashMap<>();
    for (String f : UserQueryParser.fields(field)) {
      ObjectNode q = exact(f, p.text(), p.slop(), !negated);
      if (q != null) perField.put(f, Dsl.boost(q, Relevance.weight(f)));
    }
    if (field == null && StructuredQueries.looksLikeId(p.text())) {
      perField.put(Fields.ID, id(p.text()));
    }
    String label = "\"" + p.text().strip() + "\"" + (p.slop() > 0 ? "~" + p.slop() : "");
    return unit(negated, label, perField, null);
  }

  private ObjectNode unit(
      boolean negated, String label, Map<String, ObjectNode> perField, ObjectNode single) {
    List<ObjectNode> present = new ArrayList<>(perField.values());
    if (present.isEmpty()) return null;
    if (!negated) {
      units.add(new Unit(label, Collections.unmodifiableMap(new LinkedHashMap<>(perField))));
    }
    if (single != null) return single;
    return Dsl.anyOf(present);
  }

  private static String quoted(String text) {
    return "'" + text + "'";
  }

  /** A ranked word in one field: its stem, or the phrase of a split word's stems. */
  private ObjectNode ranked(String field, String text, boolean splitParts, boolean highlight) {
    List<Tok> toks = TextAnalysis.rankedTerms(field, text);
    if (highlight) remember(field, toks);
    if (!splitParts || toks.size() < 2) return termOrPhrase(field, toks, text, 0, false);
    List<ObjectNode> parts = new ArrayList<>();
    for (Tok t : toks) parts.add(Dsl.term(FIELD.get(field), t.term()));
    return Dsl.anyOf(parts);
  }

  /** A quoted phrase (or stop word) on exact words. */
  private ObjectNode exact(String field, String text, int slop, boolean highlight) {
    List<Tok> toks = TextAnalysis.exactTerms(field, text);
    if (highlight) remember(field, toks);
    return termOrPhrase(field, toks, text, slop, true);
  }

  private ObjectNode termOrPhrase(
      String field, List<Tok> toks, String text, int slop, boolean exact) {
    if (toks.isEmpty()) return null;
    String osField = FIELD.get(field);
    if (toks.size() == 1) return Dsl.term(osField, toks.getFirst().term());
    String analyzer =
        Fields.AUTHORS.equals(field)
            ? OpenSearchSchema.NAMES
            : exact ? OpenSearchSchema.EXACT : OpenSearchSchema.STEMS;
    return Dsl.phrase(osField, text, analyzer, slop);
  }

  private void remember(String field, List<Tok> toks) {
    Set<String> set = terms.computeIfAbsent(field, f -> new HashSet<>());
    for (Tok t : toks) set.add(t.term());
  }

  private ObjectNode prefix(String field, String text) {
    String normalized = TextAnalysis.normalize(field, text);
    if (normalized.isEmpty()) return null;
    String value = TextAnalysis.isText(field) ? exactMark(normalized) : normalized;
    String osField = FIELD.get(field);
    if (!prefixes.test(osField, value)) return null;
    return Dsl.prefix(osField, value, prefixExpansions);
  }

  private ObjectNode fuzzy(String field, String text, int edits) {
    String normalized = TextAnalysis.normalize(field, text);
    if (normalized.isEmpty()) return null;
    boolean isText = TextAnalysis.isText(field);
    String value = isText ? exactMark(normalized) : normalized;
    if (edits == 0) return Dsl.term(FIELD.get(field), value);
    // In text fields the exact mark is a shared first character: a prefix of 1 costs nothing.
    return Dsl.fuzzy(FIELD.get(field), value, edits, isText ? 1 : 0, fuzzyExpansions);
  }

  private static String exactMark(String normalized) {
    return org.abstracta.indexer.schema.Analyzers.EXACT_MARK + normalized;
  }

  /** The paper with that id, far above all (arXiv id in any form, DOI as id or alias). */
  static ObjectNode id(String text) {
    List<String> ids = StructuredQueries.idTexts(text);
    if (ids.isEmpty()) return null;
    Dsl.Bool b = new Dsl.Bool();
    b.should.add(Dsl.terms(OpenSearchSchema.ID, ids));
    b.should.add(Dsl.terms(OpenSearchSchema.ALIAS, ids));
    return Dsl.boost(Dsl.constant(b.build()), Relevance.ID_BOOST);
  }

  static ObjectNode years(StructuredQueries.YearRange r) {
    if (r.from() == r.to()) return Dsl.term(OpenSearchSchema.YEAR, Integer.toString(r.from()));
    return Dsl.range(
        OpenSearchSchema.YEAR,
        r.from() == Integer.MIN_VALUE ? null : r.from(),
        r.to() == Integer.MAX_VALUE ? null : r.to());
  }
}
