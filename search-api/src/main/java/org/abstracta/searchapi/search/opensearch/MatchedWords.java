package org.abstracta.searchapi.search.opensearch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.schema.Analyzers;
import org.abstracta.indexer.schema.Fields;
import org.abstracta.searchapi.search.query.TextAnalysis;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The index terms a query matched in one paper's title and abstract, for its highlights: the terms
 * of its words and phrases, and the words of the paper that its prefixes start or its fuzzy words
 * come within their edits of (OpenSearch expands those itself and does not say to what).
 */
final class MatchedWords {
  private MatchedWords() {}

  static Map<String, Set<String>> of(QueryMapper.Mapped m, Paper p) {
    if (m.loose().isEmpty()) return m.terms();
    Map<String, Set<String>> out = new HashMap<>();
    m.terms().forEach((f, t) -> out.put(f, new HashSet<>(t)));
    List<CharacterRunAutomaton> fuzzy =
        m.loose().stream()
            .filter(l -> !l.prefix())
            .map(
                l ->
                    new CharacterRunAutomaton(
                        new LevenshteinAutomata(l.word(), true).toAutomaton(l.edits())))
            .toList();
    add(out, Fields.TITLE, p.title(), m.loose(), fuzzy);
    add(out, Fields.ABSTRACT, p.abstractText(), m.loose(), fuzzy);
    return out;
  }

  private static void add(
      Map<String, Set<String>> out,
      String field,
      String text,
      List<QueryMapper.Loose> loose,
      List<CharacterRunAutomaton> fuzzy) {
    if (text == null) return;
    Set<String> terms = out.computeIfAbsent(field, f -> new HashSet<>());
    for (TextAnalysis.Tok w : TextAnalysis.surfaceWords(text)) {
      String word = w.term();
      boolean matched = false;
      for (QueryMapper.Loose l : loose) matched |= l.prefix() && word.startsWith(l.word());
      for (CharacterRunAutomaton a : fuzzy) matched |= a.run(word);
      if (matched) terms.add(Analyzers.EXACT_MARK + word);
    }
  }
}
