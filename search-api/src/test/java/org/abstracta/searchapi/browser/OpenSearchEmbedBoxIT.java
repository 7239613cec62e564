package org.abstracta.searchapi.browser;

/**
 * Every check of the embeddable box ({@link EmbedBoxIT}) in a real browser, against the app served
 * from the build's OpenSearch cluster: it works unchanged over the OpenSearch backend.
 */
class OpenSearchEmbedBoxIT extends EmbedBoxIT implements BrowserApp.OnOpenSearch {}
