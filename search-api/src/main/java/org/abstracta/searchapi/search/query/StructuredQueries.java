package org.abstracta.searchapi.search.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.text.SubjectCatalog;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Queries on the structured fields — subject codes, years, ids — shared by the query syntax ({@code
 * subject:cs.LG}, {@code year:2019..2023}, {@code id:...}) and the facet filters.
 */
public final class StructuredQueries {
  private static final Pattern YEAR_RANGE =
      Pattern.compile("^(\\d{4})?\\s*(?:\\.\\.|-|–)\\s*(\\d{4})?$");
  private static final Pattern YEAR = Pattern.compile("^\\d{4}$");

  private StructuredQueries() {}

  /** An inclusive year range; an open end is {@code Integer.MIN_VALUE} or {@code MAX_VALUE}. */
  public record YearRange(int from, int to) {
    public boolean contains(int year) {
      return year >= from && year <= to;
    }

    public Query query() {
      return from == to
          ? IntPoint.newExactQuery(Fields.YEAR, from)
          : IntPoint.newRangeQuery(Fields.YEAR, from, to);
    }
  }

  /**
   * {@code 2023}, {@code 2019..2023}, {@code 2019-2023}, {@code 2019..}, {@code ..2020}; else null.
   */
  public static YearRange parseYears(String text) {
    String s = text.strip();
    if (YEAR.matcher(s).matches()) {
      int y = Integer.parseInt(s);
      return new YearRange(y, y);
    }
    Matcher m = YEAR_RANGE.matcher(s);
    if (!m.matches() || (m.group(1) == null && m.group(2) == null)) return null;
    int from = m.group(1) == null ? Integer.MIN_VALUE : Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
    return from <= to ? new YearRange(from, to) : new YearRange(to, from);
  }

  /** Documents of those years, or null if {@code text} is not a year or range. */
  static Query year(String text) {
    YearRange r = parseYears(text);
    return r == null ? null : constant(r.query());
  }

  /**
   * The subject code as the index spells it: {@code cs.lg} → {@code cs.LG}, {@code CS} → {@code
   * cs}. Codes are case sensitive in the index, users' typing is not; unknown codes stay as typed.
   */
  public static String subjectCode(String text) {
    String s = text.strip();
    for (String candidate : subjectVariants(s)) {
      if (SubjectCatalog.isKnown(candidate)) return candidate;
    }
    return s;
  }

  private static Set<String> subjectVariants(String s) {
    Set<String> out = new LinkedHashSet<>();
    out.add(s);
    String lower = s.toLowerCase(Locale.ROOT);
    int dot = lower.indexOf('.');
    if (dot > 0) out.add(lower.substring(0, dot) + s.substring(dot).toUpperCase(Locale.ROOT));
    out.add(lower);
    return out;
  }

  /** Documents with that subject (archive or category). */
  static Query subject(String text) {
    return constant(new TermQuery(new Term(Fields.SUBJECT, subjectCode(text))));
  }

  /**
   * Papers whose author names hold every word of {@code name} ({@code Hinton}, {@code g hinton}),
   * or with {@code inOrder} the words side by side in that order, matched without scoring.
   */
  public static Query authorWords(String name, boolean inOrder) {
    List<TextAnalysis.Tok> toks = TextAnalysis.tokens(Fields.AUTHORS, name);
    if (toks.isEmpty()) return new MatchNoDocsQuery("no name words in '" + name + "'");
    if (inOrder && toks.size() > 1) {
      PhraseQuery.Builder p = new PhraseQuery.Builder();
      for (TextAnalysis.Tok t : toks) p.add(new Term(Fields.AUTHORS, t.term()), t.position());
      return constant(p.build());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (TextAnalysis.Tok t : toks) {
      b.add(new TermQuery(new Term(Fields.AUTHORS, t.term())), Occur.FILTER);
    }
    return constant(b.build());
  }

  /**
   * {@code hasCode} as the index spells it: {@code true} or {@code false} (also yes/no/1/0, any
   * case); null for anything else.
   */
  public static String hasCode(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> "true";
      case "false", "no", "0" -> "false";
      default -> null;
    };
  }

  /**
   * Documents with that value of a flat facet ({@code type}, {@code source}, {@code hasCode}),
   * matched without scoring; null for a {@code hasCode} that is not a yes or no.
   */
  static Query facetValue(String dim, String text) {
    String value =
        switch (dim) {
          case Facets.TYPE -> text.strip().toLowerCase(Locale.ROOT);
          case Facets.HAS_CODE -> hasCode(text);
          default -> text.strip();
        };
    if (value == null) return null;
    return constant(new TermQuery(DrillDownQuery.term(Facets.indexField(dim), dim, value)));
  }

  /**
   * The paper with that id (arXiv id in any form, DOI — as id or alias — or title id), or null for
   * an empty text.
   */
  public static Query id(String text) {
    List<BytesRef> ids = idForms(text);
    if (ids.isEmpty()) return null;
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new TermInSetQuery(Fields.ID, ids), Occur.SHOULD);
    b.add(new TermInSetQuery(Fields.ALIAS, ids), Occur.SHOULD);
    return new ConstantScoreQuery(b.build());
  }

  /** Whether {@code word} is an arXiv id or a DOI (a query that names one paper). */
  public static boolean looksLikeId(String word) {
    return PaperId.arxiv(word) != null || PaperId.doi(word) != null;
  }

  /** The forms of an id a paper may be stored under: normalized, as typed, lower case. */
  public static List<String> idTexts(String text) {
    String s = text.strip();
    if (s.isEmpty()) return List.of();
    Set<String> forms = new LinkedHashSet<>();
    forms.add(PaperId.normalize(s));
    forms.add(s);
    forms.add(s.toLowerCase(Locale.ROOT));
    return List.copyOf(forms);
  }

  private static List<BytesRef> idForms(String text) {
    List<BytesRef> out = new ArrayList<>();
    for (String f : idTexts(text)) out.add(new BytesRef(f));
    return out;
  }

  private static Query constant(Query q) {
    return new ConstantScoreQuery(q);
  }
}
