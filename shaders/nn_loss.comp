#version 450
// Elementwise loss terms and their gradients, chosen by p.op: P the prediction (or logits, or the parameter), T the
// target, D the gradient, Term[i] the element's share of the loss, which nn_reduce then sums. The gradient carries the
// 1 / n of a mean through p.scale.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint n, offP, offT, offD, offTerm;
  uint op;
  float a, b, scale;
} p;

layout(std430, binding = 0) readonly buffer BufP { float P[]; };
layout(std430, binding = 1) readonly buffer BufT { float T[]; };
layout(std430, binding = 2) buffer BufD { float D[]; };
layout(std430, binding = 3) writeonly buffer BufTerm { float Term[]; };

const uint BINARY_CROSS_ENTROPY = 0;  // from logits
const uint MEAN_SQUARED_ERROR = 1;
const uint HUBER = 2;                 // delta a
const uint WEIGHT_PENALTY = 3;        // l1 a, l2 b; D accumulates, T is unused

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float x = P[p.offP + i];
    float term, grad;
    if (p.op == WEIGHT_PENALTY) {
      term = p.a * abs(x) + p.b * x * x;
      D[p.offD + i] += p.a * sign(x) + 2.0 * p.b * x;
      Term[p.offTerm + i] = term;
      continue;
    }
    const float t = T[p.offT + i];
    if (p.op == BINARY_CROSS_ENTROPY) {
      // max(z, 0) - z t + log(1 + exp(-|z|)), stable for any z.
      term = max(x, 0.0) - x * t + log(1.0 + exp(-abs(x)));
      grad = 1.0 / (1.0 + exp(-x)) - t;
    } else if (p.op == MEAN_SQUARED_ERROR) {
      const float r = x - t;
      term = r * r;
      grad = 2.0 * r;
    } else {
      const float r = x - t;
      const bool quadratic = abs(r) <= p.a;
      term = quadratic ? 0.5 * r * r : p.a * (abs(r) - 0.5 * p.a);
      grad = quadratic ? r : sign(r) * p.a;
    }
    D[p.offD + i] = grad * p.scale;
    Term[p.offTerm + i] = term;
  }
}
