#include "experiments/text_corpus.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string() + ": cannot be read");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.empty()) throw Error(file.string() + ": the corpus file is empty");
  return bytes;
}

// Appends the code points of UTF-8 `bytes` to `out`.
void decode_utf8(const std::string& bytes, const std::filesystem::path& file, std::vector<char32_t>& out) {
  for (size_t i = 0; i < bytes.size();) {
    const auto lead = uint8_t(bytes[i]);
    const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
    if (length == 0 || i + size_t(length) > bytes.size())
      throw Error(file.string() + ": invalid UTF-8 at byte " + std::to_string(i));
    char32_t c = length == 1 ? lead : lead & (0x7f >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = uint8_t(bytes[i + size_t(k)]);
      if ((next >> 6) != 0x2) throw Error(file.string() + ": invalid UTF-8 at byte " + std::to_string(i + size_t(k)));
      c = (c << 6) | (next & 0x3f);
    }
    out.push_back(c);
    i += size_t(length);
  }
}

void encode_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xc0 | (c >> 6));
    out += char(0x80 | (c & 0x3f));
  } else if (c < 0x10000) {
    out += char(0xe0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3f));
    out += char(0x80 | (c & 0x3f));
  } else {
    out += char(0xf0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3f));
    out += char(0x80 | ((c >> 6) & 0x3f));
    out += char(0x80 | (c & 0x3f));
  }
}

// Fortune entries end with a line of "%": that line becomes an empty one.
void drop_separators(std::vector<char32_t>& chars) {
  std::vector<char32_t> kept;
  kept.reserve(chars.size());
  for (size_t i = 0; i < chars.size(); ++i) {
    const bool line_start = i == 0 || chars[i - 1] == U'\n';
    const bool alone = i + 1 == chars.size() || chars[i + 1] == U'\n';
    if (!(chars[i] == U'%' && line_start && alone)) kept.push_back(chars[i]);
  }
  chars = std::move(kept);
}

}  // namespace

std::string TextCorpus::decode(const std::vector<int>& indices) const {
  std::string out;
  for (int i : indices) encode_utf8(vocabulary.at(size_t(i)), out);
  return out;
}

std::vector<int> TextCorpus::encode(const std::string& text) const {
  std::vector<char32_t> chars;
  decode_utf8(text, "the text to encode", chars);
  std::vector<int> out;
  for (char32_t c : chars) {
    const auto it = std::lower_bound(vocabulary.begin(), vocabulary.end(), c);
    if (it != vocabulary.end() && *it == c) out.push_back(int(it - vocabulary.begin()));
  }
  return out;
}

TextCorpus read_text_corpus(const std::filesystem::path& path) {
  TextCorpus corpus;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::directory_iterator(path))
      if (entry.path().extension() == ".u8") corpus.files.push_back(entry.path());
    std::sort(corpus.files.begin(), corpus.files.end());
    if (corpus.files.empty())
      throw Error(path.string() + ": no *.u8 corpus files (Debian's fortunes-es installs them there)");
  } else if (std::filesystem::exists(path)) {
    corpus.files.push_back(path);
  } else {
    throw Error(path.string() + ": no such corpus file or folder (install Debian's fortunes-es)");
  }
  std::vector<char32_t> chars;
  for (const auto& file : corpus.files) decode_utf8(read_bytes(file), file, chars);
  drop_separators(chars);
  std::map<char32_t, int> index;
  for (char32_t c : chars) index.emplace(c, 0);
  for (auto& [c, i] : index) {
    i = int(corpus.vocabulary.size());
    corpus.vocabulary.push_back(c);
  }
  corpus.text.reserve(chars.size());
  for (char32_t c : chars) corpus.text.push_back(index[c]);
  return corpus;
}

}  // namespace vkrl::apps
