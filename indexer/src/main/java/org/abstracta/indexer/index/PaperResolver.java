package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.abstracta.indexer.model.Paper;
import org.abstracta.indexer.model.PaperId;
import org.abstracta.indexer.model.PaperMerger;

/**
 * Decides which document an incoming record belongs to, following the document model: records with
 * the same id merge; a record without an id merges with the document of the same normalized title
 * (preferring one with a known id); a record with an id absorbs the title-only documents of its
 * title, taking over their sources; two different known ids never merge.
 */
final class PaperResolver {
  private PaperResolver() {}

  static Resolution resolve(Paper incoming, String titleKey, PaperLookup lookup)
      throws IOException {
    List<Paper> sameTitle = titleKey.isEmpty() ? List.of() : lookup.byTitleKey(titleKey);
    List<String> absorbed = new ArrayList<>();
    Paper existing;
    if (!PaperId.isTitleDerived(incoming.id())) {
      existing = lookup.byId(incoming.id());
      Paper merged = PaperMerger.merge(existing, incoming);
      for (Paper p : sameTitle) {
        if (PaperId.isTitleDerived(p.id())) {
          merged = PaperMerger.merge(merged, p);
          absorbed.add(p.id());
        }
      }
      return new Resolution(merged, existing, absorbed);
    }
    existing = null;
    for (Paper p : sameTitle) { // prefer the document that has a known id
      if (!PaperId.isTitleDerived(p.id())) {
        existing = p;
        break;
      }
    }
    if (existing == null) existing = sameTitle.isEmpty() ? null : sameTitle.getFirst();
    Paper merged = PaperMerger.merge(existing, incoming);
    if (existing != null && !PaperId.isTitleDerived(existing.id())) {
      for (Paper p : sameTitle) {
        if (PaperId.isTitleDerived(p.id())) {
          merged = PaperMerger.merge(merged, p);
          absorbed.add(p.id());
        }
      }
    }
    return new Resolution(merged, existing, absorbed);
  }

  /** The keys a record's write depends on: any two records sharing one must be merged in order. */
  static Set<String> claimKeys(Paper incoming, String titleKey, Resolution r) {
    Set<String> keys = new LinkedHashSet<>(8);
    keys.add("id:" + r.merged().id());
    keys.add("id:" + incoming.id());
    if (!titleKey.isEmpty()) keys.add("title:" + titleKey);
    for (String id : r.absorbed()) keys.add("id:" + id);
    return keys;
  }
}
