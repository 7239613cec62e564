package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.index.PaperLookup;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.text.TitleKey;

/**
 * The papers of one OpenSearch index, by id ({@code _mget}, which sees writes not yet refreshed)
 * and by normalized title (a search, which sees the last refresh). A batch of records is looked up
 * in two requests ({@link #prefetch}) instead of two per record.
 */
final class OpenSearchLookup implements PaperLookup {
  /** Most papers one title-key search returns; more and the batch is looked up key by key. */
  private static final int MAX_TITLE_HITS = 10_000;

  private final OpenSearchClient client;
  private final String index;

  OpenSearchLookup(OpenSearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public Paper byId(String id) throws IOException {
    return byIds(List.of(id)).get(id);
  }

  @Override
  public List<Paper> byTitleKey(String titleKey) throws IOException {
    Map<String, List<Paper>> found = byTitleKeys(List.of(titleKey));
    return found == null ? List.of() : found.getOrDefault(titleKey, List.of());
  }

  @Override
  public PaperLookup prefetch(List<Paper> papers) throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> keys = new LinkedHashSet<>();
    for (Paper p : papers) {
      if (p.id() != null && !p.id().isBlank() && !PaperId.isTitleDerived(p.id())) ids.add(p.id());
      String key = TitleKey.of(p.title());
      if (!key.isEmpty()) keys.add(key);
    }
    Map<String, Paper> byId = byIds(List.copyOf(ids));
    Map<String, List<Paper>> byKey = byTitleKeys(List.copyOf(keys));
    if (byKey == null) return this;
    return new PaperLookup() {
      @Override
      public Paper byId(String id) throws IOException {
        return ids.contains(id) ? byId.get(id) : OpenSearchLookup.this.byId(id);
      }

      @Override
      public List<Paper> byTitleKey(String titleKey) throws IOException {
        return keys.contains(titleKey)
            ? byKey.getOrDefault(titleKey, List.of())
            : OpenSearchLookup.this.byTitleKey(titleKey);
      }
    };
  }

  private Map<String, Paper> byIds(List<String> ids) throws IOException {
    Map<String, Paper> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    ObjectNode body = client.object();
    ArrayNode list = body.putArray("ids");
    ids.forEach(list::add);
    JsonNode response =
        client.send(
            "POST", "/" + index + "/_mget", Map.of("_source", OpenSearchSchema.PAPER), body);
    for (JsonNode doc : response.path("docs")) {
      if (doc.path("found").asBoolean(false)) {
        out.put(doc.path("_id").asText(), OpenSearchSchema.paper(doc.path("_source")));
      }
    }
    return out;
  }

  /** Papers per title key, in id order; null when there were too many to fetch at once. */
  private Map<String, List<Paper>> byTitleKeys(List<String> keys) throws IOException {
    Map<String, List<Paper>> out = new HashMap<>();
    if (keys.isEmpty()) return out;
    ObjectNode body = client.object();
    body.put("size", MAX_TITLE_HITS);
    body.put("track_total_hits", true);
    body.putArray("_source").add(OpenSearchSchema.PAPER);
    ArrayNode terms =
        body.putObject("query").putObject("terms").putArray(OpenSearchSchema.TITLE_KEY);
    keys.forEach(terms::add);
    JsonNode hits = client.send("POST", "/" + index + "/_search", Map.of(), body).path("hits");
    if (hits.path("total").path("value").asLong() > MAX_TITLE_HITS) return null;
    for (JsonNode hit : hits.path("hits")) {
      Paper p = OpenSearchSchema.paper(hit.path("_source"));
      out.computeIfAbsent(TitleKey.of(p.title()), k -> new ArrayList<>()).add(p);
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(Paper::id)));
    return out;
  }
}
