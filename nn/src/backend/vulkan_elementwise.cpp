// Vulkan backend: elementwise ops, activations and dropout masks (nn_elementwise.comp; fills and copies are transfer
// commands).
#include "shape_checks.h"
#include "vkrl/error.h"
#include "vulkan_backend.h"

namespace vkrl::nn {

void VulkanBackend::fill(Tensor& y, double value) { stream().fill(view(y), float(value)); }

void VulkanBackend::copy(const Tensor& x, Tensor& y) {
  require_same_size("copy", x, y);
  stream().copy(view(x), view(y));
}

void VulkanBackend::axpby(double alpha, const Tensor& x, double beta, const Tensor& y, Tensor& z) {
  require_same_size("axpby", x, z);
  require_same_size("axpby", y, z);
  elementwise(ElementwiseOp::axpby, view(x), view(y), view(z), float(alpha), float(beta));
}

void VulkanBackend::multiply(const Tensor& x, const Tensor& y, Tensor& z) {
  require_same_size("multiply", x, z);
  require_same_size("multiply", y, z);
  elementwise(ElementwiseOp::multiply, view(x), view(y), view(z));
}

void VulkanBackend::activation(Activation f, double slope, const Tensor& x, Tensor& y) {
  require_same_size("activation", x, y);
  switch (f) {
    case Activation::identity: return copy(x, y);
    case Activation::relu: return elementwise(ElementwiseOp::relu, view(x), view(x), view(y));
    case Activation::leaky_relu: return elementwise(ElementwiseOp::leaky_relu, view(x), view(x), view(y), float(slope));
    case Activation::sigmoid: return elementwise(ElementwiseOp::sigmoid, view(x), view(x), view(y));
    case Activation::tanh: return elementwise(ElementwiseOp::tanh, view(x), view(x), view(y));
  }
}

void VulkanBackend::activation_backward(Activation f, double slope, const Tensor& y, const Tensor& dy, Tensor& dx) {
  require_same_size("activation_backward", y, dy);
  require_same_size("activation_backward", dy, dx);
  ElementwiseOp op = ElementwiseOp::relu_backward;
  switch (f) {
    case Activation::identity: return copy(dy, dx);
    case Activation::relu: op = ElementwiseOp::relu_backward; break;
    case Activation::leaky_relu: op = ElementwiseOp::leaky_relu_backward; break;
    case Activation::sigmoid: op = ElementwiseOp::sigmoid_backward; break;
    case Activation::tanh: op = ElementwiseOp::tanh_backward; break;
  }
  elementwise(op, view(y), view(dy), view(dx), float(slope));
}

void VulkanBackend::dropout_mask(uint32_t key, double rate, Tensor& mask) {
  if (!(rate >= 0.0 && rate < 1.0)) throw Error("dropout_mask: rate must be in [0, 1), got " + std::to_string(rate));
  // The threshold and the kept value are rounded to float exactly as the CPU backend rounds them.
  elementwise(ElementwiseOp::dropout, view(mask), view(mask), view(mask), float(rate), float(1.0 / (1.0 - rate)), key);
}

}  // namespace vkrl::nn
