// TextCorpus: a plain-text corpus for character models, read from one UTF-8 file or from every *.u8 file of a folder
// (Debian's fortune files: fortunes-es keeps UTF-8 copies under /usr/share/games/fortunes/es/), decoded into Unicode
// code points and numbered by a vocabulary of the distinct characters in order of code point. Fortune files separate
// their entries with lines holding only "%"; those lines become blank lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vkrl::apps {

struct TextCorpus {
  std::vector<char32_t> vocabulary;  // index -> character
  std::vector<int> text;             // the corpus as vocabulary indices
  std::vector<std::filesystem::path> files;

  // The UTF-8 encoding of characters given as vocabulary indices.
  std::string decode(const std::vector<int>& indices) const;
  // The vocabulary indices of UTF-8 `text`, skipping characters outside the vocabulary.
  std::vector<int> encode(const std::string& text) const;
};

// Throws vkrl::Error naming the path for a missing path, a folder without *.u8 files, an empty file or invalid UTF-8.
TextCorpus read_text_corpus(const std::filesystem::path& path);

}  // namespace vkrl::apps
