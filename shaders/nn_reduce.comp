#version 450
// A deterministic sum of X (or of X squared) in two passes. Pass 1 (final = 0): workgroup g adds up its strided share
// and writes one partial sum to Out[g]. Pass 2 (final = 1, one workgroup over the partials): Out[0] = scale * sum, plus
// beta * Out[0] unless beta is 0. The summation order depends only on n and the workgroup count, so every run gives
// the same bits.
layout(local_size_x_id = 0, local_size_y = 1, local_size_z = 1) in;
layout(push_constant) uniform Params {
  uint n, offX, offOut;
  uint square, final_;
  float scale, beta;
} p;

layout(std430, binding = 0) readonly buffer BufX { float X[]; };
layout(std430, binding = 1) buffer BufOut { float Out[]; };

shared float partial[gl_WorkGroupSize.x];

void main() {
  const uint lid = gl_LocalInvocationID.x;
  const uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
  float s = 0.0;
  for (uint i = gl_GlobalInvocationID.x; i < p.n; i += stride) {
    const float x = X[p.offX + i];
    s += p.square != 0 ? x * x : x;
  }
  partial[lid] = s;
  barrier();
  for (uint half_ = gl_WorkGroupSize.x / 2; half_ > 0; half_ /= 2) {
    if (lid < half_) partial[lid] += partial[lid + half_];
    barrier();
  }
  if (lid != 0) return;
  if (p.final_ == 0) {
    Out[p.offOut + gl_WorkGroupID.x] = partial[0];
  } else {
    const float v = p.scale * partial[0];
    Out[p.offOut] = p.beta != 0.0 ? p.beta * Out[p.offOut] + v : v;
  }
}
