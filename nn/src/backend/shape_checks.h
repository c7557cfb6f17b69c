// Shape checks every backend's ops share; each throws vkrl::Error naming the op and the shapes.
#pragma once

#include <initializer_list>

#include <cstddef>

#include <span>

#include "vkrl/nn/backend.h"

namespace vkrl::nn {

// Throws unless a and b hold the same number of elements.
void require_same_size(const char* op, const Tensor& a, const Tensor& b);
// How many consecutive elements share one channel when y is [rows, channels, rest]; throws unless it divides.
size_t channel_inner(const Tensor& y, size_t channels, const char* op);
// Throws unless per_row holds one value per row of q (the RL ops' rewards, actions, targets...).
void require_rows(const char* op, const Tensor& q, const Tensor& per_row);
// embedding's and embedding_backward's operands: a [vocab, dim] table (or its gradient) and `rows` holding dim values
// per index (y or dy). Returns dim.
size_t require_embedding(const char* op, const Tensor& indices, const Tensor& table, const Tensor& rows);
// optimizer_step's operands: a gradient and state tensors the parameter's size, as many as the rule keeps, and a step
// tensor of kOptimizerStepValues.
// swap_leading_axes's operands: x [A, B, rest] and y [B, A, rest].
void require_swapped_axes(const Tensor& x, const Tensor& y);
// A recurrent cell op's operands: `state` is [N, H] (N = rows, H = the rest), and each operand must be N x (blocks H).
struct CellSize {
  size_t rows, units;
};
struct CellOperand {
  const Tensor& tensor;
  int blocks;
};
CellSize require_cell_operands(const char* op, const Tensor& state, std::initializer_list<CellOperand> operands);
// An LSTM's peepholes: undefined, or 3 H values; their gradient, when given, N x 3 H.
void require_peepholes(const char* op, const CellSize& size, const Tensor& peephole,
                       const Tensor* peephole_gradient = nullptr);
void require_optimizer_operands(const OptimizerRule& rule, const Tensor& step, const Tensor& param, const Tensor& grad,
                                std::span<Tensor> state);

}  // namespace vkrl::nn
