package org.abstracta.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Facets;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.indexer.schema.PaperDocuments;
import org.abstracta.searchapi.search.FacetResult;
import org.abstracta.searchapi.search.Hit;
import org.abstracta.searchapi.search.SearchMode;
import org.abstracta.searchapi.search.SearchRequest;
import org.abstracta.searchapi.search.SearchResult;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.SortOrder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Derives the benchmark's query mix from the corpus itself, deterministically (same index contents
 * and seed, same queries), never by hand:
 *
 * <ul>
 *   <li>The vocabulary is every exact (unstemmed) title word of 3–20 letters a–z that is not an
 *       English stop word and whose title document frequency lies in the middle band [N/2000,
 *       N/50]; words are taken in term-dictionary order and sampled with {@code Random(seed)}.
 *   <li>Each word query starts from a sampled word w and one paper whose title contains w (the
 *       papers sorted by id, one picked by the same random source). Two and three words: w and one
 *       or two other vocabulary words of that title, in title order. Phrase: two adjacent words of
 *       that title (non-stop, document frequency at least N/2000), preferring a pair with w.
 *   <li>Field queries alternate {@code title:w} and {@code author:"Name"}, the name sampled (by
 *       name order) from the 1,000 most frequent values of the author facet with at least two
 *       papers. Prefix: w (6+ letters) cut by three letters, at least four kept, then {@code *}.
 *       Fuzzy: w (5+ letters) with one inner letter dropped, then {@code ~}.
 *   <li>The subject of the filtered variant is the archive of the source paper's primary subject
 *       (for author queries: of the author's newest paper).
 *   <li>A two- or three-word query that the engine reads as a sentence ({@code how well can}: a
 *       question word or an auxiliary verb) is labelled {@code sentence} instead: ranked by meaning
 *       over a lower bound of matches, it is not one of the keyword queries the headline measures
 *       (with an exact total). The label changes nothing else: the same seed gives the same
 *       queries.
 * </ul>
 */
final class QueryMix {
  static final List<String> KINDS =
      List.of("one", "two", "three", "phrase", "field", "prefix", "fuzzy");

  /** The label of a two- or three-word query that the engine reads as a sentence. */
  static final String SENTENCE = "sentence";

  /** Every label of the query file: the kinds, then {@link #SENTENCE}. */
  static final List<String> LABELS =
      java.util.stream.Stream.concat(KINDS.stream(), java.util.stream.Stream.of(SENTENCE)).toList();

  private static final Pattern WORD = Pattern.compile("[a-z]{3,20}");
  private static final int MAX_ATTEMPTS = 10_000;

  private final IndexReader reader;
  private final SearchService service;
  private final Random random;
  private final Analyzer analyzer = Analyzers.text();
  private final int low;
  private final int high;
  private final List<String> vocabulary = new ArrayList<>();
  private final Set<String> inBandOrMore = new HashSet<>();

  QueryMix(IndexReader reader, SearchService service, long seed) throws IOException {
    this.reader = reader;
    this.service = service;
    this.random = new Random(seed);
    int n = reader.numDocs();
    this.low = Math.max(2, n / 2000);
    this.high = Math.max(low + 1, n / 50);
    Terms terms = MultiTerms.getTerms(reader, Fields.TITLE);
    if (terms == null) throw new IOException("the index has no titles");
    TermsEnum te = terms.iterator();
    BytesRef mark = new BytesRef(Analyzers.EXACT_MARK);
    te.seekCeil(mark);
    for (BytesRef t = te.term(); t != null; t = te.next()) {
      String s = t.utf8ToString();
      if (!s.startsWith(Analyzers.EXACT_MARK)) break;
      String word = s.substring(Analyzers.EXACT_MARK.length());
      if (!WORD.matcher(word).matches() || EnglishAnalyzer.ENGLISH_STOP_WORDS_SET.contains(word)) {
        continue;
      }
      int df = te.docFreq();
      if (df >= low) inBandOrMore.add(word);
      if (df >= low && df <= high) vocabulary.add(word);
    }
    if (vocabulary.size() < 10) {
      throw new IOException(
          "too few title words in the band [" + low + ", " + high + "] to derive queries");
    }
  }

  String describe() {
    return String.format(
        "%,d documents; vocabulary: %,d title words with document frequency in [%d, %d]",
        reader.numDocs(), vocabulary.size(), low, high);
  }

  List<BenchQuery> generate(int perKind) throws IOException {
    List<String> authors = authors();
    List<BenchQuery> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String kind : KINDS) {
      int made = 0;
      for (int attempt = 0; made < perKind && attempt < MAX_ATTEMPTS; attempt++) {
        BenchQuery q = make(kind, made, authors);
        if (q != null && seen.add(q.query())) {
          out.add(readAsSentence(q) ? new BenchQuery(SENTENCE, q.subject(), q.query()) : q);
          made++;
        }
      }
      if (made < perKind) throw new IOException("could derive only " + made + " " + kind);
    }
    return out;
  }

  /** Whether the engine ranks {@code q}, a query of words, as a sentence rather than keywords. */
  private boolean readAsSentence(BenchQuery q) {
    if (!q.headline()) return false;
    SearchRequest r =
        new SearchRequest(
            q.query(),
            Map.of(),
            SortOrder.RELEVANCE,
            1,
            0,
            null,
            Set.of(),
            false,
            false,
            SearchMode.KEYWORD);
    return service.search(r).matched() == SearchResult.Matched.RANKED;
  }

  private BenchQuery make(String kind, int i, List<String> authors) throws IOException {
    String w = vocabulary.get(random.nextInt(vocabulary.size()));
    if (kind.equals("field") && i % 2 == 1) {
      if (authors.isEmpty()) return null;
      String name = authors.get(random.nextInt(authors.size()));
      return new BenchQuery(kind, authorSubject(name), "author:\"" + name + "\"");
    }
    Paper p = paperWithTitleWord(w);
    if (p == null) return null;
    String subject = p.subjects().isEmpty() ? "cs" : p.subjects().get(0).archive();
    String q =
        switch (kind) {
          case "one" -> w;
          case "two" -> withTitleWords(w, p, 1);
          case "three" -> withTitleWords(w, p, 2);
          case "phrase" -> phrase(w, p);
          case "field" -> "title:" + w;
          case "prefix" ->
              w.length() < 6 ? null : w.substring(0, Math.max(4, w.length() - 3)) + "*";
          case "fuzzy" -> {
            if (w.length() < 5) yield null;
            int drop = 1 + random.nextInt(w.length() - 2);
            yield w.substring(0, drop) + w.substring(drop + 1) + "~";
          }
          default -> throw new IllegalArgumentException(kind);
        };
    return q == null ? null : new BenchQuery(kind, subject, q);
  }

  /** w and {@code others} other vocabulary words of the title, in title order. */
  private String withTitleWords(String w, Paper p, int others) {
    List<String> words = new ArrayList<>(new LinkedHashSet<>(exactWords(p.title()).values()));
    List<String> candidates = new ArrayList<>();
    for (String x : words) if (!x.equals(w) && vocabulary.contains(x)) candidates.add(x);
    if (candidates.size() < others) return null;
    java.util.Collections.shuffle(candidates, random);
    Set<String> chosen = new HashSet<>(candidates.subList(0, others));
    chosen.add(w);
    List<String> ordered = new ArrayList<>();
    for (String x : words) if (chosen.contains(x)) ordered.add(x);
    return String.join(" ", ordered);
  }

  private String phrase(String w, Paper p) {
    Map<Integer, String> at = exactWords(p.title());
    List<String> pairs = new ArrayList<>();
    List<String> withW = new ArrayList<>();
    for (Map.Entry<Integer, String> e : at.entrySet()) {
      String a = e.getValue();
      String b = at.get(e.getKey() + 1);
      if (b == null || !inBandOrMore.contains(a) || !inBandOrMore.contains(b)) continue;
      String pair = "\"" + a + " " + b + "\"";
      pairs.add(pair);
      if (a.equals(w) || b.equals(w)) withW.add(pair);
    }
    List<String> from = withW.isEmpty() ? pairs : withW;
    return from.isEmpty() ? null : from.get(random.nextInt(from.size()));
  }

  /** The title's exact words (lower case, accents folded, not stemmed) by position. */
  private Map<Integer, String> exactWords(String title) {
    Map<Integer, String> out = new TreeMap<>();
    try (TokenStream ts = analyzer.tokenStream(Fields.TITLE, title)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int pos = -1;
      while (ts.incrementToken()) {
        pos += inc.getPositionIncrement();
        String t = term.toString();
        if (t.startsWith(Analyzers.EXACT_MARK)) out.put(pos, t.substring(1));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One paper whose title has the exact word {@code w}: the papers sorted by id, one sampled. */
  private Paper paperWithTitleWord(String w) throws IOException {
    BytesRef term = new BytesRef(Analyzers.EXACT_MARK + w);
    List<Object[]> found = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      PostingsEnum docs =
          leaf.reader().postings(new org.apache.lucene.index.Term(Fields.TITLE, term));
      if (docs == null) continue;
      SortedDocValues ids = leaf.reader().getSortedDocValues(Fields.ID);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
        if (live != null && !live.get(d)) continue;
        if (ids == null || !ids.advanceExact(d)) continue;
        found.add(new Object[] {ids.lookupOrd(ids.ordValue()).utf8ToString(), leaf, d});
      }
    }
    if (found.isEmpty()) return null;
    found.sort(Comparator.comparing(o -> (String) o[0]));
    Object[] pick = found.get(random.nextInt(found.size()));
    LeafReaderContext leaf = (LeafReaderContext) pick[1];
    return PaperDocuments.load(leaf.reader().storedFields(), (Integer) pick[2]);
  }

  private List<String> authors() {
    FacetResult top = service.facetValues(Facets.AUTHOR, "", 1_000);
    List<String> out = new ArrayList<>();
    for (FacetResult.FacetValue v : top.values()) {
      if (v.count() >= 2 && !v.value().contains("\"")) out.add(v.value());
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private String authorSubject(String name) {
    SearchRequest r =
        new SearchRequest(
            "",
            Map.of(Facets.AUTHOR, List.of(name)),
            SortOrder.NEWEST,
            1,
            1,
            null,
            Set.of(),
            false);
    List<Hit> hits = service.search(r).hits();
    if (hits.isEmpty() || hits.get(0).subjects().isEmpty()) return "cs";
    return hits.get(0).subjects().get(0).archive();
  }
}
