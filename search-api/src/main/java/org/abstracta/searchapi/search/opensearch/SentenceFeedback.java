package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.query.Relevance;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.rank.Feedback;

/**
 * A sentence's pseudo-relevance feedback ({@link Feedback}, RM3) run against the cluster: the
 * sentence once for its first {@link Relevance#FEEDBACK_RERANKED} results, the words of the first
 * {@link Relevance#FEEDBACK_DOCS} weighed by {@link Feedback#expansions} (the embedded engine's own
 * code), then the query that scores the sentence at {@link Relevance#FEEDBACK_ORIGINAL} and the
 * added words, BM25F like the sentence's, in those first results only ({@code ids}).
 */
final class SentenceFeedback {
  private final OpenSearchClient client;
  private final String index;

  SentenceFeedback(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** The query to run for the sentence; {@code m.query()} itself when it finds nothing. */
  ObjectNode expand(QueryMapper.Mapped m, OpenSearchFilters filters) throws IOException {
    int queryStems = 0;
    for (String t : m.terms().getOrDefault(Fields.TITLE, Set.of())) {
      if (!t.startsWith(Analyzers.EXACT_MARK)) queryStems++;
    }
    if (queryStems == 0) return m.query();
    ObjectNode body = client.object();
    body.set("query", OpenSearchSearchService.withFieldStatistics(filters.restrict(m.query())));
    ObjectNode post = filters.all();
    if (post != null) body.set("post_filter", post);
    body.put("size", Relevance.FEEDBACK_RERANKED).put("track_total_hits", false);
    body.put("_source", false);
    ArrayNode sort = body.putArray("sort");
    sort.addObject().put("_score", "desc");
    sort.addObject().put(OpenSearchSchema.ID, "asc");
    JsonNode hits = OpenSearchSearchService.scoredHits(client, index, body);
    if (hits.isEmpty()) return m.query();
    List<String> ids = new ArrayList<>();
    List<Float> scores = new ArrayList<>();
    for (JsonNode h : hits) {
      ids.add(h.path("_id").asText());
      scores.add((float) h.path("sort").get(0).asDouble());
    }
    int n = Math.min(Relevance.FEEDBACK_DOCS, ids.size());
    Map<String, Paper> papers = papers(ids.subList(0, n));
    List<Feedback.Result> results = new ArrayList<>();
    Map<String, String> wordOfStem = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Paper p = papers.get(ids.get(i));
      if (p == null) continue;
      results.add(new Feedback.Result(Feedback.stems(p), scores.get(i)));
      words(p, wordOfStem);
    }
    List<Feedback.Expansion> words = Feedback.expansions(results, Relevance.FEEDBACK_TERMS);
    if (words.isEmpty()) return m.query();
    float rest = (1 - Relevance.FEEDBACK_ORIGINAL) * queryStems;
    Dsl.Bool added = new Dsl.Bool();
    for (Feedback.Expansion e : words) {
      String word = wordOfStem.get(e.stem());
      if (word == null) continue;
      added.should.add(
          Dsl.boost(
              Dsl.combinedFields(word, QueryMapper.TITLE_AND_ABSTRACT),
              (float) (rest * e.weight())));
    }
    Dsl.Bool first = new Dsl.Bool();
    first.must.add(added.build());
    ObjectNode inFirst = Dsl.JSON.objectNode();
    ArrayNode values = inFirst.putObject("ids").putArray("values");
    ids.forEach(values::add);
    first.filter.add(inFirst);
    Dsl.Bool all = new Dsl.Bool();
    JsonNode bool = m.query().get("bool");
    if (bool != null && onlyShould(bool)) {
      for (JsonNode c : bool.get("should")) {
        all.should.add(Dsl.boost((ObjectNode) c, Relevance.FEEDBACK_ORIGINAL));
      }
    } else {
      all.should.add(Dsl.boost(m.query(), Relevance.FEEDBACK_ORIGINAL));
    }
    all.should.add(first.build());
    return all.build();
  }

  private static boolean onlyShould(JsonNode bool) {
    Set<String> keys = new HashSet<>();
    bool.fieldNames().forEachRemaining(keys::add);
    return keys.equals(Set.of("should"));
  }

  /** For each stem of the paper's words, a word the index's analysis turns into it alone. */
  private static void words(Paper p, Map<String, String> wordOfStem) {
    for (String text : new String[] {p.title(), p.abstractText()}) {
      if (text == null) continue;
      for (TextAnalysis.Tok w : TextAnalysis.surfaceWords(text)) {
        String stem = Analyzers.stem(w.term());
        if (stem == null || wordOfStem.containsKey(stem)) continue;
        List<TextAnalysis.Tok> again = TextAnalysis.rankedTerms(Fields.TITLE, w.term());
        if (again.size() == 1 && again.getFirst().term().equals(stem)) {
          wordOfStem.put(stem, w.term());
        }
      }
    }
  }

  private Map<String, Paper> papers(List<String> ids) throws IOException {
    ObjectNode body = client.object();
    ArrayNode list = body.putArray("ids");
    ids.forEach(list::add);
    JsonNode docs =
        client
            .send("POST", "/" + index + "/_mget", Map.of("_source", OpenSearchSchema.PAPER), body)
            .path("docs");
    Map<String, Paper> out = new HashMap<>();
    for (JsonNode d : docs) {
      if (d.path("found").asBoolean(false)) {
        out.put(d.path("_id").asText(), OpenSearchSchema.paper(d.path("_source")));
      }
    }
    return out;
  }
}
