package org.abstracta.indexer.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperJson;
import org.abstracta.indexer.model.Source;
import org.abstracta.indexer.model.Subject;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.text.Fold;
import org.abstracta.indexer.text.TitleKey;

/**
 * The OpenSearch index that mirrors the embedded schema ({@code schema.PaperDocuments} and {@code
 * schema.Analyzers}), field for field, so that both hold the same terms and score alike:
 *
 * <ul>
 *   <li>{@code paper}: the paper's JSON (what the API returns and later runs merge into); its
 *       {@code title} and {@code abstract} are analyzed as the embedded index analyzes them — at
 *       each position the exact word marked with {@code =} and, unless a stop word, its Porter stem
 *       (stock filters: a {@code multiplexer} of {@code pattern_replace}, which marks the word, and
 *       {@code stop} then {@code porter_stem}); its {@code authors} as folded names with a gap of
 *       100 positions between names.
 *   <li>{@code id}, {@code alias}, {@code titleKey}, {@code subject} (both levels), {@code
 *       authorFolded} (names folded as {@link Fold}): keywords; {@code year}: an integer for
 *       ranges; {@code date}: the epoch day, for sorting.
 *   <li>{@code facet.*}: one keyword per facet dimension; {@code facet.subject} holds {@code cs}
 *       and {@code cs/cs.LG} (the hierarchy as paths).
 * </ul>
 *
 * Search analyzers: {@code abstracta_stems} (the stems alone, as ranked words and {@code
 * combined_fields} want them) and {@code abstracta_exact} (the marked words alone, for quoted
 * phrases).
 */
public final class OpenSearchSchema {
  /** The version of this mapping; an index of another version is rebuilt, never cloned. */
  public static final int VERSION = 2;

  public static final String PAPER = "paper";
  public static final String TITLE = "paper.title";
  public static final String ABSTRACT = "paper.abstract";
  public static final String AUTHORS = "paper.authors";
  public static final String ID = "id";
  public static final String ALIAS = "alias";
  public static final String TITLE_KEY = "titleKey";
  public static final String SUBJECT = "subject";
  public static final String YEAR = "year";
  public static final String DATE = "date";

  /** Author names lower-cased and accent-folded, to find a name's spellings. */
  public static final String AUTHOR_FOLDED = "authorFolded";

  /** The analyzer of ranked words: stems only, stop words dropped (their positions kept). */
  public static final String STEMS = "abstracta_stems";

  /** The analyzer of quoted phrases: the marked exact words only. */
  public static final String EXACT = "abstracta_exact";

  /** The analyzer of author names. */
  public static final String NAMES = "abstracta_names";

  private static final ObjectMapper JSON = PaperJson.mapper();

  private OpenSearchSchema() {}

  /** The keyword field holding a facet dimension's values. */
  public static String facetField(String dim) {
    return "facet." + dim;
  }

  /** A subject's facet value: {@code cs} for an archive, {@code cs/cs.LG} for a category. */
  public static String subjectPath(String code) {
    int dot = code.indexOf('.');
    return dot < 0 ? code : code.substring(0, dot) + "/" + code;
  }

  /**
   * The body that creates an index: analysis, mapping, {@code shards} primaries and no replicas and
   * no refreshes while a run loads it.
   */
  public static ObjectNode createBody(int shards, String run) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", 0);
    index.put("refresh_interval", "-1");
    // Pages reach 10,000 results, and each search asks for one more hit than the page.
    index.put("max_result_window", 10_100);
    // BM25 as Lucene's defaults, written out: both engines must score with the same formula.
    ObjectNode bm25 = index.putObject("similarity").putObject("default");
    bm25.put("type", "BM25").put("k1", 1.2).put("b", 0.75).put("discount_overlaps", true);
    index.set("analysis", analysis());
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put("abstracta_schema", VERSION).put("abstracta_run", run);
    ObjectNode props = mappings.putObject("properties");
    for (String f : List.of(ID, ALIAS, TITLE_KEY, SUBJECT, AUTHOR_FOLDED)) keyword(props, f);
    props.putObject(YEAR).put("type", "integer");
    props.putObject(DATE).put("type", "long");
    ObjectNode facets = props.putObject("facet").putObject("properties");
    for (String dim : Facets.ALL) keyword(facets, dim);
    ObjectNode paper = props.putObject(PAPER);
    paper.put("type", "object").put("dynamic", false);
    ObjectNode paperProps = paper.putObject("properties");
    for (String f : List.of("title", "abstract")) {
      paperProps
          .putObject(f)
          .put("type", "text")
          .put("analyzer", "abstracta_text")
          .put("search_analyzer", STEMS);
    }
    paperProps
        .putObject("authors")
        .put("type", "text")
        .put("analyzer", NAMES)
        .put("position_increment_gap", 100);
    return body;
  }

  private static void keyword(ObjectNode props, String field) {
    props.putObject(field).put("type", "keyword");
  }

  /** The analyzers of {@code schema.Analyzers}, from stock filters. */
  private static ObjectNode analysis() {
    ObjectNode analysis = JSON.createObjectNode();
    ObjectNode filters = analysis.putObject("filter");
    filters
        .putObject("abstracta_possessive")
        .put("type", "stemmer")
        .put("language", "possessive_english");
    filters.putObject("abstracta_stop").put("type", "stop").put("stopwords", "_english_");
    filters
        .putObject("abstracta_mark")
        .put("type", "pattern_replace")
        .put("pattern", "^")
        .put("replacement", Analyzers.EXACT_MARK);
    // Each word twice at its position: marked as the exact term, and (unless a stop word) stemmed.
    ObjectNode exactAndStem = filters.putObject("abstracta_exact_and_stem");
    exactAndStem.put("type", "multiplexer").put("preserve_original", false);
    exactAndStem.putArray("filters").add("abstracta_mark").add("abstracta_stop, porter_stem");
    ObjectNode analyzers = analysis.putObject("analyzer");
    List<String> words = List.of("abstracta_possessive", "lowercase", "asciifolding");
    analyzer(analyzers, "abstracta_text", words, "abstracta_exact_and_stem");
    analyzer(analyzers, STEMS, words, "abstracta_stop", "porter_stem");
    analyzer(analyzers, EXACT, words, "abstracta_mark");
    analyzer(analyzers, NAMES, List.of("lowercase", "asciifolding"));
    return analysis;
  }

  private static void analyzer(
      ObjectNode analyzers, String name, List<String> base, String... more) {
    ObjectNode a = analyzers.putObject(name);
    a.put("type", "custom").put("tokenizer", "standard");
    ArrayNode f = a.putArray("filter");
    base.forEach(f::add);
    for (String m : more) f.add(m);
  }

  /** The document for {@code paper}: the source OpenSearch stores and indexes. */
  public static ObjectNode document(Paper paper) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put(ID, paper.id());
    if (paper.doi() != null && !paper.doi().equals(paper.id())) doc.put(ALIAS, paper.doi());
    String titleKey = TitleKey.of(paper.title());
    if (!titleKey.isEmpty()) doc.put(TITLE_KEY, titleKey);
    Set<String> codes = new LinkedHashSet<>();
    Set<String> paths = new LinkedHashSet<>();
    for (Subject s : paper.subjects()) {
      codes.add(s.archive());
      codes.add(s.code());
      paths.add(s.archive());
      paths.add(subjectPath(s.code()));
    }
    strings(doc.putArray(SUBJECT), codes);
    ObjectNode facet = doc.putObject("facet");
    strings(facet.putArray(Facets.SUBJECT), paths);
    if (paper.date() != null) {
      doc.put(YEAR, paper.date().getYear());
      doc.put(DATE, paper.date().toEpochDay());
      facet.put(Facets.YEAR, Integer.toString(paper.year()));
    }
    strings(facet.putArray(Facets.AUTHOR), new LinkedHashSet<>(paper.authors()));
    Set<String> folded = new LinkedHashSet<>();
    for (String a : paper.authors()) folded.add(Fold.of(a));
    strings(doc.putArray(AUTHOR_FOLDED), folded);
    facet.put(Facets.TYPE, paper.type().value());
    facet.put(Facets.HAS_CODE, Boolean.toString(paper.hasCode()));
    Set<String> sources = new LinkedHashSet<>();
    for (Source s : paper.sources()) sources.add(s.facetValue());
    strings(facet.putArray(Facets.SOURCE), sources);
    doc.set(PAPER, JSON.valueToTree(paper));
    return doc;
  }

  private static void strings(ArrayNode array, Set<String> values) {
    values.forEach(array::add);
  }

  /** The paper of a document's source ({@code _source} of a hit or a get). */
  public static Paper paper(JsonNode source) {
    try {
      return JSON.treeToValue(source.path(PAPER), Paper.class);
    } catch (IOException e) {
      throw new UncheckedIOException("a stored paper is not readable: " + e.getMessage(), e);
    }
  }
}
