package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import org.abstracta.indexer.model.Paper;
import org.abstracta.searchapi.export.ExportFormat;
import org.abstracta.searchapi.search.SearchService;

/**
 * {@code /api/papers/{id}} and {@code /api/papers/{id}/similar}. Ids may contain slashes (old arXiv
 * ids {@code hep-ph/0701001}, DOIs), given plainly or percent-encoded.
 */
final class PaperController {
  static final int SIMILAR_DEFAULT = 10;
  static final int SIMILAR_MAX = 50;

  private final SearchService service;
  private final Downloads downloads;

  PaperController(SearchService service) {
    this.service = service;
    this.downloads = new Downloads(service);
  }

  void paper(Context ctx) {
    ExportFormat format = SearchParams.format(ctx.queryParamMap());
    Paper paper = find(ctx);
    if (format == null) ctx.json(paper);
    else downloads.paper(ctx, format, paper);
  }

  void similar(Context ctx) {
    Paper paper = find(ctx);
    int size =
        SearchParams.wholeNumber(ctx.queryParamMap(), "size", SIMILAR_DEFAULT, 1, SIMILAR_MAX);
    ctx.json(ApiJson.Similar.of(paper.id(), service.similar(paper.id(), size)));
  }

  private Paper find(Context ctx) {
    String id = ctx.pathParam("id").strip();
    if (id.isEmpty()) throw ApiException.notFound("No paper id given");
    return service
        .paper(id)
        .orElseThrow(() -> ApiException.notFound("No paper with id '" + id + "'"));
  }
}
