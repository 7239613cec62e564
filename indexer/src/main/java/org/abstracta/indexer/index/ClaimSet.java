package org.abstracta.indexer.index;

/**
 * The keys (ids, titles) that records of this run have claimed, as 64-bit hashes in striped
 * open-addressing tables: about 16 bytes a key, so a 2.5-million-paper run claims its keys in under
 * 100 MB. A hash collision only makes a record look like a duplicate; it is then merged in the
 * sequential end-of-run pass against the real documents, so the result is still exact.
 */
final class ClaimSet {
  private static final int STRIPES = 64;
  private final Stripe[] stripes = new Stripe[STRIPES];

  ClaimSet() {
    for (int i = 0; i < STRIPES; i++) stripes[i] = new Stripe();
  }

  /** Claims {@code key}; false if it was claimed before. */
  boolean claim(String key) {
    long h = hash(key);
    Stripe s = stripes[(int) (h >>> 58)];
    synchronized (s) {
      return s.add(h);
    }
  }

  static long hash(String key) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < key.length(); i++) h = (h ^ key.charAt(i)) * 0x100000001B3L;
    // fmix64 from MurmurHash3: spreads the bits so stripes and slots are evenly used.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h; // 0 marks an empty slot
  }

  private static final class Stripe {
    private long[] slots = new long[256];
    private int size;

    boolean add(long h) {
      if (size * 3 >= slots.length * 2) grow();
      boolean added = insert(slots, h);
      if (added) size++;
      return added;
    }

    private boolean insert(long[] table, long h) {
      int mask = table.length - 1;
      for (int i = (int) h & mask; ; i = (i + 1) & mask) {
        if (table[i] == h) return false;
        if (table[i] == 0) {
          table[i] = h;
          return true;
        }
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      for (long h : old) if (h != 0) insert(slots, h);
    }
  }
}
