package org.abstracta.searchapi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {
  /** The repository root, where the bundled sample corpus is ({@code src/corpus}). */
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;
  private String homeBefore;

  @BeforeEach
  void pointHomeAtTheRepository() {
    homeBefore = System.getProperty("abstracta.home");
    System.setProperty("abstracta.home", HOME.toString());
  }

  @AfterEach
  void restoreHome() {
    if (homeBefore == null) System.clearProperty("abstracta.home");
    else System.setProperty("abstracta.home", homeBefore);
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return r.body();
  }

  private record Started(ServeCommand.Running running, String out) {}

  private static Started start(String... args) throws Exception {
    ServeCommand command = new ServeCommand();
    CommandLine cli = new CommandLine(command);
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.parseArgs(args);
    return new Started(command.start(), out.toString());
  }

  @Test
  void the_first_serve_indexes_the_sample_corpus_then_serves_it_and_the_second_only_serves()
      throws Exception {
    Path index = tmp.resolve("index-data");
    Started first = start("--index", index.toString(), "--port", "0");
    try (ServeCommand.Running running = first.running()) {
      assertTrue(first.out().contains("No index at " + index + " yet"), first.out());
      assertTrue(first.out().contains(": 90 documents in " + index), first.out());
      assertTrue(running.url().matches("http://127\\.0\\.0\\.1:\\d+/"), running.url());
      assertTrue(first.out().contains("Abstracta is serving 90 documents at " + running.url()));
      assertTrue(get(running.url() + "health").contains("\"documents\":90"));
    }
    Started second = start("--index", index.toString(), "--port", "0");
    try (ServeCommand.Running running = second.running()) {
      assertFalse(second.out().contains("No index"), second.out());
      assertTrue(get(running.url() + "api/search?q=diffusion").contains("\"total\""));
    }
  }

  @Test
  void a_port_in_use_is_a_one_line_error_and_exit_code_3() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      CliRun run =
          CliRun.of(
              "serve",
              "--index",
              tmp.resolve("idx").toString(),
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertEquals(3, run.exitCode(), run.out() + run.err());
      assertEquals(
          "error: port "
              + taken.getLocalPort()
              + " on 127.0.0.1 is in use; stop the other server or choose another with --port",
          run.err().strip());
    }
  }

  @Test
  void serve_takes_its_port_from_the_environment_and_stops_cleanly_on_sigterm() throws Exception {
    Path index = tmp.resolve("env-index");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dabstracta.home=" + HOME,
                "org.abstracta.searchapi.cli.Main",
                "serve",
                "--index",
                index.toString())
            .redirectErrorStream(true);
    pb.environment().put("ABSTRACTA_PORT", "0");
    pb.environment().put("ABSTRACTA_HOST", "127.0.0.1");
    Process p = pb.start();
    // Read the output as it comes, in the background.
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) lines.add(line);
              } catch (java.io.IOException closed) {
                // The process was killed; what was read is in lines.
              }
            });
    reader.start();
    try {
      Pattern serving = Pattern.compile("serving 90 documents at (http://127\\.0\\.0\\.1:\\d+/)");
      String url = null;
      // It indexes and embeds the sample first: about 10 s on 2 free cores, minutes on busy ones.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (url == null && System.nanoTime() < deadline && p.isAlive()) {
        synchronized (lines) {
          for (String line : lines) {
            Matcher m = serving.matcher(line);
            if (m.find()) url = m.group(1);
          }
        }
        if (url == null) Thread.sleep(50);
      }
      assertTrue(url != null, String.join("\n", lines));
      assertTrue(get(url + "api/stats").contains("\"documents\":90"));

      // SIGTERM by kill(1): Process.destroy() would also close the pipe we read the goodbye from.
      assertEquals(
          0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the server stops");
      reader.join(5_000);
      String all = String.join("\n", lines);
      assertTrue(all.contains("Stopping: closing the server and the index."), all);
      assertTrue(all.contains("\nStopped."), all);
      assertFalse(all.contains("Exception"), all);
      assertEquals(143, p.exitValue(), "128 + SIGTERM");
    } finally {
      p.destroyForcibly();
    }
  }
}
