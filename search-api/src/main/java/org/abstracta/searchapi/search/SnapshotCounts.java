package org.abstracta.searchapi.search;

/**
 * How the served index snapshots come and go, for leak checks and {@code /metrics}: a snapshot is
 * an open index reader; a searcher in use is one a request holds.
 *
 * @param opened snapshots opened since the service started (one per picked-up commit)
 * @param closed snapshots closed since: once newer ones replace them and no request holds them
 * @param inUse searchers held by requests right now
 */
public record SnapshotCounts(long opened, long closed, long inUse) {

  /** Snapshots open now: 1 while idle, briefly more while requests finish on an older one. */
  public long open() {
    return opened - closed;
  }
}
