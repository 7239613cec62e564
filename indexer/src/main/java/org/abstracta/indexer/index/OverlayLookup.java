package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.text.TitleKey;

/**
 * A {@link PaperLookup} that sees the writes made since its base reader was opened: what the
 * sequential end-of-run merge step uses, so that each deferred record sees the ones before it.
 */
final class OverlayLookup implements PaperLookup {
  private final PaperLookup base;
  private final Map<String, Paper> written = new HashMap<>();
  private final Set<String> deleted = new HashSet<>();
  private final Map<String, Set<String>> writtenByTitle = new HashMap<>();
  private final Map<String, Map<String, float[]>> writtenVectors = new HashMap<>();

  OverlayLookup(PaperLookup base) {
    this.base = base;
  }

  /** Records that {@code paper} was written, with {@code vectors}. */
  void put(Paper paper, Map<String, float[]> vectors) {
    written.put(paper.id(), paper);
    writtenVectors.put(paper.id(), vectors);
    deleted.remove(paper.id());
    writtenByTitle
        .computeIfAbsent(TitleKey.of(paper.title()), k -> new HashSet<>())
        .add(paper.id());
  }

  void delete(String id) {
    written.remove(id);
    writtenVectors.remove(id);
    deleted.add(id);
  }

  @Override
  public Paper byId(String id) throws IOException {
    if (deleted.contains(id)) return null;
    Paper p = written.get(id);
    return p != null ? p : base.byId(id);
  }

  @Override
  public List<Paper> byTitleKey(String titleKey) throws IOException {
    List<Paper> out = new ArrayList<>();
    for (Paper p : base.byTitleKey(titleKey)) {
      if (!deleted.contains(p.id()) && !written.containsKey(p.id())) out.add(p);
    }
    for (String id : writtenByTitle.getOrDefault(titleKey, Set.of())) {
      Paper p = written.get(id);
      if (p != null && TitleKey.of(p.title()).equals(titleKey)) out.add(p);
    }
    out.sort(Comparator.comparing(Paper::id));
    return out;
  }

  @Override
  public Map<String, float[]> vectors(String id) throws IOException {
    if (deleted.contains(id)) return Map.of();
    Map<String, float[]> v = writtenVectors.get(id);
    return v != null ? v : base.vectors(id);
  }
}
