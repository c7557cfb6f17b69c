// Model specs: a model described as JSON or TOML text, so that experiments and agents build their nets from files.
// A spec gives one sample's input shape and either a plain stack of layers or a trunk with named heads:
//   {"input": [4, 10, 10], "layers": [{"type": "conv2d", "filters": 16, "kernel": 3, "activation": "relu"},
//                                     {"type": "flatten"}, {"type": "dense", "units": 6}]}
//   {"input": [...], "trunk": [...], "heads": {"value": [...], "advantage": [...]}}
// TOML takes the same keys ([[layers]] tables, [[trunk]], [[heads.value]]). Layer types and their keys:
//   dense        units; initializer (glorot_uniform, he_uniform, he_normal), l1, l2
//   conv2d       filters, kernel (n or [h, w]); stride, dilation (n or [h, w]), padding ("valid", "same" or n),
//                bias (true), initializer, l1, l2
//   conv1d       filters, kernel over [C, L] sequences; stride, dilation, padding ("valid", "same" or n), bias,
//                initializer, l1, l2
//   conv_transpose2d  filters, kernel (n or [h, w]); stride, dilation, padding, output_padding (n or [h, w]), bias,
//                initializer, l1, l2
//   embedding    vocab, dim: [T] indices (whole numbers stored as floats) to [T, dim]
//   maxpool2d, avgpool2d   pool (2 or [h, w]), stride (the pool), padding ("valid" or "same")
//   batchnorm    momentum (0.99), epsilon (0.001)
//   dropout      rate
//   flatten; reshape (shape: the dims after the batch); softmax; relu, leaky_relu (slope 0.01), sigmoid, tanh
//   residual     layers: the inner block, whose output shape must equal its input shape
//   lstm         units; return_sequences (false: the last state [H], true: every step's [T, H]), peephole (false)
//   gru, simple_rnn        units; return_sequences (false)         (recurrent layers take [T, F] sequences)
// Any layer but residual may carry "activation" (relu, leaky_relu, sigmoid, tanh, softmax, linear), which appends
// that activation. A bad spec throws vkrl::Error naming the source, the key's path (e.g. "layers[2].units") and the
// problem; an unknown key or layer type suggests the nearest valid one.
#pragma once

#include <string>

#include "vkrl/nn/model.h"

namespace vkrl::nn {

// `source` names the text in errors: a file name, or "<string>".
Model model_from_json(const std::string& text, const std::string& source = "<string>");
Model model_from_toml(const std::string& text, const std::string& source = "<string>");
// Reads a .json or .toml file (by its extension).
Model load_model_spec(const std::string& path);

}  // namespace vkrl::nn
