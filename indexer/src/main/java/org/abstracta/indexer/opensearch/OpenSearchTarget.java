package org.abstracta.indexer.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which OpenSearch cluster and index Abstracta uses: {@code --opensearch URL[,URL…]} and {@code
 * --opensearch-index NAME}. The name is an alias that Abstracta points at one concrete index per
 * indexing run ({@code NAME-<time>}).
 *
 * <p>Credentials come from the URL ({@code https://user:password@host:9200}) or from the
 * environment ({@code ABSTRACTA_OPENSEARCH_USER}, {@code ABSTRACTA_OPENSEARCH_PASSWORD}); {@code
 * https} URLs trust what the JVM trusts ({@code -Djavax.net.ssl.trustStore=…} in {@code
 * ABSTRACTA_JAVA_OPTS} adds a private CA).
 *
 * @param nodes the nodes' base URLs, without credentials
 * @param index the alias name
 * @param user basic-auth user, or null
 * @param password basic-auth password, or null
 */
public record OpenSearchTarget(List<URI> nodes, String index, String user, String password) {
  /** The default alias name. */
  public static final String DEFAULT_INDEX = "abstracta";

  private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,150}");

  public OpenSearchTarget {
    nodes = List.copyOf(nodes);
  }

  /**
   * Reads {@code --opensearch} and {@code --opensearch-index}; the message of the exception says
   * what is wrong with them.
   */
  public static OpenSearchTarget parse(String urls, String index, Map<String, String> env) {
    if (urls == null || urls.isBlank()) {
      throw new IllegalArgumentException("--opensearch needs at least one URL");
    }
    String name = index == null ? DEFAULT_INDEX : index.strip();
    if (!INDEX_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "--opensearch-index: '"
              + index
              + "' is not an index name OpenSearch takes (lower case letters, digits, '_', '-',"
              + " '.'; at most 151 characters; starting with a letter or digit)");
    }
    List<URI> nodes = new ArrayList<>();
    String user = env.get("ABSTRACTA_OPENSEARCH_USER");
    String password = env.get("ABSTRACTA_OPENSEARCH_PASSWORD");
    for (String raw : urls.split(",")) {
      String u = raw.strip();
      if (u.isEmpty()) continue;
      if (!u.contains("://")) u = "http://" + u;
      URI uri;
      try {
        uri = new URI(u);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("--opensearch: '" + raw.strip() + "' is not a URL");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "--opensearch: '" + raw.strip() + "' is not an http:// or https:// URL with a host");
      }
      if (uri.getRawUserInfo() != null) {
        String[] parts = uri.getRawUserInfo().split(":", 2);
        user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
        password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "";
      }
      int port = uri.getPort() > 0 ? uri.getPort() : 9200;
      nodes.add(URI.create(scheme + "://" + uri.getHost() + ":" + port));
    }
    if (nodes.isEmpty()) throw new IllegalArgumentException("--opensearch needs at least one URL");
    return new OpenSearchTarget(nodes, name, user, password);
  }

  /** The nodes, for messages: {@code http://127.0.0.1:9200,http://127.0.0.1:9201}. */
  public String nodeList() {
    return String.join(",", nodes.stream().map(URI::toString).toList());
  }

  /** What the target is, for messages: {@code the OpenSearch index 'abstracta' at http://…}. */
  public String describe() {
    return "the OpenSearch index '" + index + "' at " + nodeList();
  }

  @Override
  public String toString() {
    return describe(); // never the password
  }
}
