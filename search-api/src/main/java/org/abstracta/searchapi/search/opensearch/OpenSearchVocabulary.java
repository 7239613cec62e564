package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.suggest.SpellingCorrector;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * The index's words as the spelling corrector asks about them, from the cluster: document
 * frequencies by {@code _count} (a query's words all at once, by a {@code filters} aggregation),
 * and respellings from OpenSearch's {@code term} suggester — the same Lucene {@code
 * DirectSpellChecker} with the embedded engine's settings (two edits, a swap of two letters one
 * edit, the same shortest prefix, accuracy and popularity rule), run per shard and merged by the
 * cluster.
 */
final class OpenSearchVocabulary implements SpellingCorrector.Vocabulary {
  private final OpenSearchClient client;
  private final String index;

  OpenSearchVocabulary(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public int docFreq(String field, String term) throws IOException {
    ObjectNode body = client.object();
    body.set("query", Dsl.term(osField(field), term));
    return client.send("POST", "/" + index + "/_count", Map.of(), body).path("count").asInt();
  }

  /** Every term's count in one request: a {@code filters} aggregation, a bucket per term. */
  @Override
  public int[] docFreqs(List<Term> terms) throws IOException {
    ObjectNode body = client.object();
    body.put("size", 0).put("track_total_hits", false);
    ObjectNode filters =
        body.putObject("aggs").putObject("df").putObject("filters").putObject("filters");
    for (int i = 0; i < terms.size(); i++) {
      filters.set(
          Integer.toString(i), Dsl.term(osField(terms.get(i).field()), terms.get(i).text()));
    }
    JsonNode buckets =
        client
            .send("POST", "/" + index + "/_search", Map.of(), body)
            .path("aggregations")
            .path("df")
            .path("buckets");
    int[] out = new int[terms.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = buckets.path(Integer.toString(i)).path("doc_count").asInt();
    }
    return out;
  }

  @Override
  public SuggestWord[] similar(String field, String term, boolean names) throws IOException {
    if (term.length() > SpellingCorrector.MAX_WORD_LENGTH) return new SuggestWord[0];
    int minPrefix = SpellingCorrector.minPrefix(names);
    ObjectNode body = client.object();
    body.put("size", 0);
    ObjectNode s = body.putObject("suggest").putObject("word");
    s.put("text", term);
    s.putObject("term")
        .put("field", osField(field))
        .put("analyzer", "keyword")
        .put("suggest_mode", "popular")
        .put("max_edits", 2)
        .put("prefix_length", minPrefix)
        .put("min_word_length", minPrefix + 3)
        .put("accuracy", SpellingCorrector.ACCURACY)
        .put("string_distance", "damerau_levenshtein")
        .put("size", SpellingCorrector.SIMILAR)
        .put("sort", "score");
    JsonNode entries =
        client.send("POST", "/" + index + "/_search", Map.of(), body).path("suggest").path("word");
    List<SuggestWord> out = new ArrayList<>();
    for (JsonNode e : entries) {
      for (JsonNode o : e.path("options")) {
        SuggestWord w = new SuggestWord();
        w.string = o.path("text").asText();
        w.freq = o.path("freq").asInt();
        w.score = (float) o.path("score").asDouble();
        out.add(w);
      }
    }
    return out.toArray(SuggestWord[]::new);
  }

  private static String osField(String field) {
    return switch (field) {
      case Fields.TITLE -> OpenSearchSchema.TITLE;
      case Fields.ABSTRACT -> OpenSearchSchema.ABSTRACT;
      default -> OpenSearchSchema.AUTHORS;
    };
  }
}
