package org.abstracta.indexer.cli;

import java.nio.file.Path;

/**
 * Where the installation lives ({@code abstracta.home}, set by the {@code ./abstracta} launcher;
 * else the working directory): the default index directory and the bundled sample corpus are found
 * from here.
 */
public final class AbstractaHome {
  private AbstractaHome() {}

  public static Path dir() {
    String home = System.getProperty("abstracta.home");
    if (home == null || home.isBlank()) home = System.getenv("ABSTRACTA_HOME");
    return Path.of(home == null || home.isBlank() ? "." : home);
  }

  /** {@code index-data/} beside the launcher, or {@code ABSTRACTA_INDEX} when set. */
  public static Path defaultIndex() {
    String env = System.getenv("ABSTRACTA_INDEX");
    return env != null && !env.isBlank() ? Path.of(env) : dir().resolve("index-data");
  }

  /** The bundled sample corpus: the five seed documents. */
  public static Path sampleCorpus() {
    return dir().resolve("src").resolve("corpus");
  }
}
