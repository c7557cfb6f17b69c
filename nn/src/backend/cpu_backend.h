// CpuBackend<T>: every Backend op through Eigen on row-major maps of the tensors' storage, in float (the fast path on
// a machine without a GPU) or double (the reference for gradient checks). The class is declared here and its ops are
// defined by area in cpu_*.cpp, each instantiated for float and double. Eigen is included by these files only.
#pragma once

#include <Eigen/Core>

#include <string>
#include <vector>

#include "vkrl/error.h"
#include "vkrl/nn/backend.h"
#include "shape_checks.h"

namespace vkrl {
class WorkerPool;
}

namespace vkrl::nn {

// Storage aligned to Eigen's widest packet: with AVX or AVX-512 (-march=native) Eigen handles the elements before the
// first aligned address apart from the rest, so with malloc's 16-byte alignment the same data could round
// differently from one allocation to the next and a run would not repeat bit for bit.
template <class T>
struct CpuStorage final : Storage {
  explicit CpuStorage(size_t n) : values(n, T(0)) {}
  std::vector<T, Eigen::aligned_allocator<T>> values;
};

template <class T>
class CpuBackend final : public Backend {
public:
  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  using Vector = Eigen::Array<T, Eigen::Dynamic, 1>;

  std::string name() const override { return sizeof(T) == 4 ? "cpu-f32" : "cpu-f64"; }

  std::shared_ptr<Storage> allocate(size_t elements) override { return std::make_shared<CpuStorage<T>>(elements); }
  void write(const Tensor& t, std::span<const float> v) override;
  void write(const Tensor& t, std::span<const double> v) override;
  void read(const Tensor& t, std::span<float> out) override;
  void read(const Tensor& t, std::span<double> out) override;
  void run_independent(const std::function<void()>& first, const std::function<void()>& second) override;

  // cpu_elementwise.cpp
  void fill(Tensor& y, double value) override;
  void copy(const Tensor& x, Tensor& y) override;
  void axpby(double alpha, const Tensor& x, double beta, const Tensor& y, Tensor& z) override;
  void multiply(const Tensor& x, const Tensor& y, Tensor& z) override;
  void activation(Activation f, double slope, const Tensor& x, Tensor& y) override;
  void activation_backward(Activation f, double slope, const Tensor& y, const Tensor& dy, Tensor& dx) override;
  void dropout_mask(uint32_t key, double rate, Tensor& mask) override;

  // cpu_matrix.cpp
  void gemm(bool trans_a, bool trans_b, double alpha, const Tensor& a, const Tensor& b, double beta,
            Tensor& c) override;
  void add_bias(Tensor& y, const Tensor& bias) override;
  void bias_gradient(const Tensor& dy, double beta, Tensor& dbias) override;
  void softmax(const Tensor& x, Tensor& y) override;
  void softmax_backward(const Tensor& y, const Tensor& dy, Tensor& dx) override;

  // cpu_images.cpp
  void conv2d(const Window2d& win, const Tensor& x, const Tensor& w, Tensor& y) override;
  void conv2d_backward_input(const Window2d& win, const Tensor& dy, const Tensor& w, Tensor& dx) override;
  void conv2d_backward_filter(const Window2d& win, const Tensor& x, const Tensor& dy, double beta,
                              Tensor& dw) override;
  void pool2d(PoolKind kind, const Window2d& win, const Tensor& x, Tensor& y) override;
  void pool2d_backward(PoolKind kind, const Window2d& win, const Tensor& x, const Tensor& y, const Tensor& dy,
                       Tensor& dx) override;

  // cpu_sequences.cpp
  void embedding(const Tensor& indices, const Tensor& table, Tensor& y) override;
  void embedding_backward(const Tensor& indices, const Tensor& dy, Tensor& dtable) override;

  // cpu_batch_norm.cpp
  void batch_norm_train(const Tensor& x, const Tensor& gamma, const Tensor& beta, double momentum, double epsilon,
                        Tensor& running_mean, Tensor& running_var, Tensor& saved_mean, Tensor& saved_inv_std,
                        Tensor& y) override;
  void batch_norm_inference(const Tensor& x, const Tensor& gamma, const Tensor& beta, const Tensor& running_mean,
                            const Tensor& running_var, double epsilon, Tensor& y) override;
  void batch_norm_backward(const Tensor& x, const Tensor& gamma, const Tensor& saved_mean,
                           const Tensor& saved_inv_std, const Tensor& dy, Tensor& dx, Tensor& dgamma,
                           Tensor& dbeta) override;

  // cpu_losses.cpp
  void softmax_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) override;
  void binary_cross_entropy(const Tensor& logits, const Tensor& targets, Tensor& loss, Tensor& dlogits) override;
  void mean_squared_error(const Tensor& pred, const Tensor& target, Tensor& loss, Tensor& dpred) override;
  void huber(const Tensor& pred, const Tensor& target, double delta, Tensor& loss, Tensor& dpred) override;
  void weight_penalty(double l1, double l2, const Tensor& param, Tensor& grad, Tensor& loss) override;

  // cpu_rl.cpp
  void q_targets(const Tensor& next_q_target, const Tensor& next_q_select, const Tensor& rewards,
                 const Tensor& discounts, Tensor& targets) override;
  void td_loss(const Tensor& q, const Tensor& actions, const Tensor& targets, const Tensor& weights, double delta,
               Tensor& loss, Tensor& dq, Tensor& abs_td) override;
  void dueling(const Tensor& value, const Tensor& advantage, Tensor& q) override;
  void dueling_backward(const Tensor& dq, Tensor& dvalue, Tensor& dadvantage) override;

  // cpu_optimizers.cpp
  void sum_squares(const Tensor& x, double beta, Tensor& out) override;
  void clip_by_norm(const Tensor& norm_squared, double max_norm, Tensor& g) override;
  void optimizer_step(const OptimizerRule& rule, const Tensor& step, Tensor& param, const Tensor& grad,
                      std::span<Tensor> state) override;

  // cpu_recurrent.cpp
  void swap_leading_axes(const Tensor& x, Tensor& y) override;
  void lstm_cell(const Tensor& peephole, const Tensor& c_prev, Tensor& gates, Tensor& c, Tensor& h) override;
  void lstm_cell_backward(const Tensor& peephole, const Tensor& gates, const Tensor& c_prev, const Tensor& c,
                          const Tensor& dh, Tensor& dc, Tensor& dgates, Tensor& dpeephole) override;
  void gru_reset(const Tensor& h_prev, Tensor& zr, Tensor& reset_hidden) override;
  void gru_update(const Tensor& h_prev, const Tensor& zr, Tensor& n, Tensor& h) override;
  void gru_update_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& n, const Tensor& dh, Tensor& dzr,
                           Tensor& dn, Tensor& dh_prev) override;
  void gru_reset_backward(const Tensor& h_prev, const Tensor& zr, const Tensor& d_reset_hidden, Tensor& dzr,
                          Tensor& dh_prev) override;

  // Access to a tensor's numbers; throws if the tensor belongs to another backend.
  T* data(const Tensor& t) const {
    if (&t.backend() != this) throw Error("a tensor of backend " + t.backend().name() + " given to " + name());
    return static_cast<CpuStorage<T>&>(t.storage()).values.data() + t.offset();
  }
  Eigen::Map<Matrix> matrix(const Tensor& t) const {
    return {data(t), Eigen::Index(t.shape().rows()), Eigen::Index(t.shape().cols())};
  }
  Eigen::Map<Vector> array(const Tensor& t) const { return {data(t), Eigen::Index(t.size())}; }

  ~CpuBackend() override;  // in cpu_backend.cpp, where WorkerPool is complete

private:
  std::unique_ptr<WorkerPool> pool_;  // for run_independent(), made on its first call
};

}  // namespace vkrl::nn
