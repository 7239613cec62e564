package org.abstracta.searchapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineErrorsTest {
  @TempDir Path tmp;

  @Test
  void search_and_serve_are_listed_in_the_usage() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("serve"), run.out());
    assertTrue(run.out().contains("search"), run.out());
  }

  @Test
  void an_invalid_search_size_is_a_one_line_error_naming_the_option() {
    CliRun run = CliRun.of("search", "x", "--index", tmp.toString(), "--size", "1000");
    assertEquals(2, run.exitCode());
    assertEquals("error: --size: size must be a whole number from 0 to 100", run.err().strip());
  }

  @Test
  void an_unknown_sort_is_rejected_before_the_index_is_opened() {
    CliRun run =
        CliRun.of("search", "x", "--index", tmp.resolve("none").toString(), "--sort", "best");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--sort: sort must be one of relevance, newest, oldest"));
  }

  @Test
  void searching_without_an_index_says_how_to_build_one() {
    CliRun run = CliRun.of("search", "diffusion", "--index", tmp.resolve("empty").toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("error: no index at "), run.err());
    assertTrue(run.err().contains("abstracta index"), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");
  }

  @Test
  void serve_rejects_a_port_out_of_range() {
    CliRun run = CliRun.of("serve", "--index", tmp.toString(), "--port", "70000");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("--port must be from 0 to 65535"), run.err());
  }

  @Test
  void serve_without_an_index_or_a_sample_corpus_explains_what_to_do() {
    String before = System.getProperty("abstracta.home");
    System.setProperty("abstracta.home", tmp.toString());
    try {
      CliRun run = CliRun.of("serve", "--index", tmp.resolve("idx").toString(), "--port", "0");
      assertEquals(2, run.exitCode());
      assertTrue(run.err().contains("no bundled sample corpus"), run.err());
      assertEquals(1, run.err().strip().lines().count(), run.err());
    } finally {
      if (before == null) System.clearProperty("abstracta.home");
      else System.setProperty("abstracta.home", before);
    }
  }
}
