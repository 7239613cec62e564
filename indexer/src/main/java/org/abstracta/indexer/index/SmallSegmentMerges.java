package org.abstracta.indexer.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * The merge policy of every index writer: Lucene's tiered merges while a run writes, and at the end
 * of a run ({@link #mergeAndCommit}) its small segments merged into one — or, after a run that
 * wrote most of the index (the embedding stage embedding every paper), the whole index.
 *
 * <p>Why: every query pays for every segment (each term is looked up, the matches scored and each
 * vector graph searched once per segment), and an index ends a run with a long tail of small ones:
 * the embedding stage commits a batch of 256 papers at a time, and a daily run adds one. The tiered
 * policy leaves up to ten segments per tier. Merging the segments smaller than a tenth of the
 * largest into one takes a few seconds (they are small) and leaves a handful; on the 112,871-paper
 * index with vectors it went from 11 segments to 2 and hybrid search from 37 to 30 ms
 * (docs/performance.md). After a small run the large segments are left alone: rewriting them every
 * time would cost minutes at millions of papers. A run that wrote most of the index (the embedding
 * stage embedding every paper: hours at 100,000 papers) has just rewritten those papers anyway:
 * merged whole (8.6 s for the 112,788 arXiv papers, flushed as segments of 55,186, 57,589 and 13),
 * a 2–3 word query's search takes a fifth less time — unless the one segment would pass the tiered
 * policy's largest (5 GB), which stays the limit. An indexing run merges only its small segments: a
 * whole merge added 14 s to the 32 s of building those 112,788 papers.
 */
public final class SmallSegmentMerges extends FilterMergePolicy {
  /** A segment is small below this fraction of the largest (by live size). */
  static final int SMALL_FRACTION = 10;

  SmallSegmentMerges(MergePolicy tiered) {
    super(tiered);
  }

  /**
   * The next forced merge merges the whole index (set for the length of {@link #mergeAndCommit}).
   */
  private volatile boolean whole;

  /**
   * After a run's last commit: merges the small segments of {@code writer}'s index into one — all
   * of its segments if {@code wroteMost} and they fit one segment of the tiered policy — waits for
   * it and commits the result (a commit of its own: a kill during the merge leaves the run's).
   * Nothing happens with fewer than two segments to merge.
   *
   * @param wroteMost the run added or rewrote at least half of the index's papers
   * @throws IllegalArgumentException for a writer not made by {@link IndexWriterFactory}
   */
  public static void mergeAndCommit(IndexWriter writer, boolean wroteMost) throws IOException {
    if (!(writer.getConfig().getMergePolicy() instanceof SmallSegmentMerges policy)) {
      throw new IllegalArgumentException("the writer does not merge with SmallSegmentMerges");
    }
    policy.whole = wroteMost;
    try {
      // A forced merge under this policy is the small segments' merge, or the whole index's.
      writer.forceMerge(1);
    } finally {
      policy.whole = false;
    }
    if (writer.hasUncommittedChanges()) writer.commit();
  }

  /**
   * The segments of {@code infos} smaller than a tenth of the largest, as one merge (segments
   * merging already left out); null when fewer than two. Called again when that merge is done: by
   * then one small segment is left, and it stops.
   */
  @Override
  public MergeSpecification findForcedMerges(
      SegmentInfos infos,
      int maxSegmentCount,
      Map<SegmentCommitInfo, Boolean> segmentsToMerge,
      MergeContext context)
      throws IOException {
    if (whole && fitsOneSegment(infos, context)) {
      return super.findForcedMerges(infos, maxSegmentCount, segmentsToMerge, context);
    }
    long largest = 0;
    for (SegmentCommitInfo s : infos) largest = Math.max(largest, size(s, context));
    Set<SegmentCommitInfo> merging = context.getMergingSegments();
    List<SegmentCommitInfo> small = new ArrayList<>();
    for (SegmentCommitInfo s : infos) {
      if (segmentsToMerge.containsKey(s)
          && !merging.contains(s)
          && size(s, context) * SMALL_FRACTION < largest) {
        small.add(s);
      }
    }
    if (small.size() < 2) return null;
    MergeSpecification spec = new MergeSpecification();
    spec.add(new OneMerge(small));
    return spec;
  }

  /** Whether the segments fit in one segment of the tiered policy's largest. */
  private boolean fitsOneSegment(SegmentInfos infos, MergeContext context) throws IOException {
    long bytes = 0;
    for (SegmentCommitInfo s : infos) bytes += size(s, context);
    return in instanceof TieredMergePolicy tiered
        && bytes <= tiered.getMaxMergedSegmentMB() * 1024 * 1024;
  }
}
