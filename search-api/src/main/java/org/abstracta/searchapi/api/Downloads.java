package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import org.abstracta.indexer.model.Paper;
import org.abstracta.searchapi.export.Export;
import org.abstracta.searchapi.export.ExportFormat;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;

/**
 * Sends search results or one paper in an export format ({@code format=bibtex}, …): the format's
 * content type, a {@code Content-Disposition} with the file name (inline for a feed, an attachment
 * otherwise), and the file the format writes. What each file holds is decided in {@code export}.
 */
final class Downloads {
  private final SearchService service;

  Downloads(SearchService service) {
    this.service = service;
  }

  void search(Context ctx, ExportFormat format, SearchRequest request, SearchResult result) {
    List<Paper> papers = service.papers(result.hits().stream().map(Hit::id).toList());
    String base = InfoController.baseUrl(ctx);
    String page = withoutFormat(ctx.queryString());
    Export export =
        Export.ofSearch(
            request,
            papers.stream().filter(format::holds).toList(),
            result.total(),
            base,
            base + ctx.path() + "?" + ctx.queryString(),
            base + "/" + (page.isEmpty() ? "" : "?" + page),
            generated());
    send(ctx, format, export);
  }

  void paper(Context ctx, ExportFormat format, Paper paper) {
    if (!format.holds(paper)) {
      throw new InvalidRequestException(
          "format",
          SearchParams.INVALID,
          "format "
              + format.name()
              + " holds only talks with a time; '"
              + paper.id()
              + "' is not one");
    }
    String base = InfoController.baseUrl(ctx);
    String query = ctx.queryString();
    String self = base + ctx.path() + (query == null ? "" : "?" + query);
    Export export = Export.ofPaper(paper, base, self, generated());
    send(ctx, format, export);
  }

  private static void send(Context ctx, ExportFormat format, Export export) {
    ctx.contentType(format.mediaType());
    ctx.header(
        "Content-Disposition",
        (format.inline() ? "inline" : "attachment")
            + "; filename=\""
            + export.fileName(format)
            + "\"");
    ctx.result(format.write(export));
  }

  /** When the index was last written, for a feed's update time; now when unknown. */
  private Instant generated() {
    try {
      String last = service.stats().lastCommit();
      return last == null ? Instant.now() : Instant.parse(last);
    } catch (RuntimeException e) { // an unreadable time, or an index that cannot be read
      return Instant.now();
    }
  }

  /** The query string without its {@code format} parameters: the same search as a page. */
  static String withoutFormat(String query) {
    if (query == null || query.isEmpty()) return "";
    StringBuilder out = new StringBuilder();
    for (String part : query.split("&")) {
      if (part.isEmpty() || part.equals("format") || part.startsWith("format=")) continue;
      if (!out.isEmpty()) out.append('&');
      out.append(part);
    }
    return out.toString();
  }
}
