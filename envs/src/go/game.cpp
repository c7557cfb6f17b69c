#include "vkrl/envs/go/game.h"

#include <algorithm>

#include "vkrl/error.h"

namespace vkrl::envs::go {

GoGame::GoGame(const GoRules& rules) : rules_(rules), board_(rules.size) { remember_position(); }

void GoGame::remember_position() {
  const uint64_t h = board_.hash();
  const auto at = std::lower_bound(seen_positions_.begin(), seen_positions_.end(), h);
  if (at == seen_positions_.end() || *at != h) seen_positions_.insert(at, h);
}

bool GoGame::is_legal(int action) const {
  if (is_over() || action < 0 || action > pass_action()) return false;
  if (action == pass_action()) return true;
  const int p = point_of(action);
  if (!board_.is_legal_ignoring_superko(p, to_play_)) return false;
  return !std::binary_search(seen_positions_.begin(), seen_positions_.end(), board_.hash_after(p, to_play_));
}

std::vector<int> GoGame::legal_actions() const {
  std::vector<int> legal;
  if (is_over()) return legal;
  for (int a = 0; a < pass_action(); ++a)
    if (is_legal(a)) legal.push_back(a);
  legal.push_back(pass_action());
  return legal;
}

int GoGame::play(int action) {
  if (!is_legal(action)) {
    std::string why = is_over() ? "the game is over"
                      : action < 0 || action > pass_action()
                          ? "not a move on a " + std::to_string(size()) + "x" + std::to_string(size()) + " board"
                      : board_.at(point_of(action)) != Stone::Empty                  ? "the point is occupied"
                      : point_of(action) == board_.ko_point()                        ? "it retakes a ko"
                      : board_.is_legal_ignoring_superko(point_of(action), to_play_) ? "it repeats a position (superko)"
                                                                                     : "it is suicide";
    throw Error("go: illegal move " + action_name(action) + " for " + (to_play_ == Stone::Black ? "black" : "white") +
                ": " + why);
  }
  int captured = 0;
  if (action == pass_action()) {
    board_.pass();
    ++passes_;
  } else {
    captured = board_.play(point_of(action), to_play_);
    passes_ = 0;
    remember_position();
  }
  ++moves_;
  to_play_ = opponent(to_play_);
  return captured;
}

void GoGame::add_setup_stone(int action, Stone c) {
  if (moves_ > 0) throw Error("go: setup stones must come before the first move");
  if (action < 0 || action >= pass_action() || board_.at(point_of(action)) != Stone::Empty)
    throw Error("go: setup stone at " + action_name(action) + " is not on an empty point");
  board_.add_setup_stone(point_of(action), c);
  seen_positions_.clear();
  remember_position();
}

double GoGame::score() const {
  const AreaCount area = board_.area();
  return double(area.black) - double(area.white) - rules_.komi;
}

Stone GoGame::winner() const {
  const double s = score();
  return s > 0 ? Stone::Black : s < 0 ? Stone::White : Stone::Empty;
}

std::string GoGame::action_name(int action) const {
  if (action == pass_action()) return "pass";
  if (action < 0 || action > pass_action()) {
    std::string name = "#";  // built in steps: GCC 12 misreads '"#" + to_string()' at -O3 (-Wrestrict)
    name += std::to_string(action);
    return name;
  }
  const int row = action / size(), col = action % size();
  static constexpr char kLetters[] = "ABCDEFGHJKLMNOPQRST";
  std::string name(1, kLetters[col]);
  name += std::to_string(size() - row);
  return name;
}

}  // namespace vkrl::envs::go
