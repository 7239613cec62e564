package org.abstracta.searchapi.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary directories for tests that JUnit's {@code @TempDir} does not reach (jqwik's). */
public final class TestDirs {
  private TestDirs() {}

  public static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  /** Deletes {@code dir} and everything below it. */
  public static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
