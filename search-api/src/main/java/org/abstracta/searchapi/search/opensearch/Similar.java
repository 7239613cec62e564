package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.abstracta.searchapi.search.result.HitFactory;

/**
 * Similar papers as the embedded engine finds them (Lucene's {@code MoreLikeThis} with the settings
 * of {@code suggest.SimilarPapers}), its term selection done here: the stems of the paper's title
 * and abstract, each scored by its frequency there times its inverse document frequency in the
 * index (the document frequencies asked of the cluster in one request), the 25 best as a weighted
 * OR, the paper itself excluded. OpenSearch's own {@code more_like_this} would read the stacked
 * exact and stemmed terms of the fields, not the stems alone.
 */
final class Similar {
  private static final int MIN_DOC_FREQ = 2;
  private static final int MIN_WORD_LEN = 3;
  private static final int MAX_QUERY_TERMS = 25;
  private static final int MAX_TOKENS = 5_000;

  private final OpenSearchClient client;
  private final String index;

  Similar(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  private record ScoreTerm(String word, String field, float score) {}

  List<Hit> find(Paper paper, int size) throws IOException {
    Map<String, Map<String, Integer>> tf = new HashMap<>();
    add(tf, Fields.TITLE, paper.title());
    add(tf, Fields.ABSTRACT, paper.abstractText());
    Map<String, Long> df = new HashMap<>();
    Map<String, Long> docCount = new HashMap<>();
    stats(tf, df, docCount);
    PriorityQueue<ScoreTerm> queue =
        new PriorityQueue<>(MAX_QUERY_TERMS, (a, b) -> Float.compare(a.score(), b.score()));
    for (Map.Entry<String, Map<String, Integer>> field : tf.entrySet()) {
      long numDocs = docCount.getOrDefault(field.getKey(), 0L);
      for (Map.Entry<String, Integer> word : field.getValue().entrySet()) {
        long docFreq = df.getOrDefault(key(field.getKey(), word.getKey()), 0L);
        if (docFreq < MIN_DOC_FREQ) continue;
        // ClassicSimilarity's idf, as MoreLikeThis scores terms.
        float idf = (float) (Math.log((numDocs + 1) / (double) (docFreq + 1)) + 1.0);
        float score = word.getValue() * idf;
        if (queue.size() < MAX_QUERY_TERMS) {
          queue.add(new ScoreTerm(word.getKey(), field.getKey(), score));
        } else if (queue.peek().score() < score) {
          queue.poll();
          queue.add(new ScoreTerm(word.getKey(), field.getKey(), score));
        }
      }
    }
    if (queue.isEmpty()) return List.of();
    Dsl.Bool like = new Dsl.Bool();
    float first = -1;
    while (!queue.isEmpty()) {
      ScoreTerm t = queue.poll();
      if (first < 0) first = t.score(); // MoreLikeThis divides by the first term it takes
      like.should.add(Dsl.boost(Dsl.term(osField(t.field()), t.word()), t.score() / first));
    }
    Dsl.Bool q = new Dsl.Bool();
    q.must.add(like.build());
    q.mustNot.add(Dsl.term(OpenSearchSchema.ID, paper.id()));
    ObjectNode body = client.object();
    body.put("size", size);
    body.set("query", q.build());
    body.putArray("_source").add(OpenSearchSchema.PAPER);
    JsonNode hits = OpenSearchSearchService.scoredHits(client, index, body);
    HitFactory factory = HitFactory.ofTerms(Map.of());
    List<Hit> out = new ArrayList<>();
    for (JsonNode h : hits) {
      out.add(
          factory.hit(
              OpenSearchSchema.paper(h.path("_source")),
              (float) h.path("_score").asDouble(),
              null));
    }
    return out;
  }

  private static void add(Map<String, Map<String, Integer>> tf, String field, String text) {
    if (text == null) return;
    Map<String, Integer> words = tf.computeIfAbsent(field, f -> new HashMap<>());
    int tokens = 0;
    for (TextAnalysis.Tok t : TextAnalysis.rankedTerms(field, text)) {
      if (++tokens > MAX_TOKENS) break;
      if (t.term().length() < MIN_WORD_LEN) continue;
      words.merge(t.term(), 1, Integer::sum);
    }
  }

  /** Document frequencies of every (field, word), and documents per field, in one request. */
  private void stats(
      Map<String, Map<String, Integer>> tf, Map<String, Long> df, Map<String, Long> docCount)
      throws IOException {
    ObjectNode body = client.object();
    body.put("size", 0);
    ObjectNode aggs = body.putObject("aggs");
    List<String> keys = new ArrayList<>();
    for (Map.Entry<String, Map<String, Integer>> field : tf.entrySet()) {
      ObjectNode exists = Dsl.JSON.objectNode();
      exists.putObject("exists").put("field", osField(field.getKey()));
      aggs.putObject("docs_" + field.getKey()).set("filter", exists);
      for (String word : field.getValue().keySet()) {
        String name = "t" + keys.size();
        keys.add(key(field.getKey(), word));
        aggs.putObject(name).set("filter", Dsl.term(osField(field.getKey()), word));
      }
    }
    JsonNode r = client.send("POST", "/" + index + "/_search", Map.of(), body).path("aggregations");
    for (int i = 0; i < keys.size(); i++)
      df.put(keys.get(i), r.path("t" + i).path("doc_count").asLong());
    for (String field : tf.keySet()) {
      docCount.put(field, r.path("docs_" + field).path("doc_count").asLong());
    }
  }

  private static String key(String field, String word) {
    return field + "\u0000" + word;
  }

  private static String osField(String field) {
    return Fields.TITLE.equals(field) ? OpenSearchSchema.TITLE : OpenSearchSchema.ABSTRACT;
  }
}
