package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.searchapi.search.result.HitExplainer;

/**
 * Explanations in the embedded engine's words ({@link HitExplainer#words}): which word or phrase of
 * the query matched in which field. Each word's per-field query rides along as a named query
 * ({@code _name}) that scores nothing; a hit's {@code matched_queries} say which matched.
 */
final class Explanations {
  private Explanations() {}

  /** {@code query} with a named, zero-weight probe per word and field. */
  static ObjectNode probed(ObjectNode query, QueryMapper.Mapped m) {
    Dsl.Bool b = new Dsl.Bool();
    b.must.add(query);
    List<QueryMapper.Unit> units = m.units();
    for (int i = 0; i < units.size(); i++) {
      for (Map.Entry<String, ObjectNode> e : units.get(i).perField().entrySet()) {
        ObjectNode probe = Dsl.constant(e.getValue());
        ObjectNode cs = (ObjectNode) probe.get("constant_score");
        cs.put("boost", 0f).put("_name", name(i, e.getKey()));
        b.should.add(probe);
      }
    }
    return b.build();
  }

  /** The explanation of one hit of a search run with {@link #probed}. */
  static String of(QueryMapper.Mapped m, JsonNode hit, boolean feedback, float score) {
    Set<String> matched = new HashSet<>();
    hit.path("matched_queries").forEach(n -> matched.add(n.asText()));
    List<String> labels = new ArrayList<>();
    List<List<String>> fields = new ArrayList<>();
    List<QueryMapper.Unit> units = m.units();
    for (int i = 0; i < units.size(); i++) {
      List<String> in = new ArrayList<>();
      for (String field : units.get(i).perField().keySet()) {
        if (matched.contains(name(i, field))) in.add(field);
      }
      labels.add(units.get(i).label());
      fields.add(in);
    }
    return HitExplainer.words(m.matchAll(), m.filters(), labels, fields, feedback, score);
  }

  private static String name(int unit, String field) {
    return "abstracta:" + unit + ":" + field;
  }
}
