#include "gtp/gtp_engine.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "vkrl/atomic_file.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

using envs::go::Board;
using envs::go::GoGame;
using envs::go::Stone;

constexpr const char* kCommands[] = {
    "protocol_version", "name",          "version",   "known_command", "list_commands", "boardsize",
    "clear_board",      "komi",          "play",      "genmove",       "undo",          "showboard",
    "final_score",      "time_settings", "time_left", "loadsgf",       "printsgf",      "quit",
};
constexpr char kLetters[] = "ABCDEFGHJKLMNOPQRST";  // GTP's columns skip I

std::string lower(std::string s) {
  for (char& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The line as GTP's preprocessing leaves it: control characters but tab and newline gone, tabs as spaces, the
// comment after '#' cut.
std::string clean(const std::string& line) {
  std::string out;
  for (char ch : line) {
    if (ch == '#') break;
    if (ch == '\t') ch = ' ';
    if (static_cast<unsigned char>(ch) < 32 || ch == 127) continue;
    out += ch;
  }
  return out;
}

std::optional<long long> integer(const std::string& s) {
  long long v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

std::optional<double> real(const std::string& s) {
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<Stone> colour(const std::string& s) {
  const std::string c = lower(s);
  if (c == "b" || c == "black") return Stone::Black;
  if (c == "w" || c == "white") return Stone::White;
  return std::nullopt;
}

// A vertex ("D4", "pass") as an action of `game`, or nothing when it is not one on this board.
std::optional<int> vertex(const std::string& s, const GoGame& game) {
  const std::string v = lower(s);
  if (v == "pass") return game.pass_action();
  if (v.size() < 2 || v.size() > 3) return std::nullopt;
  const char* letter =
      std::find(kLetters, kLetters + game.size(), char(std::toupper(static_cast<unsigned char>(v[0]))));
  const auto number = integer(v.substr(1));
  if (letter == kLetters + game.size() || !number || *number < 1 || *number > game.size()) return std::nullopt;
  return int(game.size() - *number) * game.size() + int(letter - kLetters);
}

std::string vertex_name(int action, const GoGame& game) {
  return action == game.pass_action() ? "pass" : game.action_name(action);
}

}  // namespace

GtpEngine::GtpEngine(std::unique_ptr<GoPlayer> player, const MoveBudget& budget)
    : player_(std::move(player)), budget_(budget) {
  rules_.max_moves = kMaxMoves;
  new_game(rules_);
}

void GtpEngine::new_game(const envs::go::GoRules& rules) {
  rules_ = rules;
  game_ = GoGame(rules_);
  undo_.clear();
  record_ = envs::go::SgfGame();
  record_.size = rules.size;
  record_.komi = rules.komi;
  player_->new_game();
}

void GtpEngine::commit_move(GoGame next, Stone colour, int action) {
  undo_.push_back(game_);
  record_.moves.push_back({colour, action, ""});
  game_ = std::move(next);
  player_->move_played(game_, action);
}

std::string GtpEngine::handle(const std::string& line) {
  std::istringstream words(clean(line));
  std::vector<std::string> tokens;
  for (std::string w; words >> w;) tokens.push_back(w);
  if (tokens.empty()) return "";
  std::string id;
  if (std::all_of(tokens[0].begin(), tokens[0].end(),
                  [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
    id = tokens[0];
    tokens.erase(tokens.begin());
  }
  Reply reply;
  if (tokens.empty()) {
    reply = {false, "no command"};
  } else {
    const std::string command = tokens[0];
    tokens.erase(tokens.begin());
    try {
      reply = dispatch(command, tokens);
    } catch (const std::exception& e) {  // never leave the loop on a bad command
      reply = {false, e.what()};
    }
  }
  return (reply.ok ? "=" : "?") + id + (reply.text.empty() ? "" : " " + reply.text) + "\n\n";
}

GtpEngine::Reply GtpEngine::dispatch(const std::string& command, const std::vector<std::string>& args) {
  const auto need = [&](size_t n) {
    if (args.size() < n)
      throw Error("syntax error: " + command + " needs " + std::to_string(n) + " argument" + (n == 1 ? "" : "s"));
  };
  if (command == "protocol_version") return {true, "2"};
  if (command == "name") return {true, "vkrl"};
  if (command == "version") return {true, "0.1.0"};
  if (command == "known_command") {
    need(1);
    const bool known = std::find(std::begin(kCommands), std::end(kCommands), args[0]) != std::end(kCommands);
    return {true, known ? "true" : "false"};
  }
  if (command == "list_commands") {
    std::string list;
    for (const char* c : kCommands) {
      if (!list.empty()) list += '\n';
      list += c;
    }
    return {true, list};
  }
  if (command == "quit") {
    quit_ = true;
    return {};
  }
  if (command == "boardsize") {
    need(1);
    const auto size = integer(args[0]);
    if (!size && !std::all_of(args[0].begin(), args[0].end(),
                              [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); }))
      return {false, "boardsize not an integer"};
    if (!size || *size < Board::kMinSize || *size > Board::kMaxSize) return {false, "unacceptable size"};
    envs::go::GoRules rules = rules_;
    rules.size = int(*size);
    new_game(rules);
    return {};
  }
  if (command == "clear_board") {
    new_game(rules_);
    return {};
  }
  if (command == "komi") {
    need(1);
    const auto komi = real(args[0]);
    if (!komi) return {false, "komi not a float"};
    // The game in progress keeps its stones: komi only changes the score.
    rules_.komi = *komi;
    record_.komi = *komi;
    game_.set_komi(*komi);
    for (GoGame& g : undo_) g.set_komi(*komi);
    return {};
  }
  if (command == "play") return play(args);
  if (command == "genmove") return genmove(args);
  if (command == "undo") {
    if (undo_.empty()) return {false, "cannot undo"};
    game_ = undo_.back();
    undo_.pop_back();
    record_.moves.pop_back();
    player_->new_game();
    return {};
  }
  if (command == "showboard") return {true, std::string("\n") + showboard()};
  if (command == "final_score") return {true, final_score()};
  if (command == "time_settings") {
    need(3);
    const auto main = integer(args[0]), byo_time = integer(args[1]), byo_stones = integer(args[2]);
    if (!main || !byo_time || !byo_stones || *main < 0 || *byo_time < 0 || *byo_stones < 0)
      return {false, "syntax error: time_settings needs three non-negative integers"};
    main_time_ = double(*main);
    byo_yomi_time_ = double(*byo_time);
    byo_yomi_stones_ = int(*byo_stones);
    time_left_[0] = time_left_[1] = -1;
    return {};
  }
  if (command == "time_left") return time_left(args);
  if (command == "loadsgf") return loadsgf(args);
  if (command == "printsgf") return printsgf(args);
  return {false, "unknown command"};
}

GtpEngine::Reply GtpEngine::play(const std::vector<std::string>& args) {
  if (args.size() < 2) return {false, "syntax error: play needs a colour and a vertex"};
  const auto c = colour(args[0]);
  if (!c) return {false, "invalid color"};
  const auto action = vertex(args[1], game_);
  if (!action) return {false, "invalid coordinate"};
  GoGame next = game_;
  next.set_to_play(*c);
  if (next.consecutive_passes() >= 2) next.resume();  // a controller may play on after two passes
  if (!next.is_legal(*action)) return {false, "illegal move"};
  next.play(*action);
  commit_move(std::move(next), *c, *action);
  return {};
}

GtpEngine::Reply GtpEngine::genmove(const std::vector<std::string>& args) {
  if (args.empty()) return {false, "syntax error: genmove needs a colour"};
  const auto c = colour(args[0]);
  if (!c) return {false, "invalid color"};
  GoGame next = game_;
  next.set_to_play(*c);
  if (next.consecutive_passes() >= 2) next.resume();  // a controller may play on after two passes
  // Past the move cap the game is over for vkrl, but a controller may go on: pass.
  const int action = next.is_over() ? next.pass_action() : player_->choose_move(next, budget_for_move(*c));
  if (action == GoPlayer::kResign) return {true, "resign"};  // the game is the controller's to end; nothing changes
  if (!next.is_over()) next.play(action);
  commit_move(std::move(next), *c, action);
  return {true, vertex_name(action, game_)};
}

GtpEngine::Reply GtpEngine::time_left(const std::vector<std::string>& args) {
  if (args.size() < 3) return {false, "syntax error: time_left needs a colour, seconds and stones"};
  const auto c = colour(args[0]);
  const auto seconds = integer(args[1]), stones = integer(args[2]);
  if (!c) return {false, "invalid color"};
  if (!seconds || !stones || *seconds < 0 || *stones < 0) return {false, "syntax error: time_left needs integers"};
  const int i = *c == Stone::Black ? 0 : 1;
  time_left_[i] = double(*seconds);
  stones_left_[i] = int(*stones);
  return {};
}

MoveBudget GtpEngine::budget_for_move(Stone c) const {
  MoveBudget budget = budget_;
  const int i = c == Stone::Black ? 0 : 1;
  double clock = -1;
  if (time_left_[i] >= 0) {
    // In byo-yomi, the period shared by its stones; in main time, a twentieth of what is left, so the clock lasts.
    clock = stones_left_[i] > 0 ? time_left_[i] / stones_left_[i] : time_left_[i] / 20;
  } else if (main_time_ > 0 || byo_yomi_time_ > 0) {
    clock = main_time_ > 0 ? main_time_ / 20 : byo_yomi_time_ / std::max(1, byo_yomi_stones_);
  }
  if (clock >= 0) {
    clock = std::max(0.01, 0.9 * clock);  // a margin for the reply's travel
    budget.seconds = budget.seconds > 0 ? std::min(budget.seconds, clock) : clock;
  }
  return budget;
}

GtpEngine::Reply GtpEngine::loadsgf(const std::vector<std::string>& args) {
  if (args.empty()) return {false, "syntax error: loadsgf needs a file name"};
  std::optional<long long> move_number;
  if (args.size() > 1) {
    move_number = integer(args[1]);
    if (!move_number || *move_number < 1) return {false, "syntax error: move number must be a positive integer"};
  }
  std::ifstream file(args[0], std::ios::binary);
  if (!file) return {false, "cannot load file " + args[0]};
  std::ostringstream text;
  text << file.rdbuf();
  try {
    envs::go::SgfGame sgf = envs::go::parse_sgf(text.str(), args[0]);
    // GTP's move_number: the position before that move is played.
    if (move_number && size_t(*move_number - 1) < sgf.moves.size()) sgf.moves.resize(size_t(*move_number - 1));
    GoGame loaded = envs::go::play_sgf(sgf, kMaxMoves);
    rules_ = loaded.rules();
    game_ = std::move(loaded);
    undo_.clear();
    record_ = std::move(sgf);
    player_->new_game();
    // Who moves next: the colour after the last move, else Black.
    if (!record_.moves.empty()) game_.set_to_play(envs::go::opponent(record_.moves.back().colour));
    return {};
  } catch (const Error& e) {
    return {false, std::string("cannot load file: ") + e.what()};
  }
}

GtpEngine::Reply GtpEngine::printsgf(const std::vector<std::string>& args) const {
  envs::go::SgfGame sgf = record_;
  sgf.result = game_.is_over() ? final_score() : "";  // GTP's "0" for a tie is SGF's too
  const std::string text = envs::go::write_sgf(sgf);
  if (args.empty()) return {true, text.substr(0, text.size() - 1)};  // no empty line inside the reply
  try {
    write_file_atomically(args[0], text);
  } catch (const Error& e) {
    return {false, std::string("cannot write file: ") + e.what()};
  }
  return {};
}

std::string GtpEngine::showboard() const {
  const int n = game_.size();
  std::string columns = "   ";
  for (int c = 0; c < n; ++c) columns += std::string(" ") + kLetters[c];
  std::string out = columns + "\n";
  for (int r = 0; r < n; ++r) {
    const std::string number = std::to_string(n - r);
    std::string row = std::string(3 - number.size(), ' ') + number;
    for (int c = 0; c < n; ++c) {
      const Stone s = game_.board().at(game_.point_of(r * n + c));
      row += s == Stone::Black ? " X" : s == Stone::White ? " O" : " .";
    }
    out += row + " " + number + "\n";
  }
  out += columns + "\n";
  out += std::string(game_.to_play() == Stone::Black ? "black" : "white") + " to play, move " +
         std::to_string(game_.move_count());
  return out;
}

std::string GtpEngine::final_score() const {
  const double score = game_.score();
  if (score == 0) return "0";
  std::ostringstream out;
  out << (score > 0 ? "B+" : "W+") << std::abs(score);
  return out.str();
}

void GtpEngine::run(std::istream& in, std::ostream& out) {
  for (std::string line; !quit_ && std::getline(in, line);) {
    const std::string reply = handle(line);
    if (!reply.empty()) out << reply << std::flush;
  }
}

}  // namespace vkrl::apps
