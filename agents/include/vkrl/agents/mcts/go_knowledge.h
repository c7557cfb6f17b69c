// Go knowledge for the search's prior: virtual experience for one move, counted as imagined visits and wins (Gelly
// and Silver 2007; the weights follow the MoGo-style programs that came after). Every move starts with 10 visits and 5
// wins. Wins are added for captures (15, or 30 for two or more stones), escapes from atari (15), the 3x3 shapes of
// envs/go/shape_patterns.h (10), and the third line when no stone stands within distance 3 (|row| + |column|) (10);
// losses (visits without wins) for a self-atari of two or more stones (10) and for the first two lines in such an empty
// area (10). A pass gets the even start only. Wins for points near the last move (24, 22 and 8 at distances 1 to 3, as
// some 19x19 programs give) lost 19 of 30 self-play games on 9x9 against the same search without them: left out.
#pragma once

#include "vkrl/envs/go/board.h"

namespace vkrl::agents::mcts {

struct GoMoveKnowledge {
  double visits = 0;
  double wins = 0;
};

// For c playing the legal point p (Board::kNoPoint: a pass).
GoMoveKnowledge go_move_knowledge(const envs::go::Board& board, envs::go::Stone c, int p);

}  // namespace vkrl::agents::mcts
