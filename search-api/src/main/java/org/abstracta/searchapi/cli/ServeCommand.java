package org.abstracta.searchapi.cli;

import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.abstracta.indexer.cli.AbstractaHome;
import org.abstracta.indexer.cli.EmbedCommand;
import org.abstracta.indexer.cli.OpenSearchOptions;
import org.abstracta.indexer.embed.EmbedOptions;
import org.abstracta.indexer.index.IndexOptions;
import org.abstracta.indexer.index.IndexRun;
import org.abstracta.indexer.index.IndexSummary;
import org.abstracta.indexer.index.IndexerException;
import org.abstracta.indexer.opensearch.OpenSearchTarget;
import org.abstracta.searchapi.api.ApiConfig;
import org.abstracta.searchapi.api.AppFactory;
import org.abstracta.searchapi.search.SearchService;
import org.abstracta.searchapi.search.ServiceUnavailableException;
import org.abstracta.searchapi.search.engine.IndexSearchService;
import org.abstracta.searchapi.search.opensearch.OpenSearchSearchService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code abstracta serve}: builds the sample index on first run, then serves the page and API until
 * SIGTERM or Ctrl-C, when it stops the server and closes the index.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the search page and API.",
      "If the index directory holds no index yet, the bundled sample corpus is indexed into it"
          + " first, and its papers are embedded.",
      "Exit codes: 2 bad arguments or no index and no sample corpus, 3 port in use, 4 the index"
          + " cannot be opened."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OpenSearchOptions opensearch = new OpenSearchOptions();

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "index directory (default: ${DEFAULT-VALUE})")
  Path index = AbstractaHome.defaultIndex();

  @Option(
      names = "--host",
      paramLabel = "HOST",
      defaultValue = "${env:ABSTRACTA_HOST:-127.0.0.1}",
      description = "address to listen on (default: ${DEFAULT-VALUE}; env ABSTRACTA_HOST)")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "${env:ABSTRACTA_PORT:-7070}",
      description =
          "port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}; env ABSTRACTA_PORT)")
  int port;

  @Option(
      names = "--cors-origins",
      paramLabel = "LIST",
      defaultValue = "*",
      description =
          "comma-separated origins whose pages may call the API, * for any (default: ${DEFAULT-VALUE})")
  String corsOrigins;

  @Option(
      names = "--query-timeout",
      paramLabel = "MS",
      defaultValue = "2000",
      description =
          "time budget of one search in milliseconds; a search past it returns what it found,"
              + " flagged partial (default: ${DEFAULT-VALUE})")
  long queryTimeoutMs;

  /** A running server: the app and the index it serves. Closing stops both. */
  public record Running(Javalin app, SearchService service, String url) implements AutoCloseable {
    @Override
    public void close() {
      app.stop();
      try {
        service.close();
      } catch (IOException e) {
        System.err.println("warning: closing the index failed: " + e.getMessage());
      }
    }
  }

  /** Thrown by {@link #start()} with the exit code and a one-line message for the user. */
  static final class ServeException extends Exception {
    final int exitCode;

    ServeException(String message, int exitCode) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Running running;
    try {
      running = start();
    } catch (ServeException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return e.exitCode;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("Stopping: closing the server and the index.");
                  running.close();
                  System.out.println("Stopped.");
                  System.out.flush();
                  stopped.countDown();
                },
                "abstracta-shutdown"));
    stopped.await();
    return 0;
  }

  /** Indexes the sample corpus if needed, opens the index, starts the server. */
  public Running start() throws ServeException {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65_535) {
      throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535");
    }
    if (queryTimeoutMs < 0) {
      throw new ParameterException(spec.commandLine(), "--query-timeout must be 0 or more");
    }
    List<String> origins = ApiConfig.parseOrigins(corsOrigins);
    OpenSearchTarget cluster = opensearch.enabled() ? opensearch.target(spec) : null;
    out.printf(
        Locale.ROOT,
        "serve: %s host=%s port=%d cors-origins=%s query-timeout=%dms%n",
        cluster == null
            ? "index=" + index.toAbsolutePath().normalize()
            : "opensearch=" + cluster.nodeList() + " opensearch-index=" + cluster.index(),
        host,
        port,
        String.join(",", origins),
        queryTimeoutMs);
    out.flush();
    if (cluster == null && !hasIndex(index)) buildSample(out);

    SearchService service;
    try {
      service =
          cluster == null
              ? openIndex(index, Duration.ofMillis(queryTimeoutMs))
              : OpenSearchSearchService.open(cluster, Duration.ofMillis(queryTimeoutMs));
    } catch (IOException | RuntimeException e) {
      throw new ServeException("cannot open the index at " + index + ": " + e.getMessage(), 4);
    }
    Javalin app = AppFactory.create(service, new ApiConfig(origins, true));
    // Javalin logs an error line of its own before it throws; a port found taken here gets one.
    if (port != 0 && !portFree(host, port)) {
      stopQuietly(app, service);
      throw portInUse();
    }
    try {
      app.start(host, port);
    } catch (JavalinBindException e) {
      stopQuietly(app, service);
      throw portInUse();
    } catch (RuntimeException e) {
      stopQuietly(app, service);
      throw new ServeException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), 3);
    }
    String shownHost = host.contains(":") ? "[" + host + "]" : host;
    String url = "http://" + shownHost + ":" + app.port() + "/";
    String documents;
    try {
      documents = String.format(Locale.ROOT, "%,d documents", service.stats().documents());
    } catch (ServiceUnavailableException e) {
      // Served all the same: each request says 503 until the cluster answers.
      documents = "(for now no documents: " + e.getMessage() + ")";
    }
    out.printf(Locale.ROOT, "Abstracta is serving %s at %s (Ctrl-C to stop)%n", documents, url);
    out.flush();
    return new Running(app, service, url);
  }

  private void buildSample(PrintWriter out) throws ServeException {
    Path corpus = AbstractaHome.sampleCorpus();
    if (!Files.isDirectory(corpus)) {
      throw new ServeException(
          "no index at "
              + index
              + " and no bundled sample corpus at "
              + corpus
              + "; build one with 'abstracta index PATH --index "
              + index
              + "'",
          2);
    }
    out.printf(Locale.ROOT, "No index at %s yet: indexing the sample corpus %s%n", index, corpus);
    out.flush();
    try {
      IndexSummary s = IndexRun.run(List.of(corpus), IndexOptions.defaults(index));
      out.printf(
          Locale.ROOT,
          "Indexed %,d records from %d files in %.1f s: %,d documents in %s%n",
          s.read(),
          s.files(),
          s.seconds(),
          s.documents(),
          index);
      if (s.skipped() > 0) out.printf(Locale.ROOT, "  (%,d records skipped)%n", s.skipped());
      out.flush();
    } catch (IndexerException e) {
      throw new ServeException(e.getMessage(), e.exitCode());
    }
    // The sample's vectors too, before serving: a first search by meaning finds every paper.
    PrintWriter err = spec.commandLine().getErr();
    if (EmbedCommand.run(EmbedOptions.defaults(index), out, err) != 0) {
      err.println("warning: serving without vectors; 'abstracta embed' adds them later");
      err.flush();
    }
  }

  /** The index-backed search service over {@code index}. */
  static SearchService openIndex(Path index, Duration timeBudget) throws IOException {
    IndexSearchService service = IndexSearchService.open(index, timeBudget);
    service.prepareMeaning(); // the model loads now, not in the first search by meaning
    return service;
  }

  private ServeException portInUse() {
    return new ServeException(
        "port "
            + port
            + " on "
            + host
            + " is in use; stop the other server or choose another with --port",
        3);
  }

  /**
   * Whether a listening socket can be bound to {@code host:port} now, with the address reuse
   * Jetty's connector uses. An unknown host is left for the server's own start to report.
   */
  static boolean portFree(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
      return true;
    } catch (UnknownHostException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code dir} holds a committed Lucene index. */
  static boolean hasIndex(Path dir) {
    if (!Files.isDirectory(dir)) return false;
    try (Directory d = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(d);
    } catch (IOException e) {
      return false;
    }
  }

  private static void stopQuietly(Javalin app, SearchService service) {
    try {
      app.stop();
    } catch (RuntimeException ignored) {
      // Nothing was started; nothing to stop.
    }
    try {
      service.close();
    } catch (IOException ignored) {
      // Closing after a failed start: the failure reported is the start's.
    }
  }
}
