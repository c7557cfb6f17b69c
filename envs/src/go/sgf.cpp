#include "vkrl/envs/go/sgf.h"

#include <cctype>
#include <charconv>
#include <cstdlib>

#include "vkrl/error.h"

namespace vkrl::envs::go {

namespace {

struct Property {
  std::string ident;
  std::vector<std::string> values;
  std::vector<size_t> value_offsets;  // where each value starts in the text, for error messages
};
using Node = std::vector<Property>;

// A recursive-descent reader of SGF's syntax that keeps the nodes of the main line.
class Reader {
public:
  Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  std::vector<Node> main_line() {
    skip_space();
    if (at_end() || text_[pos_] != '(') fail(pos_, "expected '(' to open a game tree");
    std::vector<Node> nodes;
    game_tree(&nodes);
    // Further game trees of a collection are read for syntax only.
    for (skip_space(); !at_end(); skip_space()) {
      if (text_[pos_] != '(') fail(pos_, std::string("unexpected '") + text_[pos_] + "' after the game tree");
      game_tree(nullptr);
    }
    return nodes;
  }

  [[noreturn]] void fail(size_t offset, const std::string& problem) const {
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw Error(std::string(source_) + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + problem);
  }

private:
  bool at_end() const { return pos_ >= text_.size(); }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }

  // "(" Node+ GameTree* ")"; `nodes` collects the main line, or is null off it.
  void game_tree(std::vector<Node>* nodes) {
    const size_t open = pos_++;
    skip_space();
    if (at_end() || text_[pos_] != ';') fail(pos_, "expected ';' to start the game tree's first node");
    while (!at_end() && text_[pos_] == ';') {
      Node node = read_node();
      if (nodes) nodes->push_back(std::move(node));
      skip_space();
    }
    bool first_variation = true;
    while (!at_end() && text_[pos_] == '(') {
      game_tree(first_variation ? nodes : nullptr);
      first_variation = false;
      skip_space();
    }
    if (at_end()) fail(open, "unbalanced '(': the game tree is never closed");
    if (text_[pos_] != ')') fail(pos_, std::string("unexpected '") + text_[pos_] + "' in a game tree");
    ++pos_;
  }

  Node read_node() {
    ++pos_;  // ';'
    Node node;
    for (skip_space(); !at_end() && std::isalpha(static_cast<unsigned char>(text_[pos_])); skip_space()) {
      Property p;
      const size_t start = pos_;
      while (!at_end() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) p.ident += text_[pos_++];
      for (char ch : p.ident)
        if (!std::isupper(static_cast<unsigned char>(ch)))
          fail(start, "property name '" + p.ident + "' is not upper case letters");
      skip_space();
      if (at_end() || text_[pos_] != '[') fail(pos_, "property " + p.ident + " has no value");
      while (!at_end() && text_[pos_] == '[') {
        p.value_offsets.push_back(pos_ + 1);
        p.values.push_back(value());
        skip_space();
      }
      node.push_back(std::move(p));
    }
    return node;
  }

  std::string value() {
    const size_t open = pos_++;
    std::string out;
    while (!at_end() && text_[pos_] != ']') {
      if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
      out += text_[pos_++];
    }
    if (at_end()) fail(open, "unbalanced '[': the value is never closed");
    ++pos_;
    return out;
  }

  std::string_view text_, source_;
  size_t pos_ = 0;
};

// Turns the main line's properties into an SgfGame.
class Interpreter {
public:
  explicit Interpreter(const Reader& reader) : reader_(reader) {}

  SgfGame read(const std::vector<Node>& nodes) {
    SgfGame game;
    if (nodes.empty()) return game;
    // The root fixes the size before any point is decoded.
    for (const Property& p : nodes.front()) {
      if (p.ident == "GM" && p.values[0] != "1") reader_.fail(p.value_offsets[0], "GM[" + p.values[0] + "] is not Go");
      if (p.ident == "SZ") game.size = board_size(p);
    }
    for (const Node& node : nodes)
      for (const Property& p : node) {
        if (p.ident == "KM") game.komi = number(p);
        if (p.ident == "PB") game.black_player = p.values[0];
        if (p.ident == "PW") game.white_player = p.values[0];
        if (p.ident == "RE") game.result = p.values[0];
        if (p.ident == "SZ" && &node != &nodes.front()) reader_.fail(p.value_offsets[0], "SZ outside the root node");
        if (p.ident == "AB" || p.ident == "AW") {
          if (!game.moves.empty()) reader_.fail(p.value_offsets[0], p.ident + " setup stones after the first move");
          auto& setup = p.ident == "AB" ? game.black_setup : game.white_setup;
          for (size_t i = 0; i < p.values.size(); ++i) add_points(p.values[i], p.value_offsets[i], game.size, setup);
        }
        if (p.ident == "B" || p.ident == "W") {
          SgfMove move;
          move.colour = p.ident == "B" ? Stone::Black : Stone::White;
          move.action = point(p.values[0], p.value_offsets[0], game.size, true);
          game.moves.push_back(move);
        }
      }
    // Comments: the root's belongs to the game unless the root holds a move, then each to its node's move.
    for (const Node& node : nodes) {
      std::string comment;
      bool has_move = false;
      for (const Property& p : node) {
        if (p.ident == "C") comment = p.values[0];
        has_move |= p.ident == "B" || p.ident == "W";
      }
      if (has_move) {
        game.moves[moves_seen_++].comment = comment;
      } else if (&node == &nodes.front()) {
        game.comment = comment;
      }
    }
    return game;
  }

private:
  int board_size(const Property& p) const {
    const std::string& v = p.values[0];
    int size = 0;
    const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), size);
    if (ec != std::errc() || end != v.data() + v.size())
      reader_.fail(p.value_offsets[0], "unknown board size SZ[" + v + "] (vkrl plays square boards 5..19)");
    if (size < Board::kMinSize || size > Board::kMaxSize)
      reader_.fail(p.value_offsets[0], "unsupported board size SZ[" + v + "] (vkrl plays 5..19)");
    return size;
  }

  double number(const Property& p) const {
    const std::string& v = p.values[0];
    char* end = nullptr;
    const double x = std::strtod(v.c_str(), &end);
    if (v.empty() || end != v.c_str() + v.size())
      reader_.fail(p.value_offsets[0], p.ident + "[" + v + "] is not a number");
    return x;
  }

  // A point "cd" as an action; with `pass_allowed`, "" and (on boards up to 19) "tt" are the pass.
  int point(const std::string& v, size_t offset, int size, bool pass_allowed) const {
    if (pass_allowed && (v.empty() || v == "tt")) return size * size;
    if (v.size() != 2 || v[0] < 'a' || v[1] < 'a' || v[0] - 'a' >= size || v[1] - 'a' >= size)
      reader_.fail(offset,
                   "bad coordinate [" + v + "] on a " + std::to_string(size) + "x" + std::to_string(size) + " board");
    return (v[1] - 'a') * size + (v[0] - 'a');
  }

  // A point or an "ab:cd" rectangle of points.
  void add_points(const std::string& v, size_t offset, int size, std::vector<int>& out) const {
    const size_t colon = v.find(':');
    if (colon == std::string::npos) {
      out.push_back(point(v, offset, size, false));
      return;
    }
    const int from = point(v.substr(0, colon), offset, size, false);
    const int to = point(v.substr(colon + 1), offset + colon + 1, size, false);
    for (int r = from / size; r <= to / size; ++r)
      for (int c = from % size; c <= to % size; ++c) out.push_back(r * size + c);
  }

  const Reader& reader_;
  size_t moves_seen_ = 0;
};

std::string escaped(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == ']' || ch == '\\') out += '\\';
    out += ch;
  }
  return out;
}

std::string sgf_point(int action, int size) {
  if (action == size * size) return "";
  return {char('a' + action % size), char('a' + action / size)};
}

std::string komi_text(double komi) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, komi);
  return std::string(buffer, ec == std::errc() ? end : buffer);
}

}  // namespace

SgfGame parse_sgf(std::string_view text, std::string_view source) {
  Reader reader(text, source);
  const std::vector<Node> nodes = reader.main_line();
  return Interpreter(reader).read(nodes);
}

std::string write_sgf(const SgfGame& game) {
  std::string out =
      "(;FF[4]GM[1]CA[UTF-8]AP[vkrl]SZ[" + std::to_string(game.size) + "]KM[" + komi_text(game.komi) + "]";
  if (!game.black_player.empty()) out += "PB[" + escaped(game.black_player) + "]";
  if (!game.white_player.empty()) out += "PW[" + escaped(game.white_player) + "]";
  if (!game.result.empty()) out += "RE[" + escaped(game.result) + "]";
  if (!game.comment.empty()) out += "C[" + escaped(game.comment) + "]";
  for (const auto& [ident, points] : {std::pair{"AB", &game.black_setup}, std::pair{"AW", &game.white_setup}}) {
    if (points->empty()) continue;
    out += ident;
    for (int a : *points) {
      out += '[';
      out += sgf_point(a, game.size);
      out += ']';
    }
  }
  out += "\n";
  for (size_t i = 0; i < game.moves.size(); ++i) {
    const SgfMove& m = game.moves[i];
    out += std::string(";") + (m.colour == Stone::Black ? "B" : "W") + "[" + sgf_point(m.action, game.size) + "]";
    if (!m.comment.empty()) out += "C[" + escaped(m.comment) + "]";
    if (i % 10 == 9) out += "\n";
  }
  return out + ")\n";
}

GoGame play_sgf(const SgfGame& sgf, int max_moves) {
  GoGame game({sgf.size, sgf.komi, max_moves});
  for (int a : sgf.black_setup) game.add_setup_stone(a, Stone::Black);
  for (int a : sgf.white_setup) game.add_setup_stone(a, Stone::White);
  for (size_t i = 0; i < sgf.moves.size(); ++i) {
    game.set_to_play(sgf.moves[i].colour);
    try {
      game.play(sgf.moves[i].action);
    } catch (const Error& e) {
      throw Error("sgf move " + std::to_string(i + 1) + ": " + e.what());
    }
  }
  return game;
}

}  // namespace vkrl::envs::go
