package org.abstracta.searchapi.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.Subject;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.RecoveryOption;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.Suggestion;

/**
 * The JSON bodies the API sends, one record per shape, mapped from the search records. Kept apart
 * from those so the wire format (field names, what is omitted) is decided here and nowhere else.
 */
public final class ApiJson {
  private ApiJson() {}

  /** {@code GET /api/search}. */
  public record Search(
      long total,
      String totalRelation,
      double tookMs,
      List<HitJson> hits,
      Map<String, List<FacetValue>> facets,
      String nextCursor,
      String didYouMean,
      String correctedQuery,
      String matched,
      List<QueryFilter> queryFilters,
      boolean partial,
      List<Recovery> recovery,
      String mode,
      @JsonInclude(JsonInclude.Include.NON_NULL) String modeNote) {

    public static Search of(SearchResult r) {
      Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
      for (FacetResult f : r.facets()) facets.put(f.dim(), FacetValue.of(f.values()));
      return new Search(
          r.total(),
          r.totalExact() ? "eq" : "gte",
          finite(r.tookMs()),
          HitJson.of(r.hits()),
          facets,
          r.nextCursor(),
          r.didYouMean(),
          r.correctedQuery(),
          r.matched().name().toLowerCase(Locale.ROOT),
          r.queryFilters(),
          r.partial(),
          r.recovery().stream().map(Recovery::of).toList(),
          r.mode().value(),
          r.modeNote());
    }
  }

  /**
   * When nothing is found, one search that would find something: what changes ({@code kind}, and
   * the filter dropped: {@code dim}, {@code value}), the search ({@code query}, {@code filters})
   * and its {@code count}.
   */
  public record Recovery(
      String kind,
      @JsonInclude(JsonInclude.Include.NON_NULL) String dim,
      @JsonInclude(JsonInclude.Include.NON_NULL) String value,
      String query,
      Map<String, List<String>> filters,
      long count) {
    static Recovery of(RecoveryOption o) {
      Map<String, List<String>> filters = new LinkedHashMap<>();
      for (String dim : SearchParams.FILTERS) {
        if (o.filters().containsKey(dim)) filters.put(dim, o.filters().get(dim));
      }
      return new Recovery(o.kind(), o.dim(), o.value(), o.query(), filters, o.count());
    }
  }

  /**
   * One hit; {@code explanation} only when asked for, and then in semantic and hybrid modes {@code
   * ranking} (which side found it); {@code inferredSubjects} only for a paper given no subject.
   */
  public record HitJson(
      String id,
      Float score,
      String title,
      List<String> authors,
      List<Subject> subjects,
      LocalDate date,
      String type,
      boolean hasCode,
      Highlights highlights,
      @JsonInclude(JsonInclude.Include.NON_NULL) String explanation,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean yearInferred,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<InferredSubject> inferredSubjects,
      @JsonInclude(JsonInclude.Include.NON_NULL) Hit.Ranking ranking) {

    static List<HitJson> of(List<Hit> hits) {
      return hits.stream().map(HitJson::of).toList();
    }

    static HitJson of(Hit h) {
      Hit.Highlights hl = h.highlights();
      return new HitJson(
          h.id(),
          Float.isFinite(h.score()) ? h.score() : null,
          h.title(),
          h.authors(),
          h.subjects(),
          h.date(),
          h.type(),
          h.hasCode(),
          hl == null ? new Highlights(null, null) : new Highlights(hl.title(), hl.abstractText()),
          h.explanation(),
          h.yearInferred(),
          h.inferredSubjects(),
          h.ranking());
    }
  }

  /** Title and abstract snippets: matched words in {@code <mark>}, everything else escaped. */
  public record Highlights(String title, @JsonProperty("abstract") String abstractText) {}

  /**
   * One facet value; {@code children} only for the subject hierarchy; {@code inferred} (of {@code
   * count}, the papers only inferred to have the subject) only when not 0.
   */
  public record FacetValue(
      String value,
      String label,
      long count,
      boolean selected,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FacetValue> children,
      @JsonInclude(JsonInclude.Include.NON_DEFAULT) long inferred) {

    static List<FacetValue> of(List<FacetResult.FacetValue> values) {
      if (values == null) return List.of();
      return values.stream()
          .map(
              v ->
                  new FacetValue(
                      v.value(),
                      v.label(),
                      v.count(),
                      v.selected(),
                      of(v.children()),
                      v.inferred()))
          .toList();
    }
  }

  /** {@code GET /api/facets/{facet}}. */
  public record FacetValues(String facet, List<FacetValue> values) {
    public static FacetValues of(FacetResult r) {
      return new FacetValues(r.dim(), FacetValue.of(r.values()));
    }
  }

  /** {@code GET /api/papers/{id}/similar}. */
  public record Similar(String id, List<HitJson> hits) {
    public static Similar of(String id, List<Hit> hits) {
      return new Similar(id, HitJson.of(hits));
    }
  }

  /** {@code GET /api/suggest}. */
  public record Suggestions(String q, List<SuggestionJson> suggestions) {
    public static Suggestions of(String q, List<Suggestion> suggestions) {
      return new Suggestions(
          q,
          suggestions.stream().map(s -> new SuggestionJson(s.text(), s.kind(), s.id())).toList());
    }
  }

  /** One completion; {@code id} only for a title. */
  public record SuggestionJson(
      String text, String kind, @JsonInclude(JsonInclude.Include.NON_NULL) String id) {}

  /** {@code GET /health}. */
  public record Health(String status, long documents) {
    public static Health of(IndexStats stats) {
      return new Health("ok", stats.documents());
    }
  }

  /**
   * Added to {@link org.abstracta.indexer.model.Source} where the API writes a paper: its {@code
   * label}, the name readers know the input by ("Daily papers, Oct 17"). The stored paper and the
   * {@code jsonl} export do not carry it: it is derived.
   */
  abstract static class SourceLabel {
    @JsonProperty("label")
    abstract String label();
  }

  /** Every error: a stable code, and a message naming what was wrong. */
  public record Error(
      String error, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String parameter) {}

  private static double finite(double d) {
    return Double.isFinite(d) ? d : 0;
  }
}
