package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.opensearch.OpenSearchClient;
import org.abstracta.indexer.opensearch.OpenSearchSchema;
import org.abstracta.indexer.schema.Facets;

/**
 * The names of the source facet's values as readers know them ({@link Source#label()}: "Jackie Kay
 * — author page", "Daily papers, Oct 17"), where the value itself is a file name, as the embedded
 * engine gives them: read from one paper of each source (the values not yet known in one request: a
 * {@code top_hits} of one paper per value), then kept for {@link #KEEP} — a later run may read an
 * input again with a title, and this service does not see the alias move.
 */
final class SourceLabels {
  static final Duration KEEP = Duration.ofMinutes(1);

  private record Known(String label, long at) {}

  private final OpenSearchClient client;
  private final String index;
  private final Map<String, Known> known = new ConcurrentHashMap<>();

  SourceLabels(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  /** The label of each of {@code values}; a value no paper has is its own label. */
  Map<String, String> of(Collection<String> values) throws IOException {
    long now = System.nanoTime();
    Map<String, String> out = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String v : values) {
      Known k = known.get(v);
      if (k != null && now - k.at() < KEEP.toNanos()) out.put(v, k.label());
      else missing.add(v);
    }
    if (missing.isEmpty()) return out;
    Map<String, String> found = lookUp(missing);
    for (String v : missing) {
      String label = found.getOrDefault(v, v);
      known.put(v, new Known(label, now));
      out.put(v, label);
    }
    return out;
  }

  private Map<String, String> lookUp(List<String> values) throws IOException {
    String field = OpenSearchSchema.facetField(Facets.SOURCE);
    ObjectNode body = client.object();
    body.put("size", 0);
    ArrayNode these = body.putObject("query").putObject("terms").putArray(field);
    values.forEach(these::add);
    ObjectNode terms = body.putObject("aggs").putObject("values");
    ObjectNode byValue = terms.putObject("terms").put("field", field).put("size", values.size());
    ArrayNode include = byValue.putArray("include");
    values.forEach(include::add);
    ObjectNode one = terms.putObject("aggs").putObject("one").putObject("top_hits");
    one.put("size", 1).putArray("_source").add(OpenSearchSchema.PAPER + ".sources");
    JsonNode buckets =
        client
            .send("POST", "/" + index + "/_search", Map.of(), body)
            .path("aggregations")
            .path("values")
            .path("buckets");
    Map<String, String> out = new HashMap<>();
    for (JsonNode b : buckets) {
      String value = b.path("key").asText();
      JsonNode hit = b.path("one").path("hits").path("hits").path(0);
      for (JsonNode s : hit.path("_source").path(OpenSearchSchema.PAPER).path("sources")) {
        Source source =
            new Source(
                s.path("file").asText(),
                s.path("format").asText(),
                s.path("owner").asText(null),
                s.path("title").asText(null));
        if (source.facetValue().equals(value)) out.put(value, source.label());
      }
    }
    return out;
  }
}
