package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.abstracta.indexer.index.IndexExport;
import org.abstracta.indexer.model.PaperJson;

/**
 * Streams the papers of an OpenSearch index as JSON lines in id order, as {@link IndexExport} does
 * for the embedded index: pages of {@link #PAGE} through a point in time (the export reads one
 * index even if a run moves the alias meanwhile), each page after the last id of the one before.
 */
public final class OpenSearchExport {
  private static final int PAGE = 1_000;

  private OpenSearchExport() {}

  public static void write(OpenSearchClient client, OutputStream out) throws IOException {
    String alias = client.target().index();
    if (OpenSearchStore.concreteIndex(client, alias) == null) {
      throw new IndexExport.NoIndexException(
          "no index '"
              + alias
              + "' at "
              + client.target().nodeList()
              + " (run `abstracta index --opensearch …` first)");
    }
    String pit =
        client
            .send("POST", "/" + alias + "/_search/point_in_time", Map.of("keep_alive", "2m"), null)
            .path("pit_id")
            .asText();
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = client.object();
        body.put("size", PAGE);
        body.put("track_total_hits", false);
        body.putArray("_source").add(OpenSearchSchema.PAPER);
        body.putObject("pit").put("id", pit).put("keep_alive", "2m");
        body.putArray("sort").addObject().put(OpenSearchSchema.ID, "asc");
        if (after != null) body.set("search_after", after);
        JsonNode hits = client.send("POST", "/_search", Map.of(), body).path("hits").path("hits");
        for (JsonNode hit : hits) {
          out.write(PaperJson.toBytes(OpenSearchSchema.paper(hit.path("_source"))));
          out.write('\n');
        }
        if (hits.size() < PAGE) break;
        after = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      ObjectNode del = client.object();
      ArrayNode ids = del.putArray("pit_id");
      ids.add(pit);
      try {
        client.send("DELETE", "/_search/point_in_time", Map.of(), del);
      } catch (IOException ignored) {
        // it expires by itself
      }
    }
  }
}
