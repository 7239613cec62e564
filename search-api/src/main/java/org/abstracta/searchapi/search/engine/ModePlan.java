package org.abstracta.searchapi.search.engine;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.abstracta.searchapi.search.QueryFilter;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.query.ParsedQuery;
import org.abstracta.searchapi.search.vector.VectorField;
import org.apache.lucene.index.IndexReader;

/**
 * The mode a request runs in and, for semantic and hybrid, the query's vector on its way. A request
 * that names no mode gets the default: hybrid for a sentence, keyword for keywords (and for a
 * cursor, which only keyword results and date orders give). A search by meaning that cannot run —
 * no model, no vectors in the index, no words to embed — runs by keywords, with a note when the
 * request asked for it by name.
 *
 * @param note why the mode differs from the one asked for, or null
 * @param field the model's vectors in the snapshot (semantic and hybrid only)
 * @param vector the query's vector, being computed (semantic and hybrid only)
 */
record ModePlan(
    SearchMode mode, String note, VectorField field, CompletableFuture<float[]> vector) {

  static ModePlan choose(
      SearchRequest request, ParsedQuery parsed, IndexReader reader, Meaning meaning)
      throws IOException {
    SearchMode asked = request.mode();
    SearchMode mode = asked;
    if (mode == null) {
      mode = parsed.sentence() && request.cursor() == null ? SearchMode.HYBRID : SearchMode.KEYWORD;
    }
    if (mode == SearchMode.KEYWORD) return keyword(null);
    if (parsed.matchAll()) {
      return keyword(asked == null ? null : "an empty query has no meaning to search by");
    }
    if (meaning == null)
      return keyword(asked == null ? null : "this service has no embedding model");
    if (meaning.vectors().failure() != null) {
      return keyword(asked == null ? null : meaning.vectors().failure());
    }
    VectorField field = VectorField.of(reader, meaning.vectors().model());
    if (field == null) {
      return keyword(
          asked == null
              ? null
              : "this index has no vectors of "
                  + meaning.vectors().model().name()
                  + " yet ('abstracta embed' adds them)");
    }
    String text = embeddedText(request.query(), parsed);
    if (text.isBlank()) return keyword(asked == null ? null : "the query has no words to embed");
    return new ModePlan(mode, null, field, meaning.vectors().embedLater(text));
  }

  private static ModePlan keyword(String note) {
    return new ModePlan(SearchMode.KEYWORD, note, null, null);
  }

  /** The query's text without the filters typed in it ({@code subject:cs.LG}): what is embedded. */
  static String embeddedText(String query, ParsedQuery parsed) {
    String text = query;
    for (QueryFilter f : parsed.filters()) {
      if (f.text() != null && !f.text().isEmpty()) text = text.replace(f.text(), " ");
    }
    return text.strip().replaceAll("\\s+", " ");
  }
}
