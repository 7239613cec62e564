package org.abstracta.searchapi.api;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.abstracta.searchapi.search.SearchService;

/**
 * Request latency per route as a Prometheus histogram ({@code
 * http_server_requests_seconds_bucket}), plus JVM and index gauges, for {@code GET /metrics}.
 *
 * <p>Routes are tagged by their template ({@code /api/papers/<id>}), never the raw path, so an
 * id-scanning client cannot grow the series without bound.
 */
public final class HttpMetrics {
  /** Bucket bounds: sub-millisecond searches up to stalls, as SLOs so buckets stay few. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1).dividedBy(2),
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10)
  };

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** The Prometheus text format's media type. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  HttpMetrics(SearchService service) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("abstracta.index.documents", service, s -> s.stats().documents())
        .description("Live documents in the served index")
        .register(registry);
    // A leak shows here: snapshots stay open, or searchers stay in use, while the server is idle.
    Gauge.builder("abstracta.index.snapshots.open", service, s -> s.snapshots().open())
        .description("Index snapshots (readers) open: 1 when idle")
        .register(registry);
    Gauge.builder("abstracta.index.searchers.in.use", service, s -> s.snapshots().inUse())
        .description("Searchers held by requests in progress")
        .register(registry);
  }

  /** Records one finished request. */
  void record(Context ctx, String route, float millis) {
    String method = ctx.method().name();
    Timer.builder("http.server.requests")
        .description("HTTP request latency by route")
        .tag("method", METHODS.contains(method) ? method : "OTHER")
        .tag("route", route)
        .tag("status", Integer.toString(ctx.statusCode()))
        .serviceLevelObjectives(BUCKETS)
        .register(registry)
        .record((long) (millis * 1_000_000.0), TimeUnit.NANOSECONDS);
  }

  /** The Prometheus text exposition. */
  String scrape() {
    return registry.scrape();
  }
}
