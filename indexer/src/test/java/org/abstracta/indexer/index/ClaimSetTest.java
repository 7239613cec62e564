package org.abstracta.indexer.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClaimSetTest {

  @Test
  void a_key_is_claimed_once() {
    ClaimSet set = new ClaimSet();
    assertTrue(set.claim("id:2303.16212"));
    assertFalse(set.claim("id:2303.16212"));
    assertTrue(set.claim("title:2303 16212"));
  }

  @Test
  void growing_keeps_every_key() {
    ClaimSet set = new ClaimSet();
    for (int i = 0; i < 200_000; i++) assertTrue(set.claim("id:" + i));
    for (int i = 0; i < 200_000; i++) assertFalse(set.claim("id:" + i), "id:" + i);
  }

  @Test
  void concurrent_claims_of_one_key_have_exactly_one_winner() throws Exception {
    ClaimSet set = new ClaimSet();
    AtomicInteger winners = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] futures = new Future<?>[4];
      for (int t = 0; t < 4; t++) {
        futures[t] =
            pool.submit(
                () -> {
                  for (int i = 0; i < 50_000; i++)
                    if (set.claim("k" + i)) winners.incrementAndGet();
                });
      }
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdown();
    }
    assertEquals(50_000, winners.get());
  }
}
