#include "vkrl/envs/go/shape_patterns.h"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace vkrl::envs::go {

namespace {

// Three rows of three around the candidate point (the centre, always empty). 'X' and 'O' are stones of the two
// colours (either way round), '.' is empty, '#' is off the board, '?' is anything, 'x' is anything but an X stone and
// 'o' anything but an O stone (edge included).
using Pattern = std::array<std::string_view, 3>;

constexpr Pattern kPatterns[] = {
    // Hane: play round the head or side of a stone that touches one's own.
    {"XOX", "...", "???"},  // hane that encloses
    {"XO.", "...", "?.?"},  // hane that does not cut
    {"XO?", "X..", "x.?"},  // bent hane (magari)
    {".O.", "X..", "..."},  // diagonal attachment
    // Cuts: separate two stones that touch diagonally.
    {"XO?", "O.o", "?o?"},  // a cut nobody guards
    {"XO?", "O.X", "???"},  // a cut already peeped at
    {"?X?", "O.O", "ooo"},  // push between two stones
    {"OX?", "o.O", "???"},  // cut a knight's move
    // Edge shapes (the bottom row is off the board).
    {"X.?", "O.?", "###"},  // chase along the edge
    {"OX?", "X.O", "###"},  // block the cut on the edge
    {"?X?", "x.O", "###"},  // block the connection along the edge
    {"?XO", "x.x", "###"},  // descend (sagari)
    {"?OX", "X.O", "###"},  // cut on the edge
};

// The neighbours in code order (row offset, column offset): bits 2i and 2i+1 hold neighbour i.
constexpr int kOffsets[8][2] = {{-1, -1}, {-1, 0}, {-1, 1}, {0, -1}, {0, 1}, {1, -1}, {1, 0}, {1, 1}};

int code_value(Stone s) { return int(s); }  // Empty 0, Black 1, White 2, Edge 3

// The stone values a pattern character allows, with X standing for `x_colour`.
std::vector<int> allowed(char ch, Stone x_colour) {
  const int x = code_value(x_colour), o = code_value(opponent(x_colour));
  const int empty = code_value(Stone::Empty), edge = code_value(Stone::Edge);
  switch (ch) {
    case 'X': return {x};
    case 'O': return {o};
    case '.': return {empty};
    case '#': return {edge};
    case 'x': return {o, empty, edge};
    case 'o': return {x, empty, edge};
    default: return {x, o, empty, edge};  // '?'
  }
}

// Marks every code the pattern, seen through one symmetry (a map from offsets to pattern cells), matches.
void mark_codes(std::vector<bool>& table, const Pattern& pattern, int symmetry, Stone x_colour) {
  std::array<std::vector<int>, 8> choices;
  for (int i = 0; i < 8; ++i) {
    int dr = kOffsets[i][0], dc = kOffsets[i][1];
    if (symmetry & 1) dr = -dr;           // reflect rows
    if (symmetry & 2) dc = -dc;           // reflect columns
    if (symmetry & 4) std::swap(dr, dc);  // transpose
    choices[size_t(i)] = allowed(pattern[size_t(dr + 1)][size_t(dc + 1)], x_colour);
  }
  // Every combination of the allowed values, as an odometer over the eight neighbours.
  std::array<size_t, 8> digit{};
  while (true) {
    int code = 0;
    for (int i = 0; i < 8; ++i) code |= choices[size_t(i)][digit[size_t(i)]] << (2 * i);
    table[size_t(code)] = true;
    int i = 0;
    while (i < 8 && ++digit[size_t(i)] == choices[size_t(i)].size()) digit[size_t(i++)] = 0;
    if (i == 8) break;
  }
}

std::vector<bool> build_table() {
  std::vector<bool> table(1 << 16, false);
  for (const Pattern& pattern : kPatterns)
    for (int symmetry = 0; symmetry < 8; ++symmetry)
      for (Stone x : {Stone::Black, Stone::White}) mark_codes(table, pattern, symmetry, x);
  return table;
}

}  // namespace

bool matches_shape_pattern(const Board& board, int p) {
  static const std::vector<bool> table = build_table();
  const int s = board.stride();
  const int code = code_value(board.at(p - s - 1)) | code_value(board.at(p - s)) << 2 |
                   code_value(board.at(p - s + 1)) << 4 | code_value(board.at(p - 1)) << 6 |
                   code_value(board.at(p + 1)) << 8 | code_value(board.at(p + s - 1)) << 10 |
                   code_value(board.at(p + s)) << 12 | code_value(board.at(p + s + 1)) << 14;
  return table[size_t(code)];
}

}  // namespace vkrl::envs::go
