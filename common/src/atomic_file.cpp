#include "vkrl/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdio.h>

#include <fstream>
#include <system_error>
#include <unistd.h>

#include "vkrl/error.h"

namespace vkrl {

void write_file_atomically(const std::filesystem::path& path, std::span<const uint8_t> bytes) {
  // The process id keeps two vkrl processes writing the same file from sharing a temporary.
  std::filesystem::path temporary = path;
  temporary += ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw Error("cannot write '" + path.string() + "': " + std::strerror(errno));
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::filesystem::remove(temporary);
      throw Error("cannot write '" + path.string() + "': write failed (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary);
    throw Error("cannot write '" + path.string() + "': " + ec.message());
  }
}

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
  write_file_atomically(path, std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

std::filesystem::path begin_directory_replacement(const std::filesystem::path& target) {
  std::filesystem::path temporary = std::filesystem::absolute(target).lexically_normal();
  temporary += ".tmp";
  std::error_code ec;
  std::filesystem::remove_all(temporary, ec);  // left behind by a process killed while writing
  std::filesystem::create_directories(temporary, ec);
  if (ec) throw Error("cannot create '" + temporary.string() + "': " + ec.message());
  return temporary;
}

void replace_directory_atomically(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::error_code ec;
  if (std::filesystem::exists(target)) {
    if (::renameat2(AT_FDCWD, temporary.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
      throw Error("cannot replace '" + target.string() + "': " + std::strerror(errno));
    std::filesystem::remove_all(temporary, ec);
  } else {
    std::filesystem::rename(temporary, target, ec);
    if (ec) throw Error("cannot rename '" + temporary.string() + "' to '" + target.string() + "': " + ec.message());
  }
}

}  // namespace vkrl
