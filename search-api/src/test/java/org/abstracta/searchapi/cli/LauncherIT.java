package org.abstracta.searchapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./abstracta} launcher as a user runs it, on the jar this build packaged: what each
 * command prints, on both streams. Runs as an integration test, after {@code package}.
 */
class LauncherIT {
  static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().normalize();

  @TempDir Path tmp;

  /** One finished run of the launcher: exit code, stdout, stderr. */
  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private static Run launch(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("abstracta").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    // Never build from inside the build: the jar under test is the one `package` just made.
    pb.environment().put("ABSTRACTA_NO_BUILD", "1");
    Path out = Files.createTempFile("launcher", ".out");
    Path err = Files.createTempFile("launcher", ".err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "abstracta " + String.join(" ", args));
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void assertNoWarning(Run run) {
    for (String line : run.all().split("\n")) {
      assertTrue(!line.startsWith("WARNING:") && !line.contains("[WARN"), run.all());
    }
  }

  @Test
  void index_search_export_and_eval_print_no_jvm_warning() throws Exception {
    String index = tmp.resolve("idx").toString();
    Run indexed = launch("index", "--index", index, "--no-progress", "--as-of", "2026-11-22");
    assertEquals(0, indexed.exitCode(), indexed.all());
    assertTrue(indexed.out().contains("documents  90 in the index"), indexed.all());
    assertEquals("", indexed.err());

    Run searched = launch("search", "\"epistemic injustice\"", "--index", index);
    assertEquals(0, searched.exitCode(), searched.all());
    assertTrue(searched.out().contains("1. Epistemic Injustice in Generative AI"), searched.all());
    assertEquals("", searched.err());

    Run exported = launch("export", "--index", index);
    assertEquals(0, exported.exitCode(), exported.err());
    assertEquals(90, exported.out().lines().count());
    assertEquals("", exported.err());

    Path collection = tmp.resolve("beir");
    Files.createDirectories(collection.resolve("qrels"));
    Files.writeString(
        collection.resolve("corpus.jsonl"),
        "{\"_id\": \"d1\", \"title\": \"Aspirin reduces stroke risk\", \"text\": \"Aspirin.\"}\n");
    Files.writeString(
        collection.resolve("queries.jsonl"), "{\"_id\": \"q1\", \"text\": \"aspirin\"}\n");
    Files.writeString(
        collection.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
    Run evaluated =
        launch("eval", collection.toString(), "--index", tmp.resolve("eval-idx").toString());
    assertEquals(0, evaluated.exitCode(), evaluated.all());
    assertTrue(evaluated.out().contains("1 queries evaluated"), evaluated.all());
    for (Run run : List.of(indexed, searched, exported, evaluated)) assertNoWarning(run);
  }

  @Test
  void serve_names_its_jdk_and_a_port_in_use_is_one_line() throws Exception {
    String index = tmp.resolve("idx").toString();
    assertEquals(0, launch("index", "--index", index, "--no-progress").exitCode());
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Run run = launch("serve", "--index", index, "--port", Integer.toString(taken.getLocalPort()));
      assertEquals(3, run.exitCode(), run.all());
      Matcher jdk = Pattern.compile("\\AUsing JDK (\\d+) at (\\S+)\n").matcher(run.err());
      assertTrue(jdk.find(), run.err());
      assertTrue(Integer.parseInt(jdk.group(1)) >= 21, run.err());
      assertEquals(
          "error: port "
              + taken.getLocalPort()
              + " on 127.0.0.1 is in use; stop the other server or choose another with --port\n",
          run.err().substring(jdk.end()));
      assertTrue(run.out().startsWith("serve: index="), run.out());
      assertEquals(1, run.out().lines().count(), run.out());
    }
  }

  @Test
  void help_gives_every_command_a_whole_sentence() throws Exception {
    Run help = launch("--help");
    assertEquals(0, help.exitCode(), help.all());
    Matcher command =
        Pattern.compile("(?m)^  (index|export|serve|search|eval) +(.+(?:\n {12,}.+)*)")
            .matcher(help.out());
    int commands = 0;
    while (command.find()) {
      commands++;
      String summary = command.group(2).replaceAll("\\s+", " ").strip();
      assertTrue(summary.endsWith("."), command.group(1) + ": " + summary);
    }
    assertEquals(5, commands, help.out());
    assertEquals("", help.err());
  }
}
