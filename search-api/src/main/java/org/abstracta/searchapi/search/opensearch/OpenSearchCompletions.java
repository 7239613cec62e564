package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.query.QueryLimits;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.suggest.Completions;

/**
 * Where completions come from on the cluster ({@link Completions} does the rest, as for the
 * embedded index): titles and author names as the embedded engine finds them; a word's completions
 * counted in the first {@link #WORD_SAMPLE} papers that hold one (stock OpenSearch cannot list the
 * index's words by frequency, which the embedded index reads from its term dictionary).
 */
final class OpenSearchCompletions implements Completions.Source {
  /** Papers whose words a word completion counts. */
  static final int WORD_SAMPLE = 200;

  private final OpenSearchClient client;
  private final String index;

  OpenSearchCompletions(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public Map<String, Integer> words(String prefix, int max) throws IOException {
    String exact = Analyzers.EXACT_MARK + prefix;
    Dsl.Bool any = new Dsl.Bool();
    any.should.add(Dsl.prefix(OpenSearchSchema.TITLE, exact, QueryLimits.MAX_PREFIX_EXPANSIONS));
    any.should.add(Dsl.prefix(OpenSearchSchema.ABSTRACT, exact, QueryLimits.MAX_PREFIX_EXPANSIONS));
    Map<String, Integer> freq = new HashMap<>();
    for (Paper p : papers(any.build(), WORD_SAMPLE)) {
      for (String text : new String[] {p.title(), p.abstractText()}) {
        if (text == null) continue;
        Set<String> inField = new HashSet<>();
        for (TextAnalysis.Tok w : TextAnalysis.surfaceWords(text)) {
          if (w.term().startsWith(prefix)) inField.add(w.term());
        }
        for (String w : inField) freq.merge(w, 1, Integer::sum);
      }
    }
    return freq;
  }

  @Override
  public List<Paper> titles(List<String> words, boolean lastComplete) throws IOException {
    Dsl.Bool b = new Dsl.Bool();
    for (int i = 0; i < words.size() - 1; i++) {
      b.must.add(Dsl.term(OpenSearchSchema.TITLE, Analyzers.EXACT_MARK + words.get(i)));
    }
    String last = Analyzers.EXACT_MARK + words.getLast();
    int minPrefix = words.size() > 1 ? 1 : Completions.MIN_TERM_PREFIX;
    b.must.add(
        lastComplete || words.getLast().length() < minPrefix
            ? Dsl.term(OpenSearchSchema.TITLE, last)
            : Dsl.prefix(OpenSearchSchema.TITLE, last, QueryLimits.MAX_PREFIX_EXPANSIONS));
    return papers(b.build(), Completions.TITLE_CANDIDATES);
  }

  @Override
  public List<String> authors(String prefix, int max) throws IOException {
    FacetResult names =
        OpenSearchFacets.allValues(
            client, index, new SourceLabels(client, index), Facets.AUTHOR, prefix, max);
    return names.values().stream().map(FacetResult.FacetValue::value).toList();
  }

  private List<Paper> papers(ObjectNode query, int size) throws IOException {
    ObjectNode body = client.object();
    body.put("size", size);
    body.set("query", query);
    body.putArray("_source").add(OpenSearchSchema.PAPER);
    body.putArray("sort").addObject().put("_score", "desc");
    JsonNode hits = OpenSearchSearchService.scoredHits(client, index, body);
    List<Paper> out = new ArrayList<>();
    for (JsonNode h : hits) out.add(OpenSearchSchema.paper(h.path("_source")));
    return out;
  }
}
