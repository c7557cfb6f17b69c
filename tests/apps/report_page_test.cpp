// The pieces of `vkrl report`'s page: base64 against RFC 4648's examples, the Markdown subset of summary.md files
// (headings, tables, bold, code, images through the caller's mapping, escaping), and the reproduce command rebuilt
// from a run's flags.
#include <catch2/catch.hpp>

#include "report/data_uri.h"
#include "report/markdown_html.h"
#include "report/report_page.h"

using namespace vkrl::apps;

TEST_CASE("report: base64 as RFC 4648 section 10 gives it", "[apps]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64(std::string("\xff\x00\x80", 3)) == "/wCA");
}

TEST_CASE("report: summary.md's Markdown as HTML", "[apps]") {
  const std::string md = "# Title <x>\n\nOne **bold** line\nand `a<b` code.\n\n| a | b |\n| --- | --- |\n"
                         "| 1 | ![fig](f.png) |\n\n- item\n";
  const std::string html = markdown_to_html(md, [](const std::string& path) { return "mapped:" + path; });
  CHECK(html == "<h2>Title &lt;x&gt;</h2>\n<p>One <strong>bold</strong> line and <code>a&lt;b</code> code.</p>\n"
                "<table>\n<tr><th>a</th><th>b</th></tr>\n<tr><td>1</td><td><img alt=\"fig\" src=\"mapped:f.png\">"
                "</td></tr>\n</table>\n<ul>\n<li>item</li>\n</ul>\n");
}

TEST_CASE("report: the reproduce command sets only the flags that differ from the defaults", "[apps]") {
  RunRecord run{.name = "vae-small",
                .path = {},
                .flags = {{"experiment", "vae"}, {"seed", 3}, {"device", "cpu"}, {"epochs", "2"}, {"latent", "2"},
                          {"lr", "0.001"}},
                .results = {}};
  CHECK(reproduce_command(run) == "build/vkrl experiment vae --seed 3 --device cpu --set epochs=2 --run-name vae-small");
}
