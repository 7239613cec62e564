package org.abstracta.indexer.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled model, loaded once for these tests as the application loads it. */
class EmbeddingModelTest {
  private static EmbeddingModel model;

  @BeforeAll
  static void load() {
    model = TestModel.get();
  }

  private static double dot(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) d += a[i] * b[i];
    return d;
  }

  @Test
  void vectors_equal_the_reference_implementations() {
    // The first components langchain4j 0.36.2's BgeSmallEnV15QuantizedEmbeddingModel gives this
    // text (its own tokenizer and pooling over the same model file).
    float[] expected = {
      -0.051033698f, -0.013864429f, 0.008717402f, -0.02680758f, -0.012458981f, 0.015612709f
    };
    float[] v = model.embed("Epistemic Injustice in Generative AI");
    assertEquals(384, v.length);
    for (int i = 0; i < expected.length; i++) assertEquals(expected[i], v[i], 1e-5, "at " + i);
    assertEquals(1.0, dot(v, v), 1e-5);
  }

  @Test
  void a_text_longer_than_the_model_reads_is_embedded_in_equal_windows() {
    // "word" is one word piece: 510 fit one window; 511 need two; 1,200 three of 400.
    assertEquals(1, model.windowCount("word ".repeat(510)));
    assertEquals(2, model.windowCount("word ".repeat(511)));
    assertEquals(3, model.windowCount("word ".repeat(1200)));
    assertEquals(0, model.windowCount(" "));
    String sentence =
        "Large language models are trained on web text and then aligned with human preferences. ";
    String longText = sentence.repeat(40); // 16 word pieces a sentence: 640
    assertEquals(2, model.windowCount(longText));
    float[] whole = model.embed(longText);
    assertEquals(1.0, dot(whole, whole), 1e-5);
    // The tail counts: the mean of the two windows differs from the text cut at 510 pieces.
    float[] cut = model.embedCut(longText);
    assertTrue(dot(whole, cut) < 0.9999, "cos " + dot(whole, cut));
    assertArrayEquals(model.embed(sentence), model.embedCut(sentence)); // short: nothing cut
  }

  @Test
  void a_query_is_closest_to_the_paper_it_paraphrases() {
    String[] papers = {
      "Star formation histories of dwarf galaxies from resolved stellar photometry",
      "A quadruped robot learns to walk over rough terrain with reinforcement learning",
      "Single-cell RNA sequencing of tumour-infiltrating T cells",
    };
    float[] q = model.embedQuery("legged robots learning locomotion");
    int best = -1;
    double bestScore = -2;
    for (int i = 0; i < papers.length; i++) {
      double s = dot(q, model.embed(papers[i]));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    assertEquals(1, best);
  }

  @Test
  void threads_sharing_the_model_get_the_vectors_one_thread_gets() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 16; i++) texts.add("Paper " + i + " on graph neural networks and proteins");
    List<float[]> alone = new ArrayList<>();
    for (String t : texts) alone.add(model.embed(t));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<float[]>> shared = new ArrayList<>();
      for (String t : texts) shared.add(pool.submit(() -> model.embed(t)));
      for (int i = 0; i < texts.size(); i++) assertArrayEquals(alone.get(i), shared.get(i).get());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void a_closed_model_refuses_to_embed() throws IOException {
    EmbeddingModel other = EmbeddingModel.load();
    other.close();
    other.close(); // closing twice is harmless
    assertThrows(IllegalStateException.class, () -> other.embed("text"));
  }

  @Test
  void the_bundled_model_is_the_file_its_version_names() throws Exception {
    byte[] file = EmbeddingModel.resource(EmbeddingModel.MODEL_RESOURCE);
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    assertTrue(
        model.model().version().endsWith(sha256.substring(0, 16)),
        "the model file changed (sha256 " + sha256 + "): give ModelInfo a new version and key");
  }
}
