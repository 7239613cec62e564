package org.abstracta.indexer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Links}: the URLs in a paper's text, and whether one of them is its code. */
class LinksTest {

  @Test
  void github_url_is_found() {
    assertEquals(
        List.of("https://github.com/real-stanford/diffusion_policy"),
        Links.find("Code is at https://github.com/real-stanford/diffusion_policy"));
  }

  @Test
  void trailing_sentence_punctuation_is_not_part_of_the_url() {
    assertEquals(
        List.of("https://github.com/foo/bar"), Links.find("Code at https://github.com/foo/bar."));
    assertEquals(
        List.of("https://github.com/foo/bar"), Links.find("(see https://github.com/foo/bar)."));
    assertEquals(List.of("https://github.com/a/b"), Links.find("https://github.com/a/b!?"));
    assertEquals(List.of("https://x.org/y"), Links.find("at https://x.org/y; and"));
  }

  @Test
  void a_trailing_slash_belongs_to_the_url() {
    assertEquals(
        List.of("https://k-r-allen.github.io/residual-policy-learning/"),
        Links.find("Video and code at https://k-r-allen.github.io/residual-policy-learning/."));
  }

  @Test
  void parenthesis_that_belongs_to_the_url_is_kept() {
    assertEquals(
        List.of("https://en.wikipedia.org/wiki/Foo_(bar)"),
        Links.find("See https://en.wikipedia.org/wiki/Foo_(bar)."));
  }

  @Test
  void urls_without_scheme_on_code_hosts_and_www_are_found() {
    assertEquals(
        List.of("github.com/a/b", "https://gitlab.com/x/y"),
        Links.find("github.com/a/b, and https://gitlab.com/x/y;"));
    assertEquals(List.of("www.example.com/x"), Links.find("Code: www.example.com/x"));
  }

  @Test
  void urls_are_listed_once_in_order_of_appearance() {
    assertEquals(
        List.of("https://b.org/2", "https://a.org/1"),
        Links.find("https://b.org/2 then https://a.org/1 and again https://b.org/2."));
  }

  @Test
  void quotes_and_angle_brackets_end_a_url() {
    assertEquals(List.of("https://github.com/a/b"), Links.find("<https://github.com/a/b>"));
    assertEquals(List.of("https://github.com/a/b"), Links.find("\"https://github.com/a/b\""));
  }

  @Test
  void a_url_starts_at_a_word_boundary() {
    // "xhttps://..." is one word: no URL starts inside it, as no "www." starts inside "wwww.".
    assertEquals(
        List.of("https://b.org/path"),
        Links.find("xhttps://a.org/path, wwww.a.org/path and https://b.org/path"));
    assertEquals(List.of(), Links.find("shttp://a.org/path"));
    assertFalse(Links.mentionsCode("Our code: xgithub.com/foo/bar"));
  }

  @Test
  void a_url_after_text_that_only_looks_like_one_is_found() {
    assertEquals(
        List.of("https://github.com/a/b"),
        Links.find("http and www and github.com and then https://github.com/a/b"));
  }

  @Test
  void text_without_urls_has_none() {
    assertEquals(List.of(), Links.find("No links here. The code is great."));
    assertEquals(List.of(), Links.find(""));
    assertEquals(List.of(), Links.find(null));
  }

  @Test
  void url_on_a_code_host_counts_as_code() {
    assertTrue(Links.mentionsCode("We build on https://github.com/foo/bar"));
    assertTrue(Links.mentionsCode("See gitlab.com/group/project for details"));
  }

  @Test
  void project_page_that_the_text_calls_code_counts_as_code() {
    assertTrue(
        Links.mentionsCode(
            "Video and code at https://k-r-allen.github.io/residual-policy-learning/."));
    assertTrue(Links.mentionsCode("Our implementation is available at https://x.org/y"));
    assertTrue(Links.mentionsCode("We release our code\nat https://x.org/y"));
  }

  @Test
  void plain_project_page_without_code_words_is_not_code() {
    assertFalse(Links.mentionsCode("Project page: https://example.org/proj."));
    assertFalse(Links.mentionsCode("Our project page is https://nerf.github.io"));
    assertFalse(Links.mentionsCode("See https://arxiv.org/abs/2303.16212"));
  }

  @Test
  void code_words_in_an_earlier_sentence_do_not_make_a_later_link_code() {
    assertFalse(
        Links.mentionsCode("Our code will be released. Videos: https://example.org/videos"));
  }

  @Test
  void code_host_without_a_repository_path_is_not_code() {
    assertFalse(Links.mentionsCode("Hosted on https://github.com"));
  }

  @Test
  void text_without_urls_is_not_code_even_when_it_says_code() {
    assertFalse(Links.mentionsCode("Code will be made available upon request."));
    assertFalse(Links.mentionsCode(null));
    assertFalse(Links.mentionsCode(""));
  }
}
