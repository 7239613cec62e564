package org.abstracta.searchapi.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperType;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.FacetResult.FacetValue;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.IndexStats;
import org.abstracta.searchapi.search.InvalidRequestException;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.Suggestion;

/**
 * A {@link SearchService} with three fixed papers, so the HTTP layer is tested on its own. It
 * remembers the last request it was given; the query {@code boom} is refused as the real service
 * refuses a query past its limits, and {@code crash} fails as a server fault would.
 */
final class FakeSearchService implements SearchService {
  static final Subject CS_LG = new Subject("cs.LG", "Machine Learning");
  static final Subject CS_CY = new Subject("cs.CY", "Computers and Society");
  static final Subject HEP_PH = new Subject("hep-ph", "High Energy Physics - Phenomenology");

  static final Paper EPISTEMIC =
      paper(
          "2303.16212",
          "Epistemic Injustice in Generative AI",
          List.of(CS_CY, CS_LG),
          "2023-03-28");
  static final Paper OLD_STYLE =
      paper("hep-ph/0701001", "Neutrino masses from old-style ids", List.of(HEP_PH), "2007-01-01");
  static final Paper WITH_DOI =
      paper("10.1234/abc.def", "A paper known by its DOI", List.of(CS_LG), "2020-05-01");
  static final List<Paper> PAPERS = List.of(EPISTEMIC, OLD_STYLE, WITH_DOI);

  final AtomicReference<SearchRequest> lastRequest = new AtomicReference<>();
  final AtomicReference<String> lastSuggestPrefix = new AtomicReference<>();
  volatile boolean closed;
  volatile boolean indexUnreadable;

  private static Paper paper(String id, String title, List<Subject> subjects, String date) {
    return Paper.builder()
        .id(id)
        .type(PaperType.PAPER)
        .title(title)
        .abstractText("An abstract about " + title.toLowerCase(java.util.Locale.ROOT) + ".")
        .authors(List.of("Jackie Kay", "Atoosa Kasirzadeh"))
        .subjects(subjects)
        .date(LocalDate.parse(date))
        .sources(List.of(new Source("000_seed.txt", "author-page", "Jackie Kay")))
        .build();
  }

  static Hit hit(Paper p, float score, String explanation) {
    return new Hit(
        p.id(),
        score,
        p.title(),
        p.authors(),
        p.subjects(),
        p.date(),
        p.type().value(),
        p.hasCode(),
        new Hit.Highlights("<mark>" + p.title() + "</mark>", "An abstract &amp; more"),
        explanation,
        p.yearInferred(),
        p.inferredSubjects(),
        null);
  }

  @Override
  public SearchResult search(SearchRequest request) {
    lastRequest.set(request);
    if (request.query().equals("boom")) {
      throw new InvalidRequestException("q", "query_too_long", "q must be at most 10 characters");
    }
    if (request.query().equals("crash")) {
      throw new IllegalStateException("secret internal detail");
    }
    String why = request.explain() ? "matched epistemic in the title" : null;
    List<Hit> hits =
        List.of(
            hit(EPISTEMIC, 3.5f, why), hit(WITH_DOI, request.explain() ? 1.25f : Float.NaN, why));
    List<String> subjects = request.filters().getOrDefault("subject", List.of());
    FacetResult subject =
        new FacetResult(
            "subject",
            List.of(
                new FacetValue(
                    "cs",
                    "Computer Science",
                    2,
                    subjects.contains("cs"),
                    List.of(
                        new FacetValue(
                            "cs.LG", "Machine Learning", 2, subjects.contains("cs.LG"), List.of()),
                        new FacetValue("cs.CY", "Computers and Society", 1, false, List.of())))));
    FacetResult year =
        new FacetResult(
            "year",
            List.of(
                new FacetValue("2023", "2023", 1, false, List.of()),
                new FacetValue("2020", "2020", 1, false, null)));
    List<FacetResult> facets =
        request.facets() == null
            ? List.of(subject, year)
            : List.of(subject, year).stream()
                .filter(f -> request.facets().contains(f.dim()))
                .toList();
    return new SearchResult(
        2,
        true,
        0.42,
        hits,
        facets,
        "c2",
        request.query().equals("epistemc") ? "epistemic" : null,
        false,
        SearchResult.Matched.ALL,
        null,
        List.of(),
        List.of(),
        SearchMode.KEYWORD,
        null);
  }

  @Override
  public Optional<Paper> paper(String id) {
    String bare = id.startsWith("arXiv:") ? id.substring(6) : id;
    return PAPERS.stream().filter(p -> p.id().equals(bare)).findFirst();
  }

  @Override
  public List<Hit> similar(String id, int size) {
    return PAPERS.stream()
        .filter(p -> !p.id().equals(id))
        .limit(size)
        .map(p -> hit(p, 1f, null))
        .toList();
  }

  @Override
  public List<Suggestion> suggest(String prefix, int size) {
    lastSuggestPrefix.set(prefix);
    return List.of(
            new Suggestion("reinforcement learning", "term", null),
            new Suggestion("Reinforcement Learning from Human Feedback", "title", "2303.16212"),
            new Suggestion("Reiner Pope", "author", null))
        .stream()
        .limit(size)
        .toList();
  }

  @Override
  public FacetResult facetValues(String dim, String prefix, int size) {
    List<FacetValue> authors =
        List.of(
            new FacetValue("Jackie Kay", "Jackie Kay", 19, false, List.of()),
            new FacetValue("Atoosa Kasirzadeh", "Atoosa Kasirzadeh", 3, false, List.of()));
    return new FacetResult(
        dim,
        authors.stream()
            .filter(
                v ->
                    prefix == null
                        || v.value()
                            .toLowerCase(java.util.Locale.ROOT)
                            .startsWith(prefix.toLowerCase(java.util.Locale.ROOT)))
            .limit(size)
            .toList());
  }

  @Override
  public IndexStats stats() {
    if (indexUnreadable) throw new IllegalStateException("index directory is gone");
    return new IndexStats(PAPERS.size(), Map.of("paper", 3L), "2026-01-01T00:00:00Z", 7);
  }

  @Override
  public void close() {
    closed = true;
  }
}
