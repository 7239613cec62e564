package org.abstracta.indexer.index;

import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.IndexWriter;

/**
 * The user data of the index's commits: each writer updates its own keys and keeps the others (the
 * keyword indexer's {@code abstracta.schema} and {@code abstracta.run}, the embedding stage's
 * {@code abstracta.vectors.*}), so no stage erases what another recorded.
 */
public final class CommitData {
  private CommitData() {}

  /** Sets {@code entries} in the data of {@code writer}'s next commit, keeping its other keys. */
  public static void update(IndexWriter writer, Map<String, String> entries) {
    Map<String, String> data = new TreeMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) for (Map.Entry<String, String> e : live) data.put(e.getKey(), e.getValue());
    data.putAll(entries);
    writer.setLiveCommitData(data.entrySet());
  }
}
