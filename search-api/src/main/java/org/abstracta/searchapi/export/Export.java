package org.abstracta.searchapi.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.abstracta.indexer.model.Paper;
import org.abstracta.searchapi.search.SearchRequest;

/**
 * What one export holds: the papers, and what the file is called and where it lives.
 *
 * @param papers the papers, in the order of the results they came from
 * @param title what a feed reader or calendar program shows as the file's name
 * @param key a canonical form of what was asked (the query, its filters and order, or one paper's
 *     id): the same question gives the same key, and so the same feed id
 * @param fileStem the file name without extension ({@code abstracta-diffusion-policy})
 * @param baseUrl {@code scheme://host[:port]} of this service, for links to the paper pages
 * @param selfUrl the address of this export
 * @param pageUrl the address of the same results as a page
 * @param total how many papers match in all (more than {@code papers} when paged)
 * @param generated when the index was last written: the feed's update time
 */
public record Export(
    List<Paper> papers,
    String title,
    String key,
    String fileStem,
    String baseUrl,
    String selfUrl,
    String pageUrl,
    long total,
    Instant generated) {

  /** Longest file name stem made from a query. */
  private static final int MAX_STEM = 60;

  public Export {
    papers = List.copyOf(papers);
  }

  /** The export of one page of search results. */
  public static Export ofSearch(
      SearchRequest request,
      List<Paper> papers,
      long total,
      String baseUrl,
      String selfUrl,
      String pageUrl,
      Instant generated) {
    Map<String, List<String>> filters = new TreeMap<>(request.filters());
    StringBuilder key = new StringBuilder("search?q=").append(request.query().strip());
    List<String> said = new ArrayList<>();
    List<String> words = new ArrayList<>();
    if (!request.query().isBlank()) {
      said.add("“" + request.query().strip() + "”");
      words.add(request.query());
    }
    for (Map.Entry<String, List<String>> f : filters.entrySet()) {
      List<String> values = f.getValue().stream().sorted().toList();
      key.append('&').append(f.getKey()).append('=').append(String.join("|", values));
      said.add(capitalized(f.getKey()) + ": " + String.join(" or ", values));
      words.addAll(values);
    }
    key.append("&sort=").append(request.sort().name().toLowerCase(Locale.ROOT));
    String title = "Abstracta: " + (said.isEmpty() ? "all papers" : String.join(", ", said));
    String stem = slug(String.join(" ", words));
    return new Export(
        papers,
        title,
        key.toString(),
        stem.isEmpty() ? "abstracta-all" : "abstracta-" + stem,
        baseUrl,
        selfUrl,
        pageUrl,
        total,
        generated);
  }

  /** The export of one paper; its page is the paper's page. */
  public static Export ofPaper(Paper paper, String baseUrl, String selfUrl, Instant generated) {
    String stem = slug(paper.id());
    return new Export(
        List.of(paper),
        "Abstracta: " + paper.title(),
        "paper:" + paper.id(),
        stem.isEmpty() ? "paper" : stem,
        baseUrl,
        selfUrl,
        paperUrl(baseUrl, paper),
        1,
        generated);
  }

  /** The paper's page on this service. */
  public String paperUrl(Paper p) {
    return paperUrl(baseUrl, p);
  }

  private static String paperUrl(String baseUrl, Paper p) {
    String id = URLEncoder.encode(p.id(), StandardCharsets.UTF_8).replace("%2F", "/");
    return baseUrl + "/papers/" + id;
  }

  /** The file name for a format: {@code abstracta-diffusion-policy.bib}. */
  public String fileName(ExportFormat format) {
    return fileStem + "." + format.extension();
  }

  /** ASCII letters, digits and dots, words joined by hyphens: safe in any file name. */
  static String slug(String text) {
    String folded =
        Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
            .replaceAll("\\p{M}+", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9.]+", "-")
            .replaceAll("^[-.]+|[-.]+$", "");
    if (folded.length() <= MAX_STEM) return folded;
    return folded.substring(0, MAX_STEM).replaceAll("[-.]+$", "");
  }

  private static String capitalized(String dim) {
    return dim.equals("hasCode")
        ? "Code"
        : dim.substring(0, 1).toUpperCase(Locale.ROOT) + dim.substring(1);
  }
}
