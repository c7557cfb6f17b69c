// Backend is the op set that layers, losses and optimizers are written against, so the same model runs on the CPU
// (Eigen; CpuBackend, in float or, for gradient checks, double precision) and on the Vulkan engine (VulkanBackend).
// Every op writes into tensors the caller has allocated, allocates nothing itself and reads nothing back to the host
// (a loss stays in a one-element tensor), so that a whole training step can be captured once and replayed
// (capture()). Values that change between replays (learning rate, step count) live in tensors, not in arguments.
// Shapes are checked; a mismatch throws vkrl::Error naming the op and the shapes. The CPU backend in double
// precision is the reference every other backend is tested against.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "vkrl/nn/tensor.h"

namespace vkrl::nn {

enum class Activation { identity, relu, leaky_relu, sigmoid, tanh };
const char* to_string(Activation f);

// A 2-D sliding window over NCHW images: convolutions and pooling. Output size per axis:
// (in + 2 pad - dilation (kernel - 1) - 1) / stride + 1.
struct Window2d {
  int kernel_h = 1, kernel_w = 1;
  int stride_h = 1, stride_w = 1;
  int pad_h = 0, pad_w = 0;
  int dilation_h = 1, dilation_w = 1;
  int out_height(int height) const;
  int out_width(int width) const;
};

enum class PoolKind { max, average };

// The per-parameter update rules. Hyper-parameters are fixed per optimizer; the values that change every step come
// from a three-element `step` tensor that the host rewrites before every step (so a captured step replays with new
// values): [lr, t, mu_product] with t the 1-based step count and mu_product Nadam's momentum-cache product
// prod_{i=1..t} beta1 (1 - 0.5 * 0.96^i) (the other rules ignore it). The forms, per parameter element, g the gradient:
//   sgd       PyTorch's: v = momentum v + g; p -= lr (g + momentum v) with Nesterov, p -= lr v without (no state
//             when momentum = 0: p -= lr g). With constant lr it is Keras's rule with v scaled by -lr.
//   adagrad   a += g^2; p -= lr g / (sqrt(a) + eps)  (tf.keras and PyTorch; a starts at initial_accumulator).
//   adadelta  Keras's and PyTorch's: a = rho a + (1 - rho) g^2; d = sqrt(s + eps) / sqrt(a + eps) g;
//             s = rho s + (1 - rho) d^2; p -= lr d.
//   rmsprop   PyTorch's (eps outside the root, as MinAtar's DQN uses it): v = rho v + (1 - rho) g^2; centered:
//             c = rho c + (1 - rho) g, den = sqrt(v - c^2) + eps, else den = sqrt(v) + eps; with momentum:
//             b = momentum b + g / den, p -= lr b; without: p -= lr g / den.
//   adam      Keras's (eps-hat): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
//             p -= lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + eps).
//   adamw     p -= lr weight_decay p first (decoupled, Keras and PyTorch), then adam.
//   adamax    Keras's: m = b1 m + (1 - b1) g; u = max(b2 u, |g|); p -= lr / (1 - b1^t) m / (u + eps).
//   nadam     Keras's (Dozat 2016 with the 0.96 momentum schedule): mu_t = b1 (1 - 0.5 0.96^t),
//             mu_t1 = b1 (1 - 0.5 0.96^(t+1)), P = mu_product; m and v as adam;
//             m_hat = mu_t1 m / (1 - P mu_t1) + (1 - mu_t) g / (1 - P); v_hat = v / (1 - b2^t);
//             p -= lr m_hat / (sqrt(v_hat) + eps).
enum class OptimizerKind { sgd, adagrad, adadelta, rmsprop, adam, adamw, adamax, nadam };
struct OptimizerRule {
  OptimizerKind kind = OptimizerKind::sgd;
  double momentum = 0.0;       // sgd, rmsprop
  bool nesterov = false;       // sgd
  bool centered = false;       // rmsprop
  double rho = 0.9;            // rmsprop and adadelta decay
  double beta1 = 0.9, beta2 = 0.999;  // adam family
  double epsilon = 1e-7;
  double weight_decay = 0.0;   // adamw's decoupled decay
  double initial_accumulator = 0.0;  // adagrad
};
constexpr int kOptimizerStepValues = 3;  // [lr, t, mu_product]
// The names of the state tensors (each the parameter's size) a rule keeps per parameter, in optimizer_step's order
// (e.g. Adam's "m", "v"); checkpoints store them as "<parameter name>.<slot name>".
std::vector<std::string> optimizer_state_names(const OptimizerRule& rule);
int optimizer_state_count(const OptimizerRule& rule);

// A counter-based uniform number in [0, 1) with 24 random bits, the same on every backend: dropout masks draw
// element i of a mask from counter_uniform(key, i).
inline float counter_uniform(uint32_t key, uint32_t index) {
  auto mix = [](uint32_t x) {  // a 32-bit integer hash (lowbias32)
    x ^= x >> 16;
    x *= 0x7feb352du;
    x ^= x >> 15;
    x *= 0x846ca68bu;
    x ^= x >> 16;
    return x;
  };
  return float(mix(key ^ mix(index * 0x9e3779b9u + 1u)) >> 8) * (1.0f / 16777216.0f);
}

// Work captured once and replayed: on the CPU a replay runs the ops again; on Vulkan it is one queue submit, and
// replay() returns while the work runs (the next read waits for it).
class CapturedWork {
public:
  virtual ~CapturedWork() = default;
  virtual void replay() = 0;
};

class Backend {
public:
  virtual ~Backend() = default;
  virtual std::string name() const = 0;  // e.g. "cpu-f32", "vulkan:lavapipe"

  // Storage, zero-filled, and host access (which waits for work in flight).
  virtual std::shared_ptr<Storage> allocate(size_t elements) = 0;
  virtual void write(const Tensor& t, std::span<const float> values) = 0;
  virtual void write(const Tensor& t, std::span<const double> values) = 0;
  virtual void read(const Tensor& t, std::span<float> out) = 0;
  virtual void read(const Tensor& t, std::span<double> out) = 0;

  // Records `ops` (which calls only Backend ops, no host reads or writes) for replay, without running them: every
  // replay(), the first included, runs the ops once. The default keeps the function and calls it on each replay.
  virtual std::unique_ptr<CapturedWork> capture(std::function<void()> ops);
  // Runs two groups of ops that are independent: neither reads a tensor the other writes. The CPU backend runs them on
  // two cores at once, with the same results as one after the other; the default (Vulkan) records them in order.
  // Like a stream of ops, it is called from one host thread at a time.
  virtual void run_independent(const std::function<void()>& first, const std::function<void()>& second);

  // --- Elementwise ---
  virtual void fill(Tensor& y, double value) = 0;
  virtual void copy(const Tensor& x, Tensor& y) = 0;
  // z = alpha x + beta y; z may alias x or y.
  virtual void axpby(double alpha, const Tensor& x, double beta, const Tensor& y, Tensor& z) = 0;
  // z = x * y elementwise; z may alias x or y.
  virtual void multiply(const Tensor& x, const Tensor& y, Tensor& z) = 0;
  // y = f(x) elementwise; `slope` is leaky_relu's slope for x < 0.
  virtual void activation(Activation f, double slope, const Tensor& x, Tensor& y) = 0;
  // dx = f'(x) dy, with f' written in terms of the forward output y.
  virtual void activation_backward(Activation f, double slope, const Tensor& y, const Tensor& dy, Tensor& dx) = 0;
  // mask[i] = counter_uniform(key, i) < rate ? 0 : 1 / (1 - rate) (inverted dropout).
  virtual void dropout_mask(uint32_t key, double rate, Tensor& mask) = 0;

  // --- Matrices ---
  // C = alpha op(A) op(B) + beta C, each tensor seen as a rows() x cols() matrix; beta = 0 ignores C's contents.
  virtual void gemm(bool trans_a, bool trans_b, double alpha, const Tensor& a, const Tensor& b, double beta,
                    Tensor& c) = 0;
  // y[n, c, s] += bias[c], y seen as [rows, bias.size(), rest] (a dense layer's [batch, units], or NCHW).
  virtual void add_bias(Tensor& y, const Tensor& bias) = 0;
  // dbias[c] = beta dbias[c] + sum over n and s of dy[n, c, s].
  virtual void bias_gradient(const Tensor& dy, double beta, Tensor& dbias) = 0;
  // Softmax over each row, and its backward pass dx = y (dy - sum_j dy_j y_j) per row.
  virtual void softmax(const Tensor& x, Tensor& y) = 0;
  virtual void softmax_backward(const Tensor& y, const Tensor& dy, Tensor& dx) = 0;

  // --- Images (NCHW) ---
  // y[N, O, OH, OW] = conv(x[N, C, H, W], w[O, C, KH, KW]) (cross-correlation, as every framework computes it; no
  // bias: add_bias does that). The backward passes: dx from dy and w (overwritten), and dw = beta dw + the filter
  // gradient from x and dy.
  virtual void conv2d(const Window2d& win, const Tensor& x, const Tensor& w, Tensor& y) = 0;
  virtual void conv2d_backward_input(const Window2d& win, const Tensor& dy, const Tensor& w, Tensor& dx) = 0;
  virtual void conv2d_backward_filter(const Window2d& win, const Tensor& x, const Tensor& dy, double beta,
                                      Tensor& dw) = 0;
  // Pooling per channel; padded cells are ignored (a max over, or a mean of, the in-bounds cells only). Max pooling's
  // backward sends dy to the first cell in the window that holds the maximum.
  virtual void pool2d(PoolKind kind, const Window2d& win, const Tensor& x, Tensor& y) = 0;
  virtual void pool2d_backward(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y, const Tensor& dy,
                               Tensor& dx) = 0;

  // --- Sequences ---
  // Embedding lookup: y[n, t, :] = table[indices[n, t], :], indices [N, T] holding whole numbers as floats, table
  // [vocab, dim], y [N, T, dim]. An index outside [0, vocab) is an error on the CPU; a kernel cannot throw, so on
  // Vulkan that row comes out NaN. The backward pass scatter-adds: dtable[v, :] (overwritten) = the sum of dy[n, t, :]
  // over every position with indices[n, t] = v, summed in position order so that the result is deterministic.
  virtual void embedding(const Tensor& indices, const Tensor& table, Tensor& y) = 0;
  virtual void embedding_backward(const Tensor& indices, const Tensor& dy, Tensor& dtable) = 0;

  // --- Batch normalisation over x seen as [N, C, rest], statistics per channel C ---
  // Training: normalises with the batch mean and biased variance, saves mean and 1/sqrt(var + eps) for the backward
  // pass, and updates running = momentum running + (1 - momentum) batch (Keras's convention, biased variance).
  virtual void batch_norm_train(const Tensor& x, const Tensor& gamma, const Tensor& beta, double momentum,
                                double epsilon, Tensor& running_mean, Tensor& running_var, Tensor& saved_mean,
                                Tensor& saved_inv_std, Tensor& y) = 0;
  virtual void batch_norm_inference(const Tensor& x, const Tensor& gamma, const Tensor& beta,
                                    const Tensor& running_mean, const Tensor& running_var, double epsilon,
                                    Tensor& y) = 0;
  // dx, and dgamma, dbeta overwritten.
  virtual void batch_norm_backward(const Tensor& x, const Tensor& gamma, const Tensor& saved_mean,
                                   const Tensor& saved_inv_std, const Tensor& dy, Tensor& dx, Tensor& dgamma,
                                   Tensor& dbeta) = 0;

  // --- Losses: loss[0] and the gradient with respect to the prediction, both overwritten ---
  // Categorical cross-entropy from logits: the mean over rows of -sum_j t_j log softmax(z)_j; dz = (softmax(z) - t)
  // / rows.
  virtual void softmax_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) = 0;
  // Binary cross-entropy from logits, the mean over all elements of -(t log s(z) + (1 - t) log(1 - s(z))), computed
  // stably as max(z, 0) - z t + log(1 + exp(-|z|)); dz = (s(z) - t) / size.
  virtual void binary_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) = 0;
  // The mean of (p - t)^2 over all elements; dp = 2 (p - t) / size.
  virtual void mean_squared_error(const Tensor& pred, const Tensor& target, Tensor& loss, Tensor& dpred) = 0;
  // The mean over all elements of Huber(p - t): r^2 / 2 for |r| <= delta, delta (|r| - delta / 2) beyond.
  virtual void huber(const Tensor& pred, const Tensor& target, double delta, Tensor& loss, Tensor& dpred) = 0;
  // Weight penalties: loss[0] += l1 sum |w| + l2 sum w^2 and grad += l1 sign(w) + 2 l2 w (Keras's regularizers).
  virtual void weight_penalty(double l1, double l2, const Tensor& param, Tensor& grad, Tensor& loss) = 0;

  // --- Value-based RL (DQN), rows are batch entries and columns actions ---
  // targets[b] = rewards[b] + discounts[b] * next_q_target[b, a*], a* = argmax of next_q_select's row b (Double DQN:
  // the online net's next-state values) or of next_q_target's own row (plain DQN: pass next_q_target twice). Ties take
  // the first action. `discounts` hold gamma^n, and 0 where the episode terminated.
  virtual void q_targets(const Tensor& next_q_target, const Tensor& next_q_select, const Tensor& rewards,
                         const Tensor& discounts, Tensor& targets) = 0;
  // The TD loss on the taken actions: loss[0] = mean over b of weights[b] L(q[b, actions[b]] - targets[b]), L Huber
  // with `delta` (delta <= 0: squared error r^2), actions stored as floats; dq is that mean's gradient (zero off the
  // taken actions) and abs_td[b] = |q[b, actions[b]] - targets[b]| for prioritized replay.
  virtual void td_loss(const Tensor& q, const Tensor& actions, const Tensor& targets, const Tensor& weights,
                       double delta, Tensor& loss, Tensor& dq, Tensor& abs_td) = 0;
  // The dueling head (Wang et al. 2016): q[b, a] = value[b] + advantage[b, a] - mean over a of advantage[b, :], and its
  // backward pass: dvalue[b] = sum over a of dq[b, a], dadvantage[b, a] = dq[b, a] - mean over a of dq[b, :].
  virtual void dueling(const Tensor& value, const Tensor& advantage, Tensor& q) = 0;
  virtual void dueling_backward(const Tensor& dq, Tensor& dvalue, Tensor& dadvantage) = 0;

  // --- Reductions and optimizers ---
  // out[0] = beta out[0] + sum of x^2.
  virtual void sum_squares(const Tensor& x, double beta, Tensor& out) = 0;
  // g *= min(1, max_norm / sqrt(norm_squared[0])): global-norm clipping once sum_squares has summed every gradient.
  virtual void clip_by_norm(const Tensor& norm_squared, double max_norm, Tensor& g) = 0;
  // One update of `param` from `grad` by `rule`, with `step` = [lr, t, mu_product] (see OptimizerRule) and the rule's
  // optimizer_state_count(rule) state tensors (zero at the start, except Adagrad's accumulator, which starts at
  // rule.initial_accumulator).
  virtual void optimizer_step(const OptimizerRule& rule, const Tensor& step, Tensor& param, const Tensor& grad,
                              std::span<Tensor> state) = 0;

  // --- Recurrent cells: one time step over a batch of N rows and H units ---
  // A recurrent layer keeps its sequences time-major ([T, N, ...], so that step t is the contiguous block rows(t, 1)),
  // computes every step's input part of the gate pre-activations with one GEMM before the loop, and then per step adds
  // the recurrent part with one GEMM and calls one of these fused ops: O(T) dispatches for a sequence, forward and
  // backward alike. The ops keep what the backward pass needs (gate activations, cells) in the caller's tensors.
  // y[b, a, rest] = x[a, b, rest]: swaps the first two axes (between [N, T, F] and time-major [T, N, F]).
  virtual void swap_leading_axes(const Tensor& x, Tensor& y) = 0;
  // LSTM (../shared/REFERENCE.md 9.5). `gates` [N, 4H] holds the pre-activations of the blocks i, f, g, o on entry
  // and their activations on return; c = f c_prev + i g, h = o tanh(c). With a defined `peephole` [3H] = (P_i, P_f,
  // P_o), i and f add P c_prev and o adds P_o c before the sigmoid; an undefined tensor means no peepholes.
  virtual void lstm_cell(const Tensor& peephole, const Tensor& c_prev, Tensor& gates, Tensor& c, Tensor& h) = 0;
  // Its backward pass: dh [N, H] is the whole gradient reaching h_t; dc holds the gradient reaching c_t from step
  // t + 1 on entry and the one reaching c_{t-1} on return; dgates [N, 4H] receives the gradient with respect to the
  // pre-activations, and with peepholes dpeephole [N, 3H] the per-row terms of the peepholes' gradient (the caller
  // sums them over rows and steps).
  virtual void lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev, const Tensor& c,
                                  const Tensor& dh, Tensor& dc, Tensor& dgates, Tensor& dpeephole) = 0;
  // GRU (REFERENCE.md 9.5, the reset gate applied before U_n), in two halves around the GEMM by U_n, with the gates
  // in two tensors so that each is a GEMM's output: zr [N, 2H] (blocks z, r) and n [N, H]. gru_reset turns zr's
  // pre-activations into activations and writes reset_hidden = r h_prev; gru_update turns n's pre-activations into
  // n = tanh(...) and writes h = (1 - z) h_prev + z n: z weighs the new candidate, as in REFERENCE.md and Chung et al.
  // 2014 (PyTorch and Keras put z on h_prev instead; the two are the same model with z's sign flipped).
  virtual void gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) = 0;
  virtual void gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) = 0;
  // The backward halves, in reverse order. gru_update_backward from dh, the whole gradient reaching h_t: writes dn
  // (with respect to n's pre-activation) and zr's z block of dzr, and adds dh (1 - z) to dh_prev. Then the caller
  // computes d_reset_hidden = dn U_n and gru_reset_backward writes dzr's r block and adds d_reset_hidden r to dh_prev.
  virtual void gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh,
                                   Tensor& dzr, Tensor& dn, Tensor& dh_prev) = 0;
  virtual void gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden, Tensor& dzr,
                                  Tensor& dh_prev) = 0;
};

// The Eigen backend; double precision is for gradient checks and as the reference.
std::unique_ptr<Backend> make_cpu_backend(bool double_precision = false);
// The threads the CPU backend runs independent ops on (run_independent): two where the machine has two cores.
int cpu_backend_threads();

}  // namespace vkrl::nn
