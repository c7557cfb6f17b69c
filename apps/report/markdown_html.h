// The small part of Markdown that vkrl's summary.md files use, rendered to HTML for `vkrl report`: # headings,
// paragraphs, "- " lists, pipe tables (the separator row skipped), **bold**, `code` and images ![alt](file), whose
// source the caller maps (to a data URI). Everything else is text, HTML-escaped.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace vkrl::apps {

std::string html_escape(std::string_view text);

// `image_source` turns an image's path as written in the Markdown into the src attribute's value.
std::string markdown_to_html(std::string_view markdown,
                             const std::function<std::string(const std::string& path)>& image_source);

}  // namespace vkrl::apps
