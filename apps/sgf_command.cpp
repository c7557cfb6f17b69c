// vkrl sgf FILE: reads a Go game record (SGF FF[4], envs/go/sgf.h), replays its main line under vkrl's rules and
// prints the players, the result it records, the final position and its area score with the komi; --png draws that
// position. A malformed file is one line "FILE:LINE:COLUMN: problem", and a move the rules refuse names the move;
// both exit 1.
#include <fmt/format.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "commands.h"
#include "media/png.h"
#include "vkrl/envs/frame.h"
#include "vkrl/envs/go/go_env.h"
#include "vkrl/envs/go/sgf.h"
#include "vkrl/error.h"

namespace vkrl::apps {

namespace {

struct SgfOptions {
  std::string file, png;
};

int run_sgf(const SgfOptions& o) {
  std::ifstream in(o.file, std::ios::binary);
  if (!in) throw Error(o.file + ": cannot open the file");
  std::ostringstream text;
  text << in.rdbuf();
  const envs::go::SgfGame sgf = envs::go::parse_sgf(text.str(), o.file);
  // A record is replayed whole: no move cap short of its own length.
  const int cap = int(sgf.moves.size()) + 1;
  const envs::go::GoGame game = [&] {
    try {
      return envs::go::play_sgf(sgf, cap);
    } catch (const Error& e) {
      throw Error(o.file + ": " + e.what());  // the rules' error names the move, not the file
    }
  }();
  const std::string name = fmt::format("go/{}x{}", sgf.size, sgf.size);
  const envs::go::GoEnv env(name, game);

  auto or_dash = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
  fmt::print("{}  {}x{}, komi {:g}\n", o.file, sgf.size, sgf.size, sgf.komi);
  fmt::print("black {}  white {}  recorded result {}\n", or_dash(sgf.black_player), or_dash(sgf.white_player),
             or_dash(sgf.result));
  fmt::print("setup stones {} black, {} white; {} moves in the main line\n", sgf.black_setup.size(),
             sgf.white_setup.size(), sgf.moves.size());
  fmt::print("{}", env.to_string());
  const double score = game.score();
  fmt::print("area score {}\n", score > 0 ? fmt::format("B+{:g}", score) : score < 0 ? fmt::format("W+{:g}", -score)
                                                                                      : std::string("a tie"));
  if (!o.png.empty()) {
    envs::Frame frame;
    env.render(frame);
    write_png(o.png, frame);
    fmt::print("wrote {}\n", o.png);
  }
  return 0;
}

}  // namespace

void add_sgf_command(CLI::App& app, CommonOptions& options, int& exit_code) {
  static SgfOptions sgf;
  CLI::App& command = add_command(app, "sgf", "Check and replay a Go game record (SGF): final position and score",
                                  options, exit_code, [] { return run_sgf(sgf); });
  command.add_option("file", sgf.file, "SGF file")->required();
  command.add_option("--png", sgf.png, "Draw the final position to this PNG");
}

}  // namespace vkrl::apps
