// The 3x3 shape patterns of MoGo's playouts (Gelly, Wang, Munos and Teytaud 2006, "Modification of UCT with patterns
// in Monte-Carlo Go"): hane, cuts and a few edge shapes, each a point whose eight neighbours make a move there urgent
// for either colour. A point's neighbourhood is coded in 16 bits (two per neighbour: empty, black, white, edge), and a
// table of all 65,536 codes, built once from the patterns under the eight rotations and reflections and both colour
// assignments, answers a match in one lookup. The playouts (playout.h) play these shapes next to the last move, and
// the Go search's prior knowledge (agents/mcts) favours them.
#pragma once

#include "vkrl/envs/go/board.h"

namespace vkrl::envs::go {

// The empty point p's neighbourhood forms one of the shapes.
bool matches_shape_pattern(const Board& board, int p);

}  // namespace vkrl::envs::go
