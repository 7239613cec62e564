package org.abstracta.searchapi.browser;

/**
 * Every check of the search page ({@link SearchPageIT}) in a real browser, against the app served
 * from the build's OpenSearch cluster: it works unchanged over the OpenSearch backend.
 */
class OpenSearchPageIT extends SearchPageIT implements BrowserApp.OnOpenSearch {}
