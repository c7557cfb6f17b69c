#version 450
// Ops over each row of a rows x cols matrix, one invocation per row: softmax (X to Z), its backward pass (X the
// softmax output, Y the incoming gradient, Z the result) and softmax cross-entropy from logits (X the logits, Y the
// targets, Z the gradient scaled by p.scale, Out[row] the row's loss).
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint rows, cols, offX, offY, offZ, offOut;
  uint op;
  float scale;
} p;

layout(std430, binding = 0) readonly buffer BufX { float X[]; };
layout(std430, binding = 1) readonly buffer BufY { float Y[]; };
layout(std430, binding = 2) writeonly buffer BufZ { float Z[]; };
layout(std430, binding = 3) writeonly buffer BufOut { float Out[]; };

const uint SOFTMAX = 0;
const uint SOFTMAX_BACKWARD = 1;
const uint SOFTMAX_CROSS_ENTROPY = 2;

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint r = gl_GlobalInvocationID.x; r < p.rows; r += stride) {
    const uint x0 = p.offX + r * p.cols, y0 = p.offY + r * p.cols, z0 = p.offZ + r * p.cols;
    if (p.op == SOFTMAX_BACKWARD) {
      float dot = 0.0;
      for (uint j = 0; j < p.cols; ++j) dot += X[x0 + j] * Y[y0 + j];
      for (uint j = 0; j < p.cols; ++j) Z[z0 + j] = X[x0 + j] * (Y[y0 + j] - dot);
      continue;
    }
    float top = X[x0];
    for (uint j = 1; j < p.cols; ++j) top = max(top, X[x0 + j]);
    float total = 0.0;
    for (uint j = 0; j < p.cols; ++j) total += exp(X[x0 + j] - top);
    if (p.op == SOFTMAX) {
      for (uint j = 0; j < p.cols; ++j) Z[z0 + j] = exp(X[x0 + j] - top) / total;
      continue;
    }
    // -sum_j t_j log softmax_j, with log softmax_j = z_j - log_sum.
    const float log_sum = log(total) + top;
    float loss = 0.0;
    for (uint j = 0; j < p.cols; ++j) {
      const float log_softmax = X[x0 + j] - log_sum;
      loss -= Y[y0 + j] * log_softmax;
      Z[z0 + j] = (exp(log_softmax) - Y[y0 + j]) * p.scale;
    }
    Out[p.offOut + r] = loss;
  }
}
