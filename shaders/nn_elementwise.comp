#version 450
// The nn backend's elementwise ops in one kernel, chosen by p.op: Z[i] from X[i], Y[i] and the scalars a, b. Unused
// bindings are bound to any valid view. Z may be the same memory as X or Y: each element is read before it is written
// by the same invocation. A grid-stride loop covers n beyond the workgroup limit.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;

layout(push_constant) uniform Params {
  uint n, offX, offY, offZ;
  uint op;
  uint key;              // dropout: the counter key
  uint inner, channels;  // add_bias: element i belongs to channel (i / inner) % channels
  float a, b;
} p;

layout(std430, binding = 0) readonly buffer BufX { float X[]; };
layout(std430, binding = 1) readonly buffer BufY { float Y[]; };
layout(std430, binding = 2) writeonly buffer BufZ { float Z[]; };

const uint AXPBY = 0;         // a X + b Y
const uint MULTIPLY = 1;      // X Y
const uint RELU = 2;          // activations of X
const uint LEAKY_RELU = 3;    // slope a
const uint SIGMOID = 4;
const uint TANH = 5;
const uint RELU_BACKWARD = 6; // gradients: X is the forward output, Y the incoming gradient
const uint LEAKY_RELU_BACKWARD = 7;
const uint SIGMOID_BACKWARD = 8;
const uint TANH_BACKWARD = 9;
const uint DROPOUT = 10;      // 0 where counter_uniform(key, i) < a, else b
const uint ADD_BIAS = 11;     // Y (= Z's memory) plus the bias X of the element's channel
const uint CLIP = 12;         // Y scaled by min(1, a / sqrt(X[0])), X[0] being the squared global norm

// counter_uniform from nn/backend.h, bit for bit: lowbias32 hashes, 24 random bits.
uint mix32(uint x) {
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}
float counter_uniform(uint key, uint index) {
  return float(mix32(key ^ mix32(index * 0x9e3779b9u + 1u)) >> 8) * (1.0 / 16777216.0);
}

// tanh through exp(-2|x|), which cannot overflow.
float stable_tanh(float x) {
  const float t = exp(-2.0 * abs(x));
  return sign(x) * (1.0 - t) / (1.0 + t);
}

float compute(uint i) {
  const float x = X[p.offX + (p.op == ADD_BIAS ? (i / p.inner) % p.channels : p.op == CLIP ? 0 : i)];
  switch (p.op) {
    case AXPBY: return p.a * x + p.b * Y[p.offY + i];
    case MULTIPLY: return x * Y[p.offY + i];
    case RELU: return max(x, 0.0);
    case LEAKY_RELU: return x > 0.0 ? x : p.a * x;
    case SIGMOID: return 1.0 / (1.0 + exp(-x));
    case TANH: return stable_tanh(x);
    case RELU_BACKWARD: return x > 0.0 ? Y[p.offY + i] : 0.0;
    case LEAKY_RELU_BACKWARD: return x > 0.0 ? Y[p.offY + i] : p.a * Y[p.offY + i];
    case SIGMOID_BACKWARD: return Y[p.offY + i] * x * (1.0 - x);
    case TANH_BACKWARD: return Y[p.offY + i] * (1.0 - x * x);
    case DROPOUT: return counter_uniform(p.key, i) < p.a ? 0.0 : p.b;
    case ADD_BIAS: return Y[p.offY + i] + x;
    case CLIP: {
      const float norm = sqrt(x);
      return norm > p.a ? Y[p.offY + i] * (p.a / norm) : Y[p.offY + i];
    }
  }
  return 0.0;
}

void main() {
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) Z[p.offZ + i] = compute(i);
}
