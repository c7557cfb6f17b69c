// GtpEngine speaks the Go Text Protocol, version 2 (Farnebäck's specification): one command a line, answered
// "=[id] result" or "?[id] message" and an empty line. Lines are cleaned as the specification asks (control characters
// dropped, tabs made spaces, '#' comments cut, empty lines ignored). It answers protocol_version, name, version,
// known_command, list_commands, boardsize, clear_board, komi, play, genmove, undo, showboard, final_score,
// time_settings, time_left, loadsgf, quit and GNU Go's printsgf (the game so far as SGF, to a file or in the reply)
// over a GoGame under vkrl's rules (game.h), and asks a GoPlayer for
// genmove, which may answer `resign` (the board then stays as it was). The controller decides when a game ends: moves after two passes resume the game, and the move cap is
// kMaxMoves rather than the env's 2 * size^2. Any malformed line, bad vertex, illegal move or failing file gets a '?'
// reply; the engine never throws.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "gtp/go_player.h"
#include "vkrl/envs/go/game.h"
#include "vkrl/envs/go/sgf.h"

namespace vkrl::apps {

class GtpEngine {
public:
  static constexpr int kMaxMoves = 10000;

  // `budget` is what genmove gives the player unless the controller's clock (time_settings, time_left) asks for less.
  GtpEngine(std::unique_ptr<GoPlayer> player, const MoveBudget& budget);

  // The reply to one input line, with its trailing empty line, or "" for a line the protocol ignores.
  std::string handle(const std::string& line);
  bool quit_requested() const { return quit_; }
  // Reads commands until quit or the end of the input, writing and flushing each reply.
  void run(std::istream& in, std::ostream& out);

  const envs::go::GoGame& game() const { return game_; }

private:
  struct Reply {
    bool ok = true;
    std::string text;
  };
  Reply dispatch(const std::string& command, const std::vector<std::string>& args);
  void new_game(const envs::go::GoRules& rules);
  Reply play(const std::vector<std::string>& args);
  Reply genmove(const std::vector<std::string>& args);
  Reply loadsgf(const std::vector<std::string>& args);
  Reply printsgf(const std::vector<std::string>& args) const;
  void commit_move(envs::go::GoGame next, envs::go::Stone colour, int action);
  Reply time_left(const std::vector<std::string>& args);
  MoveBudget budget_for_move(envs::go::Stone colour) const;
  std::string showboard() const;
  std::string final_score() const;

  std::unique_ptr<GoPlayer> player_;
  MoveBudget budget_;
  envs::go::GoRules rules_;
  envs::go::GoGame game_;
  std::vector<envs::go::GoGame> undo_;  // the game before each move, for undo
  envs::go::SgfGame record_;            // setup stones and moves, for printsgf
  double main_time_ = 0, byo_yomi_time_ = 0;
  int byo_yomi_stones_ = 0;
  // The clocks from time_left, Black's then White's: seconds (-1 while unknown) and stones left in byo-yomi.
  double time_left_[2] = {-1, -1};
  int stones_left_[2] = {0, 0};
  bool quit_ = false;
};

}  // namespace vkrl::apps
