// Writing a whole file atomically: the bytes go to a temporary file beside the target, which is then renamed over it,
// so a reader (or a crash) never sees half an image or CSV. Directories (checkpoints) are written whole beside the
// target and swapped in with one rename. Errors are vkrl::Error naming the file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace vkrl {

void write_file_atomically(const std::filesystem::path& path, std::span<const uint8_t> bytes);
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

// A fresh, empty directory beside `target` to write its new contents into ("<target>.tmp", cleared of anything a
// killed process left there).
std::filesystem::path begin_directory_replacement(const std::filesystem::path& target);
// Swaps the complete `temporary` directory in for `target` with one rename (an exchange when `target` exists, whose
// old contents are then removed), so a reader or a crash sees either the old directory or the new one, never a mix.
void replace_directory_atomically(const std::filesystem::path& temporary, const std::filesystem::path& target);

}  // namespace vkrl
