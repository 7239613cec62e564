package org.abstracta.indexer.embed;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The bundled model, loaded once for all the tests of a JVM (as the application loads it once) and
 * closed when the JVM exits.
 */
final class TestModel {
  private static EmbeddingModel model;

  private TestModel() {}

  static synchronized EmbeddingModel get() {
    if (model == null) {
      try {
        model = EmbeddingModel.load();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddingModel loaded = model;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      loaded.close();
                    } catch (IOException ignored) {
                      // the JVM is exiting
                    }
                  }));
    }
    return model;
  }
}
