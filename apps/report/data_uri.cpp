#include "report/data_uri.h"

#include <fstream>
#include <sstream>

#include "vkrl/error.h"

namespace vkrl::apps {

std::string base64(std::string_view bytes) {
  static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    const size_t n = std::min<size_t>(3, bytes.size() - i);
    uint32_t group = 0;
    for (size_t k = 0; k < 3; ++k) group = group << 8 | (k < n ? uint8_t(bytes[i + k]) : 0u);
    for (size_t k = 0; k < 4; ++k) out += k <= n ? kDigits[(group >> (18 - 6 * k)) & 63] : '=';
  }
  return out;
}

std::string data_uri(const std::filesystem::path& file, std::string_view media_type) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream bytes;
  if (!in || !(bytes << in.rdbuf())) throw Error(file.string() + ": cannot read");
  return "data:" + std::string(media_type) + ";base64," + base64(bytes.str());
}

}  // namespace vkrl::apps
