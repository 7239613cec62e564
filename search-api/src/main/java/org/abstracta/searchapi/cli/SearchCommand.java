package org.abstracta.searchapi.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.abstracta.indexer.cli.AbstractaHome;
import org.abstracta.indexer.cli.OpenSearchOptions;
import org.abstracta.indexer.model.InferredSubject;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.api.ApiJson;
import org.abstracta.searchapi.api.SearchParams;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.RecoveryOption;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.ServiceUnavailableException;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code abstracta search QUERY}: the same search as {@code GET /api/search}, from the command
 * line. Options are read by the same parameter parser as the API, so limits and messages agree.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Search the index and print ranked results (or the API's JSON with --json).",
      "Query syntax as in the API: words, \"phrases\", author:, subject:, year:, and more.",
      "Exit codes: 0 done (also with no hits), 2 bad arguments or no index, 4 the index cannot be"
          + " read."
    })
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "query words (joined with spaces); none lists all documents")
  List<String> query = List.of();

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index directory (default: ${DEFAULT-VALUE})")
  Path index = AbstractaHome.defaultIndex();

  @Mixin OpenSearchOptions opensearch = new OpenSearchOptions();

  @Option(
      names = "--subject",
      paramLabel = "CODE",
      description = "archive or category (cs, cs.LG); repeatable")
  List<String> subjects = new ArrayList<>();

  @Option(
      names = "--year",
      paramLabel = "YEAR",
      description = "year or range (2019..2023); repeatable")
  List<String> years = new ArrayList<>();

  @Option(names = "--author", paramLabel = "NAME", description = "author name; repeatable")
  List<String> authors = new ArrayList<>();

  @Option(names = "--type", paramLabel = "TYPE", description = "paper or talk; repeatable")
  List<String> types = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "SOURCE",
      description = "input the document came from; repeatable")
  List<String> sources = new ArrayList<>();

  @Option(names = "--has-code", description = "only papers that link code")
  boolean hasCode;

  @Option(
      names = "--sort",
      paramLabel = "ORDER",
      description = "relevance (default), newest or oldest")
  String sort;

  @Option(names = "--page", paramLabel = "N", description = "1-based page (default: 1)")
  String page;

  @Option(
      names = "--size",
      paramLabel = "N",
      description = "results per page, 0 to 100 (default: 10; 0 prints the total only)")
  String size;

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      description =
          "keyword, semantic (by meaning) or hybrid (both fused); default: hybrid for a sentence,"
              + " keyword for keywords")
  String mode;

  @Option(names = "--explain", description = "say why each result scored as it did")
  boolean explain;

  @Option(
      names = "--no-autocorrect",
      description =
          "search the query as typed, even when it finds (nearly) nothing and a respelling finds"
              + " far more")
  boolean noAutocorrect;

  @Option(
      names = "--json",
      description = "print the JSON response of GET /api/search (with facets)")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SearchRequest request;
    try {
      request = SearchParams.parse(params());
    } catch (InvalidRequestException e) {
      err.println("error: " + optionName(e.parameter()) + ": " + e.getMessage());
      return 2;
    }
    OpenSearchTarget cluster = opensearch.enabled() ? opensearch.target(spec) : null;
    if (cluster == null && !ServeCommand.hasIndex(index)) {
      err.println(
          "error: no index at "
              + index
              + "; build one with 'abstracta index' (or start 'abstracta serve', which builds the"
              + " sample)");
      return 2;
    }
    try (SearchService service =
        cluster != null
            ? OpenSearchSearchService.open(cluster)
            : IndexSearchService.open(index, IndexSearchService.DEFAULT_TIME_BUDGET)) {
      SearchResult result = service.search(request);
      if (json) {
        out.println(
            PaperJson.mapper()
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(ApiJson.Search.of(result)));
      } else {
        print(out, request, result);
      }
      out.flush();
      return 0;
    } catch (InvalidRequestException e) {
      err.println("error: " + optionName(e.parameter()) + ": " + e.getMessage());
      return 2;
    } catch (ServiceUnavailableException e) {
      err.println("error: " + e.getMessage());
      return 4;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a search response always serializes", e);
    } catch (IOException e) {
      err.println("error: cannot read the index at " + index + ": " + e.getMessage());
      return 4;
    }
  }

  /** The options as API parameters, so both are validated by {@link SearchParams}. */
  Map<String, List<String>> params() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("q", List.of(String.join(" ", query)));
    p.put("subject", subjects);
    p.put("year", years);
    p.put("author", authors);
    p.put("type", types);
    p.put("source", sources);
    if (hasCode) p.put("hasCode", List.of("true"));
    if (sort != null) p.put("sort", List.of(sort));
    if (page != null) p.put("page", List.of(page));
    if (size != null) p.put("size", List.of(size));
    if (mode != null) p.put("mode", List.of(mode));
    if (explain) p.put("explain", List.of("true"));
    if (noAutocorrect) p.put("autocorrect", List.of("false"));
    // Text output shows no facet counts, so none are computed.
    p.put("facets", List.of(json ? "" : "none"));
    return p;
  }

  private static String optionName(String parameter) {
    if (parameter == null) return "query";
    return switch (parameter) {
      case "q" -> "query";
      case "hasCode" -> "--has-code";
      default -> "--" + parameter;
    };
  }

  private static void print(PrintWriter out, SearchRequest request, SearchResult result) {
    String shown = result.correctedQuery() != null ? result.correctedQuery() : request.query();
    String q = shown.isBlank() ? "all documents" : "\"" + shown + "\"";
    int from = (request.page() - 1) * request.size();
    out.printf(
        Locale.ROOT,
        "%s%,d result%s for %s (%.1f ms)%s%n",
        result.totalExact() ? "" : "more than ",
        result.total(),
        result.total() == 1 ? "" : "s",
        q,
        result.tookMs(),
        result.hits().isEmpty()
            ? ""
            : String.format(
                Locale.ROOT, ", showing %,d–%,d", from + 1, from + result.hits().size()));
    if (result.correctedQuery() != null) {
      out.println(
          "Showing results for \""
              + result.correctedQuery()
              + "\"; for \""
              + request.query()
              + "\" as typed use --no-autocorrect");
    }
    if (result.matched() == SearchResult.Matched.SOME) {
      out.println("No paper has all the words: showing papers with some of them");
    }
    if (result.didYouMean() != null) out.println("Did you mean: " + result.didYouMean());
    if (result.mode() != SearchMode.KEYWORD) {
      out.println(
          "Ranked by " + (result.mode() == SearchMode.HYBRID ? "keywords and meaning" : "meaning"));
    }
    if (result.modeNote() != null) out.println("By keywords: " + result.modeNote());
    if (result.partial()) out.println("(partial: the query ran out of time)");
    if (!result.recovery().isEmpty()) out.println("These would find papers:");
    for (RecoveryOption o : result.recovery()) {
      out.printf(Locale.ROOT, "  %,d %s: %s%n", o.count(), change(o), command(o));
    }
    int rank = from;
    for (Hit h : result.hits()) {
      rank++;
      out.printf(Locale.ROOT, "%n%3d. %s%n", rank, h.title());
      List<String> details = new ArrayList<>();
      if (!h.authors().isEmpty()) details.add(authors(h.authors()));
      if (!h.inferredSubjects().isEmpty()) {
        details.add(
            "inferred "
                + String.join(
                    ", ", h.inferredSubjects().stream().map(InferredSubject::code).toList()));
      }
      if (h.date() != null) details.add(h.date().toString());
      details.add(h.id());
      out.println("     " + String.join(" · ", details));
      if (h.explanation() != null) out.println("     why: " + h.explanation());
    }
    if (from + result.hits().size() < result.total() && !result.hits().isEmpty()) {
      out.printf(Locale.ROOT, "%nMore: --page %d%n", request.page() + 1);
    }
  }

  /** What a recovery option changes, in words. */
  private static String change(RecoveryOption o) {
    return switch (o.kind()) {
      case "spelling" -> "spelled \"" + o.query() + "\"";
      case "filter" -> "without " + optionName(o.dim()) + " " + o.value();
      case "queryFilter" -> "without " + o.value() + " in the query";
      case "phrase" -> "with the words in any order";
      default -> "without any filter";
    };
  }

  /** The command that runs a recovery option's search. */
  private static String command(RecoveryOption o) {
    StringBuilder c = new StringBuilder("abstracta search ").append(shellQuoted(o.query()));
    for (String dim : SearchParams.FILTERS) {
      for (String v : o.filters().getOrDefault(dim, List.of())) {
        if (dim.equals("hasCode")) {
          if (v.equals("true")) c.append(" --has-code");
        } else {
          c.append(' ').append(optionName(dim)).append(' ').append(shellQuoted(v));
        }
      }
    }
    return c.toString();
  }

  private static String shellQuoted(String s) {
    return s.matches("[A-Za-z0-9._:/-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  private static String authors(List<String> authors) {
    return authors.size() <= 3
        ? String.join(", ", authors)
        : String.join(", ", authors.subList(0, 3)) + " et al.";
  }
}
