// Files as data URIs ("data:image/png;base64,..."), so that an HTML page carries its figures inside it and stays one
// self-contained file wherever it is copied.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace vkrl::apps {

std::string base64(std::string_view bytes);
// The file's bytes as a data URI of the given media type; a file that cannot be read is a vkrl::Error naming it.
std::string data_uri(const std::filesystem::path& file, std::string_view media_type);

}  // namespace vkrl::apps
