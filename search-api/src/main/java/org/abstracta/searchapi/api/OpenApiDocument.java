package org.abstracta.searchapi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.abstracta.searchapi.export.ExportFormat;
import org.abstracta.searchapi.export.ExportFormats;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.query.UserQueryParser;

/**
 * The OpenAPI 3.0 description of the HTTP API, served at {@code /openapi.json}. Built from the same
 * constants the handlers validate with (sizes, facet names, sort orders), so limits cannot drift;
 * {@code ApiOpenApiTest} checks that every route the app serves is described.
 */
final class OpenApiDocument {
  private static final ObjectMapper M = new ObjectMapper();

  private OpenApiDocument() {}

  static String json() {
    try {
      return M.writerWithDefaultPrettyPrinter().writeValueAsString(build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree always serializes", e);
    }
  }

  static ObjectNode build() {
    ObjectNode doc = M.createObjectNode();
    doc.put("openapi", "3.0.3");
    doc.putObject("info")
        .put("title", "Abstracta search API")
        .put("version", "0.1.0")
        .put(
            "description",
            "Ranked keyword, phrase and faceted search over paper abstracts. Every path answers"
                + " GET and HEAD (and OPTIONS for CORS preflight); other methods get 405, a request"
                + " with a body 413, a request line or headers over 8 KiB 414 or 431. Errors"
                + " are JSON {\"error\": code, \"message\": text, \"parameter\": name} with a"
                + " 4xx naming the bad parameter.");
    ObjectNode paths = doc.putObject("paths");
    search(paths);
    papers(paths);
    suggest(paths);
    facets(paths);
    simple(paths, "/api/stats", "stats", "What the served index holds", ref("Stats"));
    ObjectNode health =
        simple(paths, "/health", "health", "Liveness and document count", ref("Health"));
    health.withObjectProperty("responses").set("503", error("The index cannot be read"));
    textual(paths, "/metrics", "metrics", "Prometheus metrics", HttpMetrics.CONTENT_TYPE);
    simple(
        paths,
        "/openapi.json",
        "openapi",
        "This document",
        M.createObjectNode().put("type", "object"));
    textual(
        paths,
        "/opensearch.xml",
        "opensearch",
        "OpenSearch description, for adding this server to a browser's search engines",
        "application/opensearchdescription+xml");
    doc.putObject("components").set("schemas", schemas());
    return doc;
  }

  private static void search(ObjectNode paths) {
    ObjectNode op = get(paths, "/api/search", "search", "Search papers");
    ArrayNode p = op.putArray("parameters");
    p.add(
        query(
            "q",
            "Query text: words (all required; a sentence is a ranked OR of its words),"
                + " \"phrases\", \"phrase\"~3, +must -exclude, AND OR NOT, (groups), title:"
                + " abstract: id:, prefix*, fuzzy~; author: subject: year:2019..2023 type:"
                + " source: hasCode: filter like the filter parameters. Empty or missing matches"
                + " all documents. Malformed syntax is read leniently."
                + " Limits (400 naming q): "
                + UserQueryParser.LIMITS
                + "; a leading * is dropped.",
            string()));
    p.add(filter("subject", "arXiv archive (cs) or category (cs.LG)", string()));
    p.add(
        filter(
            "year",
            "Year (2023) or range of years (2019..2023)",
            string().put("pattern", "^\\d{4}(\\.\\.\\d{4})?$")));
    p.add(filter("author", "Author name as listed in the author facet", string()));
    p.add(filter("type", "Document type", enumOf("paper", "talk")));
    p.add(filter("source", "Input the document came from (source facet value)", string()));
    p.add(filter("hasCode", "Whether the paper links code", enumOf("true", "false")));
    p.add(
        query(
            "sort",
            "Result order",
            enumOf("relevance", "newest", "oldest").put("default", "relevance")));
    p.add(
        query(
            "page",
            "1-based page; page × size may not exceed "
                + SearchRequest.MAX_PAGE_DEPTH
                + " (use cursor to go deeper). Ignored with cursor.",
            integer(1, SearchRequest.MAX_PAGE_DEPTH, 1)));
    p.add(
        query(
            "size",
            "Hits per page; 0 for the total and facets only",
            integer(0, SearchRequest.MAX_SIZE, SearchRequest.DEFAULT_SIZE)));
    p.add(query("cursor", "Opaque deep-paging cursor from a previous nextCursor", string()));
    p.add(
        query(
            "facets",
            "Facets to count, comma-separated from "
                + String.join(", ", SearchParams.FILTERS)
                + "; none counts none; default all",
            string()));
    p.add(
        query(
            "explain",
            "Add to each hit a readable explanation of its score",
            M.createObjectNode().put("type", "boolean").put("default", false)));
    p.add(
        query(
            "mode",
            "keyword: by the words (BM25); semantic: the "
                + SearchMode.NEAREST
                + " papers nearest to the query's meaning that pass the filters (total is how many"
                + " that is; they page with page, not cursor); hybrid: both rankings fused"
                + " (keyword top and vector top, min-max-normalised, weighted"
                + " "
                + SearchMode.VECTOR_WEIGHT
                + " on meaning), followed by the other keyword matches (total: the keyword"
                + " matches and the nearest papers together). Default: hybrid for a sentence,"
                + " keyword for keywords. An index without vectors answers by keywords, saying so"
                + " in modeNote",
            enumOf("keyword", "semantic", "hybrid")));
    p.add(
        query(
            "autocorrect",
            "When the query finds (nearly) nothing and a respelling finds far more, show the"
                + " respelling's results (correctedQuery); false searches the query as typed",
            M.createObjectNode().put("type", "boolean").put("default", true)));
    p.add(
        formatParam(
            "json (default); atom: a feed of this search, newest first unless sort says"
                + " otherwise; bibtex, ris, csl-json: this page's hits as citations; ics: the"
                + " talks among them as a calendar (type=talk unless type is given)"));
    exports(
        responses(
            op, ref("SearchResponse"), "400", "A parameter is invalid (named in the message)"));
  }

  /** The {@code format} parameter: json or one of the export formats. */
  private static ObjectNode formatParam(String description) {
    List<String> names = new java.util.ArrayList<>(List.of("json"));
    names.addAll(ExportFormats.names());
    return query(
        "format", description, enumOf(names.toArray(String[]::new)).put("default", "json"));
  }

  /** Adds each export format's media type to a 200 response: what format= returns. */
  private static void exports(ObjectNode ok) {
    ObjectNode content = ok.withObjectProperty("content");
    for (ExportFormat f : ExportFormats.ALL) {
      String type = f.mediaType().replaceAll(";.*", "");
      content
          .putObject(type)
          .putObject("schema")
          .put("type", "string")
          .put(
              "description",
              "format="
                  + f.name()
                  + ", sent "
                  + (f.inline() ? "inline" : "as an attachment")
                  + " named *."
                  + f.extension());
    }
  }

  private static void papers(ObjectNode paths) {
    ObjectNode op = get(paths, "/api/papers/{id}", "paper", "One whole document");
    op.putArray("parameters")
        .add(idParam())
        .add(
            formatParam(
                "json (default), or the paper as atom, bibtex, ris or csl-json; ics for a talk"
                    + " with a time (400 for anything else)"));
    exports(responses(op, ref("Paper"), "404", "No paper has this id"));
    op.withObjectProperty("responses")
        .set("400", error("An unknown format, or ics for a paper that is not a talk"));

    ObjectNode sim =
        get(
            paths,
            "/api/papers/{id}/similar",
            "similar",
            "Papers like this one, best first: the nearest by meaning (score: cosine similarity),"
                + " or by their words (more-like-this) for a paper without a vector");
    sim.putArray("parameters")
        .add(idParam())
        .add(
            query(
                "size",
                "How many",
                integer(1, PaperController.SIMILAR_MAX, PaperController.SIMILAR_DEFAULT)));
    responses(sim, ref("Similar"), "404", "No paper has this id");
  }

  private static void suggest(ObjectNode paths) {
    ObjectNode op =
        get(paths, "/api/suggest", "suggest", "Completions for a prefix: titles, authors, terms");
    op.putArray("parameters")
        .add(
            query(
                "q",
                "What the user has typed so far (empty gives no suggestions)",
                string().put("maxLength", SearchController.SUGGEST_MAX_CHARS)))
        .add(
            query(
                "size",
                "How many",
                integer(1, SearchController.SUGGEST_MAX, SearchController.SUGGEST_DEFAULT)))
        .add(
            query(
                "format",
                "json (default), or opensearch for [query, [completions]] as browsers read it",
                enumOf("json", "opensearch").put("default", "json")));
    ObjectNode ok = responses(op, ref("Suggestions"), "400", "A parameter is invalid");
    ok.withObjectProperty("content")
        .putObject("application/x-suggestions+json")
        .putObject("schema")
        .put("type", "array")
        .put("description", "With format=opensearch: [query, [completion, ...]]");
  }

  private static void facets(ObjectNode paths) {
    ObjectNode op =
        get(paths, "/api/facets/{facet}", "facetValues", "All values of one facet, with counts");
    ObjectNode facet = M.createObjectNode();
    facet.put("name", "facet").put("in", "path").put("required", true);
    facet.set("schema", enumOf(SearchParams.FILTERS.toArray(String[]::new)));
    op.putArray("parameters")
        .add(facet)
        .add(query("prefix", "Only values starting with this (case-insensitive)", string()))
        .add(
            query(
                "size",
                "How many values",
                integer(
                    1, SearchController.FACET_VALUES_MAX, SearchController.FACET_VALUES_DEFAULT)));
    responses(op, ref("FacetValues"), "400", "Unknown facet or invalid parameter");
  }

  private static ObjectNode simple(
      ObjectNode paths, String path, String id, String summary, ObjectNode schema) {
    ObjectNode op = get(paths, path, id, summary);
    ObjectNode ok = op.putObject("responses").putObject("200").put("description", "OK");
    ok.putObject("content").putObject("application/json").set("schema", schema);
    return op;
  }

  private static void textual(
      ObjectNode paths, String path, String id, String summary, String mediaType) {
    ObjectNode op = get(paths, path, id, summary);
    op.putObject("responses")
        .putObject("200")
        .put("description", "OK")
        .putObject("content")
        .putObject(mediaType)
        .putObject("schema")
        .put("type", "string");
  }

  private static ObjectNode get(ObjectNode paths, String path, String id, String summary) {
    ObjectNode op = paths.putObject(path).putObject("get");
    op.put("operationId", id).put("summary", summary);
    return op;
  }

  private static ObjectNode responses(
      ObjectNode op, ObjectNode schema, String errorStatus, String errorText) {
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200").put("description", "OK");
    ok.putObject("content").putObject("application/json").set("schema", schema);
    responses.set(errorStatus, error(errorText));
    return ok;
  }

  private static ObjectNode error(String text) {
    ObjectNode r = M.createObjectNode().put("description", text);
    r.putObject("content").putObject("application/json").set("schema", ref("Error"));
    return r;
  }

  private static ObjectNode idParam() {
    ObjectNode p = M.createObjectNode();
    p.put("name", "id").put("in", "path").put("required", true);
    p.put(
        "description",
        "arXiv id (with or without version or arXiv: prefix), DOI, or title id. Ids containing"
            + " '/' (hep-ph/0701001, DOIs) may be given plainly or with %2F.");
    p.set("schema", string());
    return p;
  }

  private static ObjectNode query(String name, String description, ObjectNode schema) {
    ObjectNode p = M.createObjectNode();
    p.put("name", name).put("in", "query").put("description", description);
    p.set("schema", schema);
    return p;
  }

  /** A repeatable facet filter: OR within the parameter, AND across parameters. */
  private static ObjectNode filter(String name, String description, ObjectNode item) {
    ObjectNode schema =
        M.createObjectNode().put("type", "array").put("maxItems", SearchRequest.MAX_FILTER_VALUES);
    schema.set("items", item);
    ObjectNode p =
        query(
            name,
            description
                + ". Repeatable, at most "
                + SearchRequest.MAX_FILTER_VALUES
                + " values: OR within one facet, AND across facets.",
            schema);
    p.put("style", "form").put("explode", true);
    return p;
  }

  private static ObjectNode schemas() {
    ObjectNode s = M.createObjectNode();
    s.set(
        "Error",
        object(
            List.of("error", "message"),
            "error",
            string().put("description", "Stable code: invalid_parameter, not_found, ..."),
            "message",
            string(),
            "parameter",
            string().put("description", "The parameter at fault, when one is")));
    ObjectNode subject = object(List.of("code", "label"), "code", string(), "label", string());
    s.set("Subject", subject);
    s.set(
        "Highlights",
        object(
            List.of(),
            "title",
            nullableString("Title with matched words in <mark>, all else HTML-escaped"),
            "abstract",
            nullableString("Abstract snippet, marked and escaped likewise")));
    s.set(
        "Hit",
        object(
            List.of("id", "title", "authors", "subjects", "type", "hasCode", "highlights"),
            "id",
            string(),
            "score",
            M.createObjectNode().put("type", "number").put("nullable", true),
            "title",
            string(),
            "authors",
            arrayOf(string()),
            "subjects",
            arrayOf(ref("Subject")),
            "date",
            string().put("format", "date").put("nullable", true),
            "type",
            enumOf("paper", "talk"),
            "hasCode",
            bool(),
            "highlights",
            ref("Highlights"),
            "explanation",
            string().put("description", "Only with explain=true"),
            "yearInferred",
            bool()
                .put(
                    "description",
                    "Present (true) when the input printed the date without a year: the year"
                        + " is a guess"),
            "inferredSubjects",
            arrayOf(ref("InferredSubject"))
                .put(
                    "description",
                    "Only for a paper no input gave a subject: subjects voted by its nearest"
                        + " labelled papers"),
            "ranking",
            ref("Ranking")));
    s.set(
        "InferredSubject",
        object(
            List.of("code", "label", "confidence"),
            "code",
            string(),
            "label",
            string(),
            "confidence",
            M.createObjectNode()
                .put("type", "number")
                .put("minimum", 0)
                .put("maximum", 1)
                .put("description", "Share of the neighbours' similarity-weighted votes")));
    s.set(
        "Ranking",
        object(
                List.of("score"),
                "keywordRank",
                M.createObjectNode()
                    .put("type", "integer")
                    .put("nullable", true)
                    .put("description", "Rank on the keyword side; null: keywords did not find it"),
                "keywordScore",
                M.createObjectNode().put("type", "number").put("nullable", true),
                "vectorRank",
                M.createObjectNode()
                    .put("type", "integer")
                    .put("nullable", true)
                    .put("description", "Rank among the nearest papers; null: not among them"),
                "similarity",
                M.createObjectNode()
                    .put("type", "number")
                    .put("nullable", true)
                    .put("description", "Cosine similarity to the query"),
                "score",
                M.createObjectNode()
                    .put("type", "number")
                    .put("description", "Fused score (hybrid) or similarity (semantic)"))
            .put(
                "description",
                "Only with explain=true in semantic and hybrid modes: which side found the hit"));
    ObjectNode facetValue =
        object(
            List.of("value", "label", "count", "selected"),
            "value",
            string(),
            "label",
            string(),
            "count",
            M.createObjectNode().put("type", "integer"),
            "selected",
            bool(),
            "children",
            arrayOf(ref("FacetValue")),
            "inferred",
            M.createObjectNode()
                .put("type", "integer")
                .put(
                    "description",
                    "Subject facet: of count, the papers only inferred to have the subject"
                        + " (absent when 0); a subject filter matches them too"));
    s.set("FacetValue", facetValue);
    ObjectNode facetMap =
        M.createObjectNode()
            .put("type", "object")
            .put(
                "description",
                "Per counted facet, its values; a facet's counts ignore its own filter");
    facetMap.set("additionalProperties", arrayOf(ref("FacetValue")));
    s.set(
        "SearchResponse",
        object(
            List.of(
                "total", "totalRelation", "tookMs", "hits", "facets", "matched", "partial", "mode"),
            "total",
            M.createObjectNode()
                .put("type", "integer")
                .put("description", "Match count: exact, or a lower bound (see totalRelation)"),
            "totalRelation",
            enumOf("eq", "gte")
                .put(
                    "description",
                    "eq: total is exact; gte: a lower bound (a sentence without facets matches"
                        + " most of the collection and is counted up to 10,000)"),
            "tookMs",
            M.createObjectNode().put("type", "number"),
            "hits",
            arrayOf(ref("Hit")),
            "facets",
            facetMap,
            "nextCursor",
            nullableString("Cursor for the next page; null after the last"),
            "didYouMean",
            nullableString("A respelled query that finds more, when this one finds little"),
            "correctedQuery",
            nullableString(
                "The respelled query whose results these are, when the query as typed found"
                    + " (nearly) nothing; autocorrect=false gives the query as typed"),
            "matched",
            enumOf("all", "some", "ranked")
                .put(
                    "description",
                    "all: every word matched; some: no paper has all the words, these have most"
                        + " of them; ranked: a sentence, a ranked OR of its words"),
            "queryFilters",
            arrayOf(ref("QueryFilter")),
            "partial",
            bool()
                .put(
                    "description",
                    "The search ran out of its time budget (2 s unless the server sets another"
                        + " with --query-timeout): hits, total and facet counts cover only the"
                        + " documents it reached"),
            "recovery",
            arrayOf(ref("Recovery"))
                .put(
                    "description",
                    "Only when total is 0: searches with one change that would find papers,"
                        + " each with its count"),
            "mode",
            enumOf("keyword", "semantic", "hybrid")
                .put("description", "How these results were ranked"),
            "modeNote",
            string()
                .put(
                    "description",
                    "Why they were ranked by keywords though another mode was asked for (no"
                        + " vectors in the index, no words to embed)")));
    s.set(
        "Recovery",
        object(
            List.of("kind", "query", "filters", "count"),
            "kind",
            enumOf("spelling", "filter", "queryFilter", "phrase", "allFilters")
                .put(
                    "description",
                    "spelling: the respelled query; filter: a URL filter dropped; queryFilter: a"
                        + " filter typed in q taken out of it; phrase: the quoted words without"
                        + " quotes; allFilters: every filter dropped"),
            "dim",
            string().put("description", "The dropped filter's dimension (filter, queryFilter)"),
            "value",
            string().put("description", "What was dropped: 2007, or year:2007 as typed in q"),
            "query",
            string().put("description", "q of the search offered"),
            "filters",
            M.createObjectNode()
                .put("type", "object")
                .put("description", "The URL filters of the search offered")
                .set("additionalProperties", arrayOf(string())),
            "count",
            M.createObjectNode().put("type", "integer").put("minimum", 1)));
    s.set(
        "QueryFilter",
        object(
            List.of("dim", "value", "text", "quoted"),
            "dim",
            enumOf(SearchParams.FILTERS.toArray(String[]::new)),
            "value",
            string(),
            "text",
            string().put("description", "The clause as typed in q: remove it to drop the filter"),
            "quoted",
            bool()));
    s.set("Similar", object(List.of("id", "hits"), "id", string(), "hits", arrayOf(ref("Hit"))));
    s.set(
        "Suggestion",
        object(
            List.of("text", "kind"),
            "text",
            string(),
            "kind",
            enumOf("title", "author", "term"),
            "id",
            string().put("description", "The paper's id, for a title")));
    s.set(
        "Suggestions",
        object(
            List.of("q", "suggestions"), "q", string(), "suggestions", arrayOf(ref("Suggestion"))));
    s.set(
        "FacetValues",
        object(
            List.of("facet", "values"), "facet", string(), "values", arrayOf(ref("FacetValue"))));
    ObjectNode perType = M.createObjectNode().put("type", "object");
    perType.putObject("additionalProperties").put("type", "integer");
    s.set(
        "Stats",
        object(
            List.of("documents", "perType", "generation"),
            "documents",
            M.createObjectNode().put("type", "integer"),
            "perType",
            perType,
            "lastCommit",
            nullableString("When the served commit was made (ISO instant)")
                .put("format", "date-time"),
            "generation",
            M.createObjectNode().put("type", "integer"),
            "withVectors",
            M.createObjectNode()
                .put("type", "integer")
                .put("description", "Papers with a vector: searchable by meaning"),
            "vectorModel",
            nullableString("The embedding model of those vectors")));
    s.set(
        "Health",
        object(
            List.of("status", "documents"),
            "status",
            enumOf("ok"),
            "documents",
            M.createObjectNode().put("type", "integer")));
    s.set("Paper", paper());
    return s;
  }

  private static ObjectNode paper() {
    ObjectNode source =
        object(
            List.of("file", "format", "label"),
            "file",
            string(),
            "format",
            string(),
            "owner",
            string(),
            "title",
            string()
                .put(
                    "description",
                    "What the input calls itself: a digest's date, a calendar's name"),
            "label",
            string()
                .put(
                    "description",
                    "The input as a reader knows it: \"Jackie Kay — author page\", \"Daily papers,"
                        + " Oct 17\", \"Talks.cam calendar\""));
    return object(
        List.of("id", "type", "title", "authors", "subjects", "hasCode", "sources"),
        "id",
        string(),
        "type",
        enumOf("paper", "talk"),
        "title",
        string(),
        "abstract",
        string(),
        "authors",
        arrayOf(string()),
        "authorsTruncated",
        bool(),
        "authorCount",
        M.createObjectNode().put("type", "integer"),
        "affiliations",
        arrayOf(string()),
        "subjects",
        arrayOf(ref("Subject")),
        "date",
        string().put("format", "date"),
        "yearInferred",
        bool(),
        "hasCode",
        bool(),
        "links",
        arrayOf(string()),
        "doi",
        string(),
        "votes",
        M.createObjectNode().put("type", "integer"),
        "sources",
        arrayOf(source),
        "speakers",
        arrayOf(string()),
        "location",
        string(),
        "start",
        string().put("format", "date-time"),
        "end",
        string().put("format", "date-time"),
        "bio",
        string());
  }

  private static ObjectNode object(List<String> required, Object... nameSchemaPairs) {
    ObjectNode o = M.createObjectNode().put("type", "object");
    if (!required.isEmpty()) {
      ArrayNode r = o.putArray("required");
      required.forEach(r::add);
    }
    ObjectNode props = o.putObject("properties");
    for (int i = 0; i < nameSchemaPairs.length; i += 2) {
      props.set((String) nameSchemaPairs[i], (ObjectNode) nameSchemaPairs[i + 1]);
    }
    return o;
  }

  private static ObjectNode ref(String name) {
    return M.createObjectNode().put("$ref", "#/components/schemas/" + name);
  }

  private static ObjectNode string() {
    return M.createObjectNode().put("type", "string");
  }

  private static ObjectNode nullableString(String description) {
    return string().put("nullable", true).put("description", description);
  }

  private static ObjectNode bool() {
    return M.createObjectNode().put("type", "boolean");
  }

  private static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode a = M.createObjectNode().put("type", "array");
    a.set("items", items);
    return a;
  }

  private static ObjectNode enumOf(String... values) {
    ObjectNode e = string();
    ArrayNode a = e.putArray("enum");
    for (String v : values) a.add(v);
    return e;
  }

  private static ObjectNode integer(int min, int max, int dflt) {
    return M.createObjectNode()
        .put("type", "integer")
        .put("minimum", min)
        .put("maximum", max)
        .put("default", dflt);
  }
}
