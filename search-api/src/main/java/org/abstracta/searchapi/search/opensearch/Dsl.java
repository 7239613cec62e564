package org.abstracta.searchapi.search.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Small builders of OpenSearch Query DSL objects, one per query type the translation uses. Values
 * are JSON strings set through Jackson, never pasted into text.
 */
final class Dsl {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Dsl() {}

  static ObjectNode matchAll() {
    ObjectNode q = JSON.objectNode();
    q.putObject("match_all");
    return q;
  }

  static ObjectNode matchNone() {
    ObjectNode q = JSON.objectNode();
    q.putObject("match_none");
    return q;
  }

  static ObjectNode term(String field, String value) {
    ObjectNode q = JSON.objectNode();
    q.putObject("term").putObject(field).put("value", value);
    return q;
  }

  static ObjectNode terms(String field, Collection<String> values) {
    ObjectNode q = JSON.objectNode();
    ArrayNode list = q.putObject("terms").putArray(field);
    values.forEach(list::add);
    return q;
  }

  /** Documents in {@code [from, to]} (either end may be null: open). */
  static ObjectNode range(String field, Integer from, Integer to) {
    ObjectNode q = JSON.objectNode();
    ObjectNode r = q.putObject("range").putObject(field);
    if (from != null) r.put("gte", from);
    if (to != null) r.put("lte", to);
    return q;
  }

  /** A phrase as {@code analyzer} reads {@code text}, with {@code slop} moves allowed. */
  static ObjectNode phrase(String field, String text, String analyzer, int slop) {
    ObjectNode q = JSON.objectNode();
    ObjectNode p = q.putObject("match_phrase").putObject(field);
    p.put("query", text).put("analyzer", analyzer);
    if (slop > 0) p.put("slop", slop);
    return q;
  }

  /** BM25F over {@code fields} ({@code name^weight}) for each word of {@code text}. */
  static ObjectNode combinedFields(String text, List<String> fields) {
    ObjectNode q = JSON.objectNode();
    ObjectNode c = q.putObject("combined_fields");
    c.put("query", text).put("operator", "or");
    ArrayNode f = c.putArray("fields");
    fields.forEach(f::add);
    return q;
  }

  /** Terms starting with {@code value}; {@code maxTerms} of them when positive (else all). */
  static ObjectNode prefix(String field, String value, int maxTerms) {
    ObjectNode q = JSON.objectNode();
    ObjectNode p = q.putObject("prefix").putObject(field);
    p.put("value", value);
    if (maxTerms > 0) p.put("rewrite", "top_terms_blended_freqs_" + maxTerms);
    return q;
  }

  static ObjectNode fuzzy(String field, String value, int edits, int prefixLength, int expansions) {
    ObjectNode q = JSON.objectNode();
    ObjectNode f = q.putObject("fuzzy").putObject(field);
    f.put("value", value)
        .put("fuzziness", edits)
        .put("prefix_length", prefixLength)
        .put("max_expansions", expansions)
        .put("transpositions", true);
    return q;
  }

  /** Matches what {@code filter} matches, each with the score 1. */
  static ObjectNode constant(ObjectNode filter) {
    ObjectNode q = JSON.objectNode();
    q.putObject("constant_score").set("filter", filter);
    return q;
  }

  /** {@code q}'s scores times {@code weight}. */
  static ObjectNode boost(ObjectNode q, float weight) {
    if (weight == 1f) return q;
    Bool b = new Bool();
    b.must.add(q);
    ObjectNode out = b.build();
    ((ObjectNode) out.get("bool")).put("boost", weight);
    return out;
  }

  /** Any of {@code queries}, scores summed (the query itself for one). */
  static ObjectNode anyOf(List<ObjectNode> queries) {
    if (queries.size() == 1) return queries.getFirst();
    Bool b = new Bool();
    b.should.addAll(queries);
    return b.build();
  }

  /** A boolean query: Lucene's {@code BooleanQuery}, clause for clause. */
  static final class Bool {
    final List<ObjectNode> must = new ArrayList<>();
    final List<ObjectNode> should = new ArrayList<>();
    final List<ObjectNode> mustNot = new ArrayList<>();
    final List<ObjectNode> filter = new ArrayList<>();
    int minimumShouldMatch;

    ObjectNode build() {
      ObjectNode q = JSON.objectNode();
      ObjectNode b = q.putObject("bool");
      put(b, "must", must);
      put(b, "should", should);
      put(b, "must_not", mustNot);
      put(b, "filter", filter);
      if (minimumShouldMatch > 0) b.put("minimum_should_match", minimumShouldMatch);
      return q;
    }

    private static void put(ObjectNode b, String occur, List<ObjectNode> clauses) {
      if (clauses.isEmpty()) return;
      ArrayNode a = b.putArray(occur);
      clauses.forEach(a::add);
    }
  }
}
